import type { ComputeDriver } from '@multicloud/compute';
import type { Command } from 'commander';
import { openDriver } from '../driver/open-driver.js';
import { IMAGE_COLUMNS, LOCATION_COLUMNS, NODE_COLUMNS, SIZE_COLUMNS } from '../output/compute-columns.js';
import { printOutcome, printRows } from '../output/print.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { addConnectionOptions, type ConnectionOptions } from './common-options.js';
import { registerComputeCreate } from './compute-create.js';
import { locationOption } from './compute-lookups.js';

/** Options of the listings that may be restricted to one location. */
interface LocatedOptions extends ConnectionOptions {
  readonly location?: string | undefined;
}

/** `multicloud compute …`: nodes, images, sizes, locations, create, reboot, destroy. */
export function registerComputeCommands(program: Command, context: CliContext): void {
  const compute = program.command('compute').description('compute: nodes, images, sizes and locations');
  const open = (options: ConnectionOptions) => openDriver<ComputeDriver>('compute', context, options);
  const signal = context.io.signal;
  const leaf = (name: string, description: string) => addConnectionOptions(compute.command(name).description(description), 'compute');

  defineAction<ConnectionOptions>(leaf('nodes', 'list nodes'), context, async (_args, options) => {
    const driver = await open(options);
    printRows(context, NODE_COLUMNS, await driver.listNodes({ signal }), 'No nodes.');
  });
  defineAction<LocatedOptions>(leaf('images', 'list images').option('--location <id>', 'only those of one location'), context, async (_args, options) => {
    const driver = await open(options);
    const location = await locationOption(driver, options.location, signal);
    printRows(context, IMAGE_COLUMNS, await driver.listImages({ signal, location }), 'No images.');
  });
  defineAction<LocatedOptions>(leaf('sizes', 'list sizes').option('--location <id>', 'only those of one location'), context, async (_args, options) => {
    const driver = await open(options);
    const location = await locationOption(driver, options.location, signal);
    printRows(context, SIZE_COLUMNS, await driver.listSizes({ signal, location }), 'No sizes.');
  });
  defineAction<ConnectionOptions>(leaf('locations', 'list locations'), context, async (_args, options) => {
    const driver = await open(options);
    printRows(context, LOCATION_COLUMNS, await driver.listLocations({ signal }), 'No locations.');
  });

  registerComputeCreate(leaf('create', 'create a node'), context);

  defineAction<ConnectionOptions>(leaf('reboot', 'reboot a node').argument('<node-id>', 'the node'), context, async ([id = ''], options) => {
    const driver = await open(options);
    const node = await driver.getNode(id, { signal });
    await driver.rebootNode(node, { signal });
    printOutcome(context, node, `Rebooting node ${node.name} (${node.id}).`);
  });
  defineAction<ConnectionOptions>(leaf('destroy', 'destroy a node').argument('<node-id>', 'the node'), context, async ([id = ''], options) => {
    const driver = await open(options);
    const node = await driver.getNode(id, { signal });
    await driver.destroyNode(node, { signal });
    printOutcome(context, node, `Destroying node ${node.name} (${node.id}).`);
  });
}
