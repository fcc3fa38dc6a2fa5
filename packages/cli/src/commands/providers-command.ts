import { API_NAMES, listProviders, type ApiName, type ProviderInfo } from '@multicloud/core';
import type { Command } from 'commander';
import { printRows } from '../output/print.js';
import type { Column } from '../output/table.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { addOutputOptions, type OutputOptions } from './common-options.js';

/** One row of `multicloud providers`: the registry's description plus the module that registered it. */
interface ProviderRow extends ProviderInfo {
  /** The provider module that registered the id, when the CLI loaded it. */
  readonly package: string | undefined;
}

const offers = (api: ApiName) => (row: ProviderRow) => (row.apis.includes(api) ? 'yes' : '-');

const PROVIDER_COLUMNS: readonly Column<ProviderRow>[] = [
  { heading: 'ID', value: (row) => row.id },
  { heading: 'NAME', value: (row) => row.name },
  ...API_NAMES.map((api) => ({ heading: api.toUpperCase(), value: offers(api) })),
  { heading: 'PACKAGE', value: (row) => row.package },
];

/** `multicloud providers`: the registered providers and the APIs each offers. */
export function registerProvidersCommand(program: Command, context: CliContext): void {
  const command = program.command('providers').description('list the installed providers and the APIs each offers');
  addOutputOptions(command);
  defineAction<OutputOptions>(command, context, async (_args, options) => {
    const loads = await context.loadProviders(options.require ?? []);
    const packageOf = new Map<string, string>();
    for (const load of loads) for (const { id } of load.registered) if (!packageOf.has(id)) packageOf.set(id, load.specifier);
    const rows = listProviders().map((info): ProviderRow => ({ id: info.id, name: info.name, apis: info.apis, package: packageOf.get(info.id) }));
    printRows(context, PROVIDER_COLUMNS, rows, 'No providers are installed: install one, e.g. `npm install @multicloud/provider-ec2`.');
  });
}
