import { ObjectHashMismatchError, hashingTap, isPlainMd5, type StorageObject } from '@multicloud/storage';
import { UsageError } from '../support/usage-error.js';

/** `--meta key=value` pairs as user metadata. */
export function parseMetadata(pairs: readonly string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new UsageError(`--meta expects key=value, got "${pair}"`);
    metadata[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return metadata;
}

/**
 * Streams a download through `write` (to stdout), then checks what went through as a file download would be:
 * the byte count, and the MD5 when the object's hash is a plain MD5.
 * @throws ObjectHashMismatchError when they differ (the bytes are already out: the exit code tells the script)
 */
export async function checkStdoutDownload(
  provider: string,
  object: StorageObject,
  source: AsyncIterable<Uint8Array>,
  write: (bytes: AsyncIterable<Uint8Array>) => Promise<void>,
): Promise<void> {
  const { stream, tally } = hashingTap(source);
  await write(stream);
  if (tally.size !== object.size) {
    throw new ObjectHashMismatchError({ provider, objectName: object.name, expected: `${object.size} bytes`, actual: `${tally.size} bytes` });
  }
  const md5 = tally.md5();
  if (isPlainMd5(object.hash) && object.hash.toLowerCase() !== md5) {
    throw new ObjectHashMismatchError({ provider, objectName: object.name, expected: object.hash, actual: md5 });
  }
}
