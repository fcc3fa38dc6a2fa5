import { createHash } from 'node:crypto';

/**
 * A deterministic byte stream of `size` bytes, produced chunk by chunk (never held whole): each 64 KiB chunk is
 * filled from its index, so a part sent twice, dropped or out of order changes the hash.
 */
export function generatedBytes(size: number, seed = 1): { stream: () => AsyncGenerator<Uint8Array>; md5: () => string } {
  const chunkSize = 64 * 1024;
  const chunk = (index: number, length: number) => {
    const buffer = Buffer.alloc(length, (index * 31 + seed) % 251);
    if (length >= 8) buffer.writeBigUInt64BE(BigInt(index), 0);
    return buffer;
  };
  async function* stream(): AsyncGenerator<Uint8Array> {
    for (let offset = 0, index = 0; offset < size; offset += chunkSize, index++) yield chunk(index, Math.min(chunkSize, size - offset));
  }
  const md5 = () => {
    const hash = createHash('md5');
    for (let offset = 0, index = 0; offset < size; offset += chunkSize, index++) hash.update(chunk(index, Math.min(chunkSize, size - offset)));
    return hash.digest('hex');
  };
  return { stream, md5 };
}

/** Reads a stream to its MD5 and length without keeping it. */
export async function digestOf(stream: AsyncIterable<Uint8Array>): Promise<{ md5: string; size: number }> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { md5: hash.digest('hex'), size };
}
