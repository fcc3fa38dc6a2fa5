import { ObjectHashMismatchError } from '../storage-errors.js';
import { hashingTap } from './hashing.js';

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
 * Passes downloaded bytes through while counting and hashing them, and fails at the end with
 * `ObjectHashMismatchError` when the size (always) or the MD5 (when given) differs — so a truncated or corrupted
 * download is never taken for a good one, without buffering it.
 */
export async function* verifiedBytes(source: AsyncIterable<Uint8Array>, expected: ExpectedBytes): AsyncGenerator<Uint8Array> {
  const { stream, tally } = hashingTap(source);
  yield* stream;
  const fail = (wanted: string, got: string) => new ObjectHashMismatchError({ provider: expected.provider, objectName: expected.objectName, expected: wanted, actual: got });
  if (tally.size !== expected.size) throw fail(`${expected.size} bytes`, `${tally.size} bytes`);
  if (expected.md5 !== undefined && tally.md5() !== expected.md5.toLowerCase()) throw fail(expected.md5, tally.md5());
}
