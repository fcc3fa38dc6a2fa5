import type { StorageDriver, StorageObject } from '@multicloud/storage';
import { Option, type Command } from 'commander';
import { openDriver } from '../driver/open-driver.js';
import { printOutcome, printRows } from '../output/print.js';
import { CONTAINER_COLUMNS, OBJECT_COLUMNS } from '../output/storage-columns.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { parseDuration } from '../support/duration.js';
import { parseObjectName, parseObjectPath } from '../support/object-path.js';
import { addConnectionOptions, type ConnectionOptions } from './common-options.js';
import { registerStorageTransfers } from './storage-transfer.js';

/** Options of `storage url`. */
interface UrlOptions extends ConnectionOptions {
  readonly expires: number;
  readonly method: 'GET' | 'PUT';
}

/** An object that may not exist yet (the target of a temporary PUT URL), made by hand. */
function futureObject(containerName: string, name: string): StorageObject {
  return Object.freeze({ name, containerName, size: 0, hash: '', metadata: Object.freeze({}), extra: Object.freeze({}) });
}

/** `multicloud storage …`: ls, put, get, rm, mb, rb, url. */
export function registerStorageCommands(program: Command, context: CliContext): void {
  const storage = program.command('storage').description('storage: containers and objects');
  const open = (options: ConnectionOptions) => openDriver<StorageDriver>('storage', context, options);
  const signal = context.io.signal;
  const leaf = (name: string, description: string) => addConnectionOptions(storage.command(name).description(description), 'storage');

  defineAction<ConnectionOptions>(leaf('ls', 'list containers, or the objects of one (under a prefix)').argument('[container[/prefix]]'), context, async ([path], options) => {
    const driver = await open(options);
    if (path === undefined) return printRows(context, CONTAINER_COLUMNS, await driver.listContainers({ signal }), 'No containers.');
    const { container, name: prefix } = parseObjectPath(path, 'container[/prefix]');
    const found = await driver.getContainer(container, { signal });
    printRows(context, OBJECT_COLUMNS, await driver.listObjects(found, { signal, prefix: prefix === '' ? undefined : prefix }), 'No objects.');
  });

  registerStorageTransfers(leaf('put', 'upload a file (or stdin: -) as container/name'), leaf('get', 'download container/name to a file (or stdout: -)'), context);

  defineAction<ConnectionOptions>(leaf('rm', 'delete an object').argument('<container/name>'), context, async ([path = ''], options) => {
    const { container, name } = parseObjectName(path);
    const driver = await open(options);
    const object = await driver.getObject(container, name, { signal });
    await driver.deleteObject(object, { signal });
    printOutcome(context, object, `Deleted ${container}/${name}.`);
  });
  defineAction<ConnectionOptions>(leaf('mb', 'make a container (bucket)').argument('<container>'), context, async ([name = ''], options) => {
    const driver = await open(options);
    const container = await driver.createContainer(name, { signal });
    printOutcome(context, container, `Created container ${container.name}.`);
  });
  defineAction<ConnectionOptions>(leaf('rb', 'remove an empty container (bucket)').argument('<container>'), context, async ([name = ''], options) => {
    const driver = await open(options);
    const container = await driver.getContainer(name, { signal });
    await driver.deleteContainer(container, { signal });
    printOutcome(context, container, `Deleted container ${container.name}.`);
  });

  const url = leaf('url', 'print a temporary URL that needs no credentials')
    .argument('<container/name>')
    .addOption(new Option('--expires <duration>', 'lifetime: seconds, or 90s, 15m, 12h, 7d').argParser(parseDuration).default(3600, '1h'))
    .addOption(new Option('--method <method>', 'what the URL allows').choices(['GET', 'PUT']).default('GET'));
  defineAction<UrlOptions>(url, context, async ([path = ''], options) => {
    const { container, name } = parseObjectName(path);
    const driver = await open(options);
    const object = options.method === 'GET' ? await driver.getObject(container, name, { signal }) : futureObject(container, name);
    const expiresAt = new Date(Date.now() + options.expires * 1000);
    const link = await driver.getObjectTemporaryUrl(object, { expiresInSeconds: options.expires, method: options.method, signal });
    printOutcome(context, { url: link, method: options.method, expiresAt: expiresAt.toISOString() }, link);
  });
}
