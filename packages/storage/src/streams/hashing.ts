import { createHash } from 'node:crypto';

/** What a {@link hashingTap} has seen so far. */
export interface HashTally {
  /** Bytes that went through. */
  readonly size: number;
  /** MD5 hex of the bytes that went through; only final once the stream ended. */
  md5(): string;
}

/**
 * Passes chunks through unchanged while counting them and hashing them with MD5, so integrity can be checked
 * without a second read or a buffer. Read `tally` after the stream has ended.
 */
export function hashingTap(source: AsyncIterable<Uint8Array>): { readonly stream: AsyncIterable<Uint8Array>; readonly tally: HashTally } {
  const hash = createHash('md5');
  let size = 0;
  let digest: string | undefined;
  async function* stream(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.byteLength;
      yield chunk;
    }
  }
  return {
    stream: stream(),
    tally: {
      get size() {
        return size;
      },
      md5: () => (digest ??= hash.digest('hex')),
    },
  };
}

/** A CRC32 (as `zlib.crc32` returns it) as S3 writes it in `x-amz-checksum-crc32`: base64 of the big-endian value. */
export function crc32Base64(crc: number): string {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(crc >>> 0);
  return bytes.toString('base64');
}

/** Removes the quotes providers put around ETags: `"abc"` → `abc`. */
export function unquoteEtag(etag: string | undefined): string {
  return (etag ?? '').trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/**
 * Whether an ETag is a plain MD5 of the content (a simple upload), as opposed to a multipart/segmented ETag
 * (`<md5 of part md5s>-<parts>`), which cannot be compared with the content's MD5.
 */
export function isPlainMd5(etag: string): boolean {
  return /^[0-9a-f]{32}$/i.test(etag);
}
