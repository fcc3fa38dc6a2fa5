import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '@multicloud/core';
import { guessContentType, hashingTap, type StorageObject, type UploadOptions } from '@multicloud/storage';
import { localObject } from './convert-local-models.js';
import { assertContainer } from './local-containers.js';
import type { StorageLayout } from './local-names.js';
import { writeSidecar } from './local-sidecar.js';
import { errnoCode, nameConflict } from './local-storage-errors.js';

const CONTROL = /[\u0000-\u001f\u007f]/;

/** The content type and metadata of an upload, checked; metadata keys lower-cased as the contract says. */
export interface CheckedUploadOptions {
  /** Content type; undefined: guess from the name. */
  readonly contentType: string | undefined;
  /** User metadata, lower-case keys. */
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Checks `contentType` and `metadata` before any byte is read.
 * @throws ValidationError naming the bad option
 */
export function checkUploadOptions(options: UploadOptions): CheckedUploadOptions {
  const { contentType, metadata = {} } = options;
  if (contentType !== undefined && (typeof contentType !== 'string' || contentType.trim() === '' || CONTROL.test(contentType))) {
    throw new ValidationError('options.contentType', 'must be a non-empty string without control characters');
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) throw new ValidationError('options.metadata', 'must be an object of strings');
  const checked: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (key === '' || CONTROL.test(key)) throw new ValidationError('options.metadata', `key ${JSON.stringify(key)} must be non-empty, without control characters`);
    if (typeof value !== 'string' || value.includes('\0')) throw new ValidationError(`options.metadata.${key}`, 'must be a string without NUL');
    checked[key.toLowerCase()] = value;
  }
  return { contentType, metadata: checked };
}

/** Moves a finished upload into place, creating the folders its name needs. */
async function placeFile(temporary: string, path: string, objectName: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(dirname(path), { recursive: true });
      await rename(temporary, path);
      return;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOTEMPTY') throw nameConflict(objectName, error);
      // ENOENT: a delete pruned the folder between mkdir and rename; once more.
      if (code !== 'ENOENT' || attempt > 0) throw error;
    }
  }
}

/**
 * Streams an upload into a partial file under the container's `.multicloud/tmp`, hashing it on the way, then renames
 * it over the object's data file and writes the sidecar. A failure or abort at any point before the rename removes
 * the partial file and leaves any previous version of the object untouched: there is never a half object.
 * @throws ContainerDoesNotExistError; ValidationError when the name collides with a folder of other objects; the
 * source's own error, or the abort reason
 */
export async function uploadLocalObject(
  layout: StorageLayout,
  source: AsyncIterable<Uint8Array>,
  containerName: string,
  objectName: string,
  options: CheckedUploadOptions & { readonly signal?: AbortSignal | undefined },
): Promise<StorageObject> {
  options.signal?.throwIfAborted();
  await assertContainer(layout, containerName);
  const partials = layout.partials(containerName);
  await mkdir(partials, { recursive: true });
  const temporary = join(partials, `${randomBytes(8).toString('hex')}.partial`);
  const path = layout.object(containerName, objectName);
  const { stream, tally } = hashingTap(source);
  // 1 MiB queued for the file (fs's default is 16 KiB): chunks that arrive during a write go out together.
  const file = createWriteStream(temporary, { flags: 'wx', highWaterMark: 1 << 20 });
  try {
    await (options.signal ? pipeline(stream, file, { signal: options.signal }) : pipeline(stream, file));
    const { mtimeMs } = await stat(temporary);
    const sidecar = { size: tally.size, mtimeMs, md5: tally.md5(), contentType: options.contentType ?? guessContentType(objectName), metadata: options.metadata };
    await placeFile(temporary, path, objectName);
    await writeSidecar(layout, containerName, objectName, sidecar);
    return localObject({ containerName, name: objectName, path, ...sidecar });
  } catch (error) {
    // Once closed: a failed pipeline may reject before the file is even created, and removing it first left it behind.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await rm(temporary, { force: true });
    throw error;
  }
}
