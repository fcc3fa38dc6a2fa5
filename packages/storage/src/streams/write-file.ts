import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '@multicloud/core';
import { ObjectHashMismatchError } from '../storage-errors.js';
import { hashingTap, isPlainMd5 } from './hashing.js';

/** What to check and how to behave while writing a download to a file. */
export interface WriteFileOptions {
  /** Provider id, for errors. */
  readonly provider: string;
  /** Object name, for errors. */
  readonly objectName: string;
  /** The size the object has; a different byte count is an error. */
  readonly expectedSize?: number | undefined;
  /** The object's ETag; compared when it is a plain MD5. */
  readonly expectedHash?: string | undefined;
  /** Replace an existing file. Default false. */
  readonly overwrite?: boolean | undefined;
  /** Remove what was written when anything fails. Default true; false keeps the partial file at the destination. */
  readonly deleteOnFailure?: boolean | undefined;
  /** Cancels the write. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Streams bytes into `destination` atomically: into a temporary file beside it, checked (size, and MD5 where the
 * hash is a plain MD5), then renamed over the destination. A failure never leaves a half-written destination
 * behind unless `deleteOnFailure` is false.
 * @throws ValidationError when the destination exists and `overwrite` is not set
 * @throws ObjectHashMismatchError when size or MD5 differ
 */
export async function writeStreamToFile(source: AsyncIterable<Uint8Array>, destination: string, options: WriteFileOptions): Promise<void> {
  if (!options.overwrite && existsSync(destination)) {
    throw new ValidationError('destinationPath', `${destination} exists; pass { overwrite: true } to replace it`);
  }
  const temporary = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
  const { stream, tally } = hashingTap(source);
  try {
    await pipeline(stream, createWriteStream(temporary, { flags: 'wx' }), { signal: options.signal });
    const md5 = tally.md5();
    if (options.expectedSize !== undefined && tally.size !== options.expectedSize) {
      throw new ObjectHashMismatchError({ provider: options.provider, objectName: options.objectName, expected: `${options.expectedSize} bytes`, actual: `${tally.size} bytes` });
    }
    if (options.expectedHash && isPlainMd5(options.expectedHash) && options.expectedHash.toLowerCase() !== md5) {
      throw new ObjectHashMismatchError({ provider: options.provider, objectName: options.objectName, expected: options.expectedHash, actual: md5 });
    }
    await rename(temporary, destination);
  } catch (error) {
    if (options.deleteOnFailure === false) await rename(temporary, destination).catch(() => undefined);
    else await rm(temporary, { force: true });
    throw error;
  }
}
