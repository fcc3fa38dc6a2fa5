import { open } from 'node:fs/promises';
import { Readable, addAbortSignal } from 'node:stream';
import { ValidationError } from '@multicloud/core';
import type { ByteRange } from '@multicloud/storage';
import type { StorageLayout } from './local-names.js';
import { isMissing, noSuchObject } from './local-storage-errors.js';

/**
 * Checks a byte range (`end` exclusive).
 * @throws ValidationError for a start that is not a whole number ≥ 0, or an end that is not a whole number > start
 */
export function checkRange(range: ByteRange): void {
  if (typeof range !== 'object' || range === null) throw new ValidationError('options.range', 'must be { start, end? }');
  const { start, end } = range;
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('options.range.start', `must be a whole number ≥ 0, got ${String(start)}`);
  if (end !== undefined && (!Number.isInteger(end) || end <= start)) {
    throw new ValidationError('options.range.end', `must be a whole number > start (it is exclusive), got ${String(end)}`);
  }
}

/**
 * Opens an object's data file and streams it, or a byte range of it. The file is opened before this resolves, so a
 * missing object rejects here rather than in the stream, and a later replacement of the object does not affect the
 * bytes read. An `end` past the end of the object reads to the end; a `start` past it is an error.
 * @throws ObjectDoesNotExistError; ValidationError for a bad range
 */
export async function openLocalObject(
  layout: StorageLayout,
  containerName: string,
  objectName: string,
  options: { readonly range?: ByteRange | undefined; readonly signal?: AbortSignal | undefined } = {},
): Promise<Readable> {
  if (options.range !== undefined) checkRange(options.range);
  options.signal?.throwIfAborted();
  const handle = await open(layout.object(containerName, objectName), 'r').catch((error: unknown) => {
    throw isMissing(error) || (error as { code?: string }).code === 'EISDIR' ? noSuchObject(containerName, objectName, error) : error;
  });
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw noSuchObject(containerName, objectName);
    const start = options.range?.start ?? 0;
    if (start > stats.size) throw new ValidationError('options.range.start', `is past the end of the object (${stats.size} bytes)`);
    if (start === stats.size) {
      await handle.close();
      return Readable.from([]);
    }
    const end = options.range?.end === undefined ? undefined : Math.min(options.range.end, stats.size) - 1;
    const stream = handle.createReadStream({ start, ...(end === undefined ? {} : { end }), autoClose: true, highWaterMark: 1 << 20 });
    return options.signal ? addAbortSignal(options.signal, stream) : stream;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
