import { createHash } from 'node:crypto';
import { ObjectHashMismatchError } from '../storage-errors.js';

/** What a downloaded byte stream must turn out to be. */
export interface ExpectedBytes {
  /** Provider id, for the error. */
  readonly provider: string;
  /** Object name, for the error. */
  readonly objectName: string;
  /** The byte count the answer announced. */
  readonly size: number;
  /** The content MD5 (hex), when it is known; large objects and ranges have none. */
  readonly md5?: string | undefined;
}

/**
 * Passes downloaded bytes through while counting them (and hashing them when there is an MD5 to compare with), and
 * fails at the end with `ObjectHashMismatchError` when the size (always) or the MD5 (when given) differs — so a
 * truncated or corrupted download is never taken for a good one, without buffering it. MD5 costs ~1.2 s of CPU per
 * GiB: a multipart ETag or a range, which have no MD5, are only counted.
 */
export async function* verifiedBytes(source: AsyncIterable<Uint8Array>, expected: ExpectedBytes): AsyncGenerator<Uint8Array> {
  const hash = expected.md5 === undefined ? undefined : createHash('md5');
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    hash?.update(chunk);
    yield chunk;
  }
  const fail = (wanted: string, got: string) => new ObjectHashMismatchError({ provider: expected.provider, objectName: expected.objectName, expected: wanted, actual: got });
  if (size !== expected.size) throw fail(`${expected.size} bytes`, `${size} bytes`);
  if (hash && expected.md5 !== undefined) {
    const md5 = hash.digest('hex');
    if (md5 !== expected.md5.toLowerCase()) throw fail(expected.md5, md5);
  }
}
