import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '@multicloud/core';
import { ObjectHashMismatchError } from '../storage-errors.js';
import { isPlainMd5 } from './hashing.js';

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
 * How much a download may have queued for the file before the network is paused. At fs's default (16 KiB) every
 * 64 KiB chunk waits for its own write on the thread pool; with 1 MiB queued, chunks arriving meanwhile go out
 * together in one `writev`: 1 GiB of 64 KiB chunks to tmpfs at ~2300 MB/s instead of ~1200 (bench/storage,
 * write-buffer). A literal: bundlers keep a top-level `1024 * 1024` (not known to be free of side effects), which
 * put this module into every bundle that imports the package (the tree-shaking gate caught it).
 */
const WRITE_BUFFER_BYTES = 1_048_576;

/**
 * Resolves once the file is closed. `pipeline` rejects as soon as the source fails, without waiting for the file
 * stream to finish opening and close; removing the partial file before then raced with its creation on another
 * thread of the pool, and left it behind (seen on CI).
 */
function closed(file: WriteStream): Promise<void> {
  return file.closed ? Promise.resolve() : new Promise((resolve) => file.once('close', () => resolve()));
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
  // MD5 only when there is a plain-MD5 hash to compare with (~1.2 s of CPU per GiB); counting is free.
  const hash = options.expectedHash && isPlainMd5(options.expectedHash) ? createHash('md5') : undefined;
  let size = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      size += chunk.byteLength;
      hash?.update(chunk);
      yield chunk;
    }
  }
  const file = createWriteStream(temporary, { flags: 'wx', highWaterMark: WRITE_BUFFER_BYTES });
  try {
    await pipeline(counted(), file, { signal: options.signal });
    if (options.expectedSize !== undefined && size !== options.expectedSize) {
      throw new ObjectHashMismatchError({ provider: options.provider, objectName: options.objectName, expected: `${options.expectedSize} bytes`, actual: `${size} bytes` });
    }
    const md5 = hash?.digest('hex');
    if (md5 !== undefined && options.expectedHash !== undefined && options.expectedHash.toLowerCase() !== md5) {
      throw new ObjectHashMismatchError({ provider: options.provider, objectName: options.objectName, expected: options.expectedHash, actual: md5 });
    }
    await rename(temporary, destination);
  } catch (error) {
    await closed(file);
    if (options.deleteOnFailure === false) await rename(temporary, destination).catch(() => undefined);
    else await rm(temporary, { force: true });
    // Node 20's pipeline rejects an abort with its own AbortError (the reason only as `cause`); every other call
    // of the SDK rejects with the signal's reason itself (so AbortSignal.timeout() gives a TimeoutError).
    throw options.signal?.aborted && error instanceof Error && error.name === 'AbortError' ? options.signal.reason : error;
  }
}
