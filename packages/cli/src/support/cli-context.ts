import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { loadProviderPackages, type ProviderPackageLoad } from '../discovery/load-provider-packages.js';
import { UsageError } from './usage-error.js';
import { createSecretRegistry, type SecretRegistry } from './secrets.js';

/** What every command handler shares: the streams, the secrets to hide, the output mode, the loaded providers. */
export interface CliContext {
  /** Streams, environment, directory. */
  readonly io: CliIo;
  /** Secrets never to print. */
  readonly secrets: SecretRegistry;
  /** `--json` of the running command. */
  json: boolean;
  /** `--verbose` count of the running command. */
  verbose: number;
  /** The running (leaf) command, for usage messages. */
  command: Command | undefined;
  /** Imports the provider packages once (known ones, `MULTICLOUD_PROVIDERS`, and `required`). */
  loadProviders(required: readonly string[]): Promise<readonly ProviderPackageLoad[]>;
  /** Writes a line to stderr, with secrets scrubbed. */
  warn(text: string): void;
}

/** A fresh context for one run of the CLI. */
export function createCliContext(io: CliIo): CliContext {
  const secrets = createSecretRegistry(io.env);
  let loaded: Promise<readonly ProviderPackageLoad[]> | undefined;
  const context: CliContext = {
    io,
    secrets,
    json: false,
    verbose: 0,
    command: undefined,
    warn: (text) => void io.stderr.write(`${secrets.scrub(text)}\n`),
    loadProviders(required) {
      loaded ??= loadProviderPackages({ required, cwd: io.cwd, env: io.env }).then((loads) => {
        for (const load of loads) {
          if (load.status === 'loaded' || (load.source === 'known' && load.status === 'missing')) continue;
          const from = load.source === 'flag' ? '--require' : load.source === 'environment' ? 'MULTICLOUD_PROVIDERS' : 'the known providers';
          const why = load.status === 'missing' ? 'it is not installed (or no such file)' : load.error ?? 'unknown error';
          if (load.source === 'known') context.warn(`warning: ${load.specifier} (${from}) could not be loaded: ${why}`);
          else throw new UsageError(`cannot load provider module "${load.specifier}" (from ${from}): ${why}`, 'install the package in this project, or name a file path such as ./my-provider.js');
        }
        return loads;
      });
      return loaded;
    },
  };
  return context;
}
