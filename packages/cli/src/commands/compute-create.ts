import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { waitUntilRunning, type ComputeDriver, type NodeAuth } from '@multicloud/compute';
import type { Command } from 'commander';
import { openDriver } from '../driver/open-driver.js';
import { NODE_COLUMNS } from '../output/compute-columns.js';
import { printJson } from '../output/print.js';
import { renderTable } from '../output/table.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { findById } from '../support/find-by-id.js';
import { readStdinText } from '../support/read-stdin.js';
import { UsageError } from '../support/usage-error.js';
import { positiveInteger, type ConnectionOptions } from './common-options.js';
import { imageOption, locationOption } from './compute-lookups.js';

/** Options of `compute create`. */
interface CreateOptions extends ConnectionOptions {
  readonly name: string;
  readonly size: string;
  readonly image: string;
  readonly location?: string | undefined;
  readonly sshKey?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
  readonly wait?: boolean | undefined;
  readonly waitTimeout?: number | undefined;
}

async function nodeAuth(context: CliContext, options: CreateOptions): Promise<NodeAuth | undefined> {
  if (options.sshKey !== undefined && options.passwordStdin) throw new UsageError('give either --ssh-key or --password-stdin, not both');
  if (options.sshKey !== undefined) {
    const sshKey = await readFile(resolve(context.io.cwd, options.sshKey), 'utf8').catch(() => {
      throw new UsageError(`cannot read the public key file ${options.sshKey}`);
    });
    return { sshKey: sshKey.trim() };
  }
  if (!options.passwordStdin) return undefined;
  const password = (await readStdinText(context.io.stdin)).replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin read an empty password');
  context.secrets.add(password);
  return { password };
}

/** `compute create`: creates a node from the ids of a size, an image and optionally a location. */
export function registerComputeCreate(command: Command, context: CliContext): void {
  command
    .requiredOption('--name <name>', 'name of the new node')
    .requiredOption('--size <id>', 'size id (see `compute sizes`)')
    .requiredOption('--image <id>', 'image id (see `compute images`)')
    .option('--location <id>', 'location id (see `compute locations`); default: the provider\'s')
    .option('--ssh-key <file>', 'log in with this public key file')
    .option('--password-stdin', 'read the root password from stdin')
    .option('--wait', 'wait until the node is running and has an address')
    .option('--wait-timeout <seconds>', 'give up waiting after this long (default 600)', positiveInteger);
  const signal = context.io.signal;
  defineAction<CreateOptions>(command, context, async (_args, options) => {
    const auth = await nodeAuth(context, options);
    const driver = await openDriver<ComputeDriver>('compute', context, options);
    const size = findById('size', options.size, await driver.listSizes({ signal }), 'multicloud compute sizes');
    const image = await imageOption(driver, options.image, signal);
    const location = await locationOption(driver, options.location, signal);
    let node = await driver.createNode({ name: options.name, size, image, location, auth, signal });
    if (options.wait) {
      const timeoutMs = (options.waitTimeout ?? 600) * 1000;
      [node = node] = await waitUntilRunning(driver, [node], { timeoutMs, signal });
    }
    if (context.json) printJson(context, node);
    else context.io.stdout.write(`${renderTable(NODE_COLUMNS, [node])}\n`);
  });
}
