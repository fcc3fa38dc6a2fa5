import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** 1 MiB. */
export const MIB = 1024 * 1024;
const CHUNK = 64 * 1024;
/** Random bytes the payload chunks are cut from (views, never copies: generating costs no memory). */
const BLOCK = randomBytes(MIB + CHUNK);

/** `total` bytes, generated on the fly in 64 KiB chunks; `onChunk` sees each one (to hash what was sent). */
export function payload(total: number, onChunk?: (chunk: Buffer) => void): Readable {
  function* chunks(): Generator<Buffer> {
    for (let sent = 0, index = 0; sent < total; index += 1) {
      const size = Math.min(CHUNK, total - sent);
      const start = (index * 4099) % MIB;
      const chunk = BLOCK.subarray(start, start + size);
      onChunk?.(chunk);
      sent += size;
      yield chunk;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** An md5 that is fed chunk by chunk. */
export function md5(): { update(chunk: Buffer): void; digest(): string } {
  const hash = createHash('md5');
  return { update: (chunk) => void hash.update(chunk), digest: () => hash.digest('hex') };
}
