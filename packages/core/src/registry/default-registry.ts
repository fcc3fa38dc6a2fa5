import { createRegistry, type Registry } from './registry.js';

/**
 * The default registry lives on `globalThis` under a registered symbol, created on first use (never at import),
 * so that two copies of `@multicloud/core` in one app (a provider built against another patch version) still
 * share one registry: a provider registered by one copy is found by the other.
 */
const REGISTRY_KEY = Symbol.for('@multicloud/core/default-registry');

/** The process-wide registry that `registerProvider`, `getDriver` and `listProviders` use. */
export function defaultRegistry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= createRegistry());
}

/** Registers a provider in the default registry. See {@link Registry.registerProvider}. */
export const registerProvider: Registry['registerProvider'] = (definition, options) => defaultRegistry().registerProvider(definition, options);

/**
 * Returns a driver factory from the default registry, typed when the provider's `register` entry was imported.
 *
 * @example
 * ```ts
 * import { getDriver } from '@multicloud/core';
 * import '@multicloud/provider-ec2/register';
 * const ec2 = getDriver('compute', 'ec2')({ region: 'eu-west-1' });
 * ```
 */
export const getDriver: Registry['getDriver'] = ((api: never, id: never) => defaultRegistry().getDriver(api, id)) as Registry['getDriver'];

/** Lists providers in the default registry. See {@link Registry.listProviders}. */
export const listProviders: Registry['listProviders'] = (api) => defaultRegistry().listProviders(api);
