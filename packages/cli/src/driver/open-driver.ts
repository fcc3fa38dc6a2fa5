import { UnknownProviderError, getDriver, listProviders, type ApiName } from '@multicloud/core';
import type { ConnectionOptions } from '../commands/common-options.js';
import type { CliContext } from '../support/cli-context.js';
import { isSecretName } from '../support/secrets.js';
import { UsageError } from '../support/usage-error.js';
import { parseSettingPairs } from './setting-pairs.js';
import { createVerboseLogger } from './verbose-logger.js';

const COMMAND_OF: Readonly<Record<ApiName, string>> = { compute: 'compute', storage: 'storage', lb: 'lb' };

function unknownProvider(api: ApiName, id: string, registered: readonly string[]): UsageError {
  const elsewhere = listProviders().find((info) => info.id === id);
  const installed = registered.length > 0 ? registered.join(', ') : 'none';
  const hint = elsewhere
    ? `"${id}" offers ${elsewhere.apis.join(' and ')}: try \`multicloud ${COMMAND_OF[elsewhere.apis[0] ?? api]} … --provider ${id}\``
    : 'see `multicloud providers`; a third-party provider package loads with --require <package> or MULTICLOUD_PROVIDERS';
  return new UsageError(`unknown ${api} provider "${id}" (installed ${api} providers: ${installed})`, hint);
}

/** The settings the flags stand for: `--set` pairs, overridden by the dedicated flags. */
export function driverSettings(context: CliContext, options: ConnectionOptions): Record<string, unknown> {
  const settings = parseSettingPairs(options.set ?? []);
  for (const [key, value] of Object.entries(settings)) if (isSecretName(key) && typeof value === 'string') context.secrets.add(value);
  if (options.region !== undefined) settings['region'] = options.region;
  if (options.endpoint !== undefined) settings['endpoint'] = options.endpoint;
  if (options.username !== undefined) settings['username'] = options.username;
  if (options.timeout !== undefined) settings['timeoutMs'] = options.timeout;
  if (!options.retry) settings['retry'] = false;
  if (options.verbose > 0) settings['logger'] = createVerboseLogger(options.verbose, (line) => context.warn(line));
  return settings;
}

/**
 * Loads the provider packages, finds `--provider` for `api` in the registry and calls its factory with the
 * settings of the flags. Factories do no I/O: credentials are read from the environment on the first request.
 * @throws UsageError for an unknown provider, a `--require` that cannot be loaded, or a bad `--set`
 */
export async function openDriver<T>(api: ApiName, context: CliContext, options: ConnectionOptions): Promise<T> {
  await context.loadProviders(options.require ?? []);
  let factory: (settings: Record<string, unknown>) => unknown;
  try {
    factory = getDriver(api, options.provider);
  } catch (error) {
    if (UnknownProviderError.isInstance(error)) throw unknownProvider(api, options.provider, error.registered);
    throw error;
  }
  return factory(driverSettings(context, options)) as T;
}
