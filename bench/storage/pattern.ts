/** The bytes every storage benchmark moves: one 1 MiB pseudo-random buffer, repeated (nothing compresses). */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export const PATTERN_SIZE = 1 << 20;

export const PATTERN: Buffer = (() => {
  const buffer = Buffer.allocUnsafe(PATTERN_SIZE);
  let state = 0x9e3779b9;
  for (let index = 0; index < PATTERN_SIZE; index += 4) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    buffer.writeUInt32LE(state, index);
  }
  return buffer;
})();

const md5Cache = new Map<number, string>();

/** MD5 hex of the first `size` bytes of the endless pattern (cached). */
export function patternMd5(size: number): string {
  let cached = md5Cache.get(size);
  if (cached === undefined) {
    const hash = createHash('md5');
    for (let done = 0; done < size; done += PATTERN_SIZE) hash.update(PATTERN.subarray(0, Math.min(PATTERN_SIZE, size - done)));
    cached = hash.digest('hex');
    md5Cache.set(size, cached);
  }
  return cached;
}

const crcCache = new Map<number, string>();

/** CRC32 of the first `size` bytes of the endless pattern, base64 of the big-endian value, as S3 sends it (cached). */
export function patternCrc32(size: number): string {
  let cached = crcCache.get(size);
  if (cached === undefined) {
    let value = 0;
    for (let done = 0; done < size; done += PATTERN_SIZE) value = crc32(PATTERN.subarray(0, Math.min(PATTERN_SIZE, size - done)), value);
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value >>> 0);
    cached = bytes.toString('base64');
    crcCache.set(size, cached);
  }
  return cached;
}
