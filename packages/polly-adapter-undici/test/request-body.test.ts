import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRequestBody } from '../src/request-body.js';

describe('readRequestBody', () => {
  it('reads every body form undici accepts into one buffer', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('we'));
        controller.enqueue(new TextEncoder().encode('b'));
        controller.close();
      },
    });
    const bodies: Array<[unknown, string | null]> = [
      [undefined, null],
      [null, null],
      ['text', 'text'],
      [Buffer.from('buffer'), 'buffer'],
      [new Uint8Array([65, 66]).subarray(1), 'B'],
      [new TextEncoder().encode('ab').buffer, 'ab'],
      [new Blob(['blob']), 'blob'],
      [Readable.from(['re', Buffer.from('adable')]), 'readable'],
      [web, 'web'],
    ];
    for (const [body, expected] of bodies) {
      const read = await readRequestBody(body);
      expect(read === null ? null : read.toString('utf8')).toBe(expected);
    }
  });

  it('passes a stream error on', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    await expect(readRequestBody(failing)).rejects.toThrow('disk on fire');
  });
});
