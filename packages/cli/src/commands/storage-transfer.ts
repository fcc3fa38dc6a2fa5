import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeStreamToFile, type StorageDriver } from '@multicloud/storage';
import type { Command } from 'commander';
import { openDriver } from '../driver/open-driver.js';
import { formatBytes } from '../output/format.js';
import { printOutcome } from '../output/print.js';
import { createTransferProgress } from '../output/transfer-progress.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { parseObjectName, parseObjectPath } from '../support/object-path.js';
import { UsageError } from '../support/usage-error.js';
import type { ConnectionOptions } from './common-options.js';
import { checkStdoutDownload, parseMetadata } from './transfer-checks.js';

/** Options of `storage put`. */
interface PutOptions extends ConnectionOptions {
  readonly progress: boolean;
  readonly contentType?: string | undefined;
  readonly meta?: readonly string[] | undefined;
}

/** Options of `storage get`. */
interface GetOptions extends ConnectionOptions {
  readonly progress: boolean;
  readonly force?: boolean | undefined;
}

const collect = (value: string, previous: readonly string[] | undefined): string[] => [...(previous ?? []), value];

/** Progress bars only on a terminal: never when stderr is piped, or with `--no-progress`. */
const showProgress = (context: CliContext, options: { readonly progress: boolean }) => options.progress && context.io.stderr.isTTY === true;

async function fileSize(path: string, shown: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`${shown} is not a readable file`, 'give a file path, or - to upload stdin');
  return info.size;
}

/** `storage put` and `storage get`: streaming transfers with a progress bar on a terminal. */
export function registerStorageTransfers(put: Command, get: Command, context: CliContext): void {
  const signal = context.io.signal;
  put
    .argument('<file>', 'file to upload, or - for stdin')
    .argument('<container/name>', 'where to; a name ending in / (or none) takes the file name')
    .option('--content-type <type>', 'content type (default: guessed from the name)')
    .option('--meta <key=value>', 'user metadata (repeatable)', collect)
    .option('--no-progress', 'no progress bar');
  defineAction<PutOptions>(put, context, async ([source = '', target = ''], options) => {
    const { container, name } = parseObjectPath(target);
    if (source === '-' && (name === '' || name.endsWith('/'))) throw new UsageError('uploading stdin needs an object name: - container/name');
    const objectName = name === '' || name.endsWith('/') ? `${name}${basename(source)}` : name;
    const path = resolve(context.io.cwd, source);
    const total = source === '-' ? undefined : await fileSize(path, source);
    const metadata = parseMetadata(options.meta ?? []);
    const driver = await openDriver<StorageDriver>('storage', context, options);
    const found = await driver.getContainer(container, { signal });
    const input = source === '-' ? context.io.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
    const progress = createTransferProgress({ stream: context.io.stderr, enabled: showProgress(context, options), total, label: `↑ ${objectName}` });
    try {
      const object = await driver.uploadObjectFromStream(progress.tap(input), found, objectName, { signal, contentType: options.contentType, metadata });
      progress.stop();
      printOutcome(context, object, `Uploaded ${source === '-' ? 'stdin' : source} to ${container}/${objectName} (${formatBytes(object.size)}).`);
    } catch (error) {
      progress.stop();
      throw error;
    }
  });

  get
    .argument('<container/name>', 'the object')
    .argument('[file]', 'where to write it, or - for stdout (default: its base name, here)')
    .option('-f, --force', 'replace an existing file')
    .option('--no-progress', 'no progress bar');
  defineAction<GetOptions>(get, context, async ([source = '', target], options) => {
    const { container, name } = parseObjectName(source);
    const destination = target ?? basename(name);
    const path = resolve(context.io.cwd, destination);
    if (destination !== '-' && existsSync(path) && !options.force) throw new UsageError(`${destination} exists`, 'add --force to replace it');
    const driver = await openDriver<StorageDriver>('storage', context, options);
    const object = await driver.getObject(container, name, { signal });
    const stream = await driver.downloadObjectAsStream(object, { signal });
    const progress = createTransferProgress({ stream: context.io.stderr, enabled: showProgress(context, options), total: object.size, label: `↓ ${name}` });
    try {
      const bytes = progress.tap(stream);
      if (destination === '-') await checkStdoutDownload(driver.provider, object, bytes, (checked) => pipeline(checked, context.io.stdout, { end: false, signal }));
      else await writeStreamToFile(bytes, path, { provider: driver.provider, objectName: name, expectedSize: object.size, expectedHash: object.hash, overwrite: options.force === true, signal });
      progress.stop();
    } catch (error) {
      progress.stop();
      throw error;
    }
    if (destination !== '-') printOutcome(context, object, `Downloaded ${container}/${name} to ${destination} (${formatBytes(object.size)}).`);
  });
}
