import { describe, expect, it } from 'vitest';
import { cutIntoParts } from '@multicloud/storage';
import { PartPool } from '../src/s3/s3-part-pool.js';

async function* chunks(total: number, chunkSize: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < total; at += chunkSize) {
    const size = Math.min(chunkSize, total - at);
    yield Uint8Array.from({ length: size }, (_, index) => (at + index) % 251);
  }
}

describe('PartPool with cutIntoParts', () => {
  it('cuts into exact parts whose bytes are the source, with a short last part', async () => {
    const pool = new PartPool(10);
    const parts: number[][] = [];
    for await (const part of cutIntoParts(chunks(27, 4), 10, () => pool.take())) {
      parts.push([...part]);
      pool.release(part);
    }
    expect(parts.map((part) => part.length)).toEqual([10, 10, 7]);
    expect(parts.flat()).toEqual(Array.from({ length: 27 }, (_, index) => index % 251));
  });

  it('reuses released buffers: a long upload allocates only as many parts as are held at once', async () => {
    const pool = new PartPool(8);
    const buffers = new Set<ArrayBufferLike>();
    for await (const part of cutIntoParts(chunks(80, 3), 8, () => pool.take())) {
      buffers.add(part.buffer);
      pool.release(part);
    }
    expect(buffers.size).toBe(1);
  });

  it('does not take a whole part from the pool for a stream shorter than one part', async () => {
    const partSize = 1 << 20;
    const pool = new PartPool(partSize);
    const parts: Buffer[] = [];
    for await (const part of cutIntoParts(chunks(5, 2), partSize, () => pool.take())) parts.push(part);
    expect(parts.map((part) => [...part])).toEqual([[0, 1, 2, 3, 4]]);
    expect(parts[0]!.buffer.byteLength).toBeLessThan(partSize);
    pool.release(parts[0]!); // not the pool's: ignored, the next take is a fresh full-size buffer
    const next = pool.take();
    expect(next.length).toBe(partSize);
    expect(next.buffer).not.toBe(parts[0]!.buffer);
  });

  it('yields one empty part for an empty stream, and exactly the parts for a stream of whole parts', async () => {
    const pool = new PartPool(4);
    const empty: Buffer[] = [];
    for await (const part of cutIntoParts(chunks(0, 1), 4, () => pool.take())) empty.push(part);
    expect(empty.map((part) => part.length)).toEqual([0]);
    const whole: number[] = [];
    for await (const part of cutIntoParts(chunks(8, 3), 4, () => pool.take())) whole.push(part.length);
    expect(whole).toEqual([4, 4]);
  });
});
