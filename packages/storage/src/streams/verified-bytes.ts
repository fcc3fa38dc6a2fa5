import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ObjectHashMismatchError } from '../storage-errors.js';
import { crc32Base64 } from './hashing.js';

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
  /**
   * The full-object CRC32 the service sent (S3 `x-amz-checksum-crc32`: base64 of the big-endian value). Checked
   * instead of the MD5 when given: zlib's CRC32 runs at ~7 GB/s, MD5 at ~0.9 GB/s on one core.
   */
  readonly crc32?: string | undefined;
}

/**
 * Passes downloaded bytes through while counting them, and checking them when there is something to check against
 * (a CRC32, else an MD5), and fails at the end with `ObjectHashMismatchError` when the size (always) or the checksum
 * differs — so a truncated or corrupted download is never taken for a good one, without buffering it. MD5 costs
 * ~1.2 s of CPU per GiB: a multipart ETag or a range, which have no checksum, are only counted.
 */
export async function* verifiedBytes(source: AsyncIterable<Uint8Array>, expected: ExpectedBytes): AsyncGenerator<Uint8Array> {
  const useCrc = expected.crc32 !== undefined;
  const hash = !useCrc && expected.md5 !== undefined ? createHash('md5') : undefined;
  let crc = 0;
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (useCrc) crc = crc32(chunk, crc);
    else hash?.update(chunk);
    yield chunk;
  }
  const fail = (wanted: string, got: string) => new ObjectHashMismatchError({ provider: expected.provider, objectName: expected.objectName, expected: wanted, actual: got });
  if (size !== expected.size) throw fail(`${expected.size} bytes`, `${size} bytes`);
  if (useCrc) {
    const actual = crc32Base64(crc);
    if (actual !== expected.crc32) throw fail(`CRC32 ${expected.crc32}`, `CRC32 ${actual}`);
  } else if (hash && expected.md5 !== undefined) {
    const md5 = hash.digest('hex');
    if (md5 !== expected.md5.toLowerCase()) throw fail(expected.md5, md5);
  }
}
