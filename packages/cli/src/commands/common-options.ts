import type { ApiName } from '@multicloud/core';
import { InvalidArgumentError, Option, type Command } from 'commander';

/** Options every command takes. */
export interface OutputOptions {
  /** Print JSON (the contract's models) instead of tables. */
  readonly json?: boolean | undefined;
  /** `-v`: one line per request; `-vv`: headers and bodies too (redacted). */
  readonly verbose: number;
  /** More provider modules to load. */
  readonly require?: readonly string[] | undefined;
}

/** Options of every command that talks to a provider. */
export interface ConnectionOptions extends OutputOptions {
  /** Registry id of the provider. */
  readonly provider: string;
  /** Region, for providers that have regions. */
  readonly region?: string | undefined;
  /** Base URL replacing the provider's own (emulators, proxies, private endpoints). */
  readonly endpoint?: string | undefined;
  /** User name, for providers that log in with one. */
  readonly username?: string | undefined;
  /** Provider settings as `key=value` / `key:=json`. */
  readonly set?: readonly string[] | undefined;
  /** Request timeout in ms. */
  readonly timeout?: number | undefined;
  /** False with `--no-retry`. */
  readonly retry: boolean;
}

const collect = (value: string, previous: readonly string[] | undefined): string[] => [...(previous ?? []), value];
const count = (_value: string, previous: number): number => previous + 1;

/** A positive whole number, for commander's argument parsers. */
export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return number;
}

/** Adds `--json`, `--verbose` and `--require`. */
export function addOutputOptions(command: Command): Command {
  return command
    .option('--json', 'print JSON (the models of the portable API) instead of a table')
    .option('-v, --verbose', 'log each request (redacted) on stderr; -vv adds headers and bodies', count, 0)
    .option('--require <module>', 'load a provider package or module first (repeatable)', collect);
}

/** Adds the provider and connection options (and the output ones). */
export function addConnectionOptions(command: Command, api: ApiName): Command {
  const variable = `MULTICLOUD_${api.toUpperCase()}_PROVIDER`;
  command
    .addOption(new Option('-p, --provider <id>', `${api} provider id (see \`multicloud providers\`)`).env(variable).makeOptionMandatory())
    .option('--region <region>', 'region, for providers that have them')
    .option('--endpoint <url>', "base URL replacing the provider's own (emulators, proxies)")
    .option('--username <name>', 'user name, for providers that log in with one')
    .option('--set <key=value>', 'any provider setting; key:=json for a typed value (repeatable)', collect)
    .option('--timeout <ms>', 'request timeout in milliseconds', positiveInteger)
    .option('--no-retry', 'do not retry failed requests');
  return addOutputOptions(command);
}
