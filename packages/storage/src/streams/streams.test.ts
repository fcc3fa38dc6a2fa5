import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { ValidationError } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { ObjectHashMismatchError } from '../storage-errors.js';
import { guessContentType } from './content-type.js';
import { crc32Base64, hashingTap, isPlainMd5, unquoteEtag } from './hashing.js';
import { cutIntoParts, forEachPart, uploadInParts } from './parts.js';
import { toByteIterable } from './upload-source.js';
import { writeStreamToFile } from './write-file.js';

async function collectBytes(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}
const bytes = (length: number) => Buffer.from(Array.from({ length }, (_, index) => (index * 7) % 251));

describe('upload sources', () => {
  it('accepts Readable, web ReadableStream and async iterables, and refuses the rest', async () => {
    const data = bytes(1000);
    expect(await collectBytes(toByteIterable(Readable.from([data.subarray(0, 10), data.subarray(10)])))).toEqual(data);
    expect(await collectBytes(toByteIterable(new Blob([data]).stream()))).toEqual(data);
    expect(await collectBytes(toByteIterable((async function* () { yield data; })()))).toEqual(data);
    expect(() => toByteIterable('text' as never)).toThrow(ValidationError);
    await expect(collectBytes(toByteIterable((async function* () { yield 'x'; })() as never))).rejects.toThrow(/yielded a string/);
  });
});

describe('hashingTap', () => {
  it('counts and hashes while passing bytes through unchanged', async () => {
    const data = bytes(100_000);
    const { stream, tally } = hashingTap(Readable.from([data.subarray(0, 3), data.subarray(3)]));
    expect(await collectBytes(stream)).toEqual(data);
    expect(tally.size).toBe(100_000);
    expect(tally.md5()).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('reads ETags', () => {
    expect(unquoteEtag('"d41d8cd98f00b204e9800998ecf8427e"')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(isPlainMd5('d41d8cd98f00b204e9800998ecf8427e')).toBe(true);
    expect(isPlainMd5('3858f62230ac3c915f300c664312c11f-9')).toBe(false);
  });

  it('writes a CRC32 as S3 does (base64 of the big-endian value)', () => {
    // S3's documented x-amz-checksum-crc32 of "Hello World": 4a17b156.
    expect(crc32Base64(crc32('Hello World'))).toBe(Buffer.from('4a17b156', 'hex').toString('base64'));
    expect(crc32Base64(0)).toBe('AAAAAA==');
  });
});

describe('parts', () => {
  it.each([[0, [0]], [1, [1]], [10, [10]], [11, [10, 1]], [25, [10, 10, 5]]])('cuts %i bytes into parts %j', async (length, sizes) => {
    const data = bytes(length);
    const parts: Buffer[] = [];
    for await (const part of cutIntoParts(Readable.from([data.subarray(0, 3), data.subarray(3)]), 10)) parts.push(part);
    expect(parts.map((part) => part.length)).toEqual(sizes);
    expect(Buffer.concat(parts)).toEqual(data);
  });

  it('keeps at most `concurrency` parts in flight and returns results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await forEachPart(cutIntoParts(Readable.from([bytes(95)]), 10), async (part, index) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, (10 - index) * 2));
      inFlight--;
      return `${index}:${part.length}`;
    }, { concurrency: 3 });
    expect(results).toEqual(['0:10', '1:10', '2:10', '3:10', '4:10', '5:10', '6:10', '7:10', '8:10', '9:5']);
    expect(most).toBe(3);
  });

  it.each([[0, 'whole', [0]], [10, 'whole', [10]], [11, 'multipart', [10, 1]], [30, 'multipart', [10, 10, 10]]])(
    'uploadInParts: %i bytes go to %s', async (length, handler, sizes) => {
      const seen: number[] = [];
      const how = await uploadInParts(Readable.from([bytes(length)]), 10, {
        whole: async (body) => { seen.push(body.length); return 'whole'; },
        multipart: async (parts) => { for await (const part of parts) seen.push(part.length); return 'multipart'; },
      });
      expect(how).toBe(handler);
      expect(seen).toEqual(sizes);
    },
  );

  it('uploadInParts closes the source when the upload fails before reading it all', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) yield bytes(10);
      } finally {
        closed = true;
      }
    }
    const failing = uploadInParts(source(), 10, {
      whole: async () => 'never',
      multipart: async () => { throw new Error('part 1 failed'); },
    });
    await expect(failing).rejects.toThrow('part 1 failed');
    expect(closed).toBe(true);
  });

  it('aborts the other parts on the first failure and waits for them before throwing', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const error = await forEachPart(cutIntoParts(Readable.from([bytes(100)]), 10), async (_part, index, signal) => {
      started.push(index);
      if (index === 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('part 1 failed');
      }
      await new Promise((resolve) => { signal.addEventListener('abort', resolve, { once: true }); setTimeout(resolve, 1000); });
      settled.push(index);
      return index;
    }, { concurrency: 4 }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('part 1 failed');
    // Parts 0, 2 and 3 were in flight with part 1 (concurrency 4); they were aborted and awaited; no later part started.
    expect(started.sort()).toEqual([0, 1, 2, 3]);
    expect(settled.sort()).toEqual([0, 2, 3]);
  });
});

describe('writeStreamToFile', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'multicloud-write-'));
  const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

  it('writes atomically and checks size and MD5', async () => {
    const directory = folder();
    const data = bytes(5000);
    await writeStreamToFile(Readable.from([data]), join(directory, 'out.bin'), { provider: 'p', objectName: 'o', expectedSize: 5000, expectedHash: md5(data) });
    expect(readFileSync(join(directory, 'out.bin'))).toEqual(data);
    expect(readdirSync(directory)).toEqual(['out.bin']);
  });

  it('leaves nothing behind on a hash mismatch, unless asked', async () => {
    const directory = folder();
    const data = bytes(100);
    const error = await writeStreamToFile(Readable.from([data]), join(directory, 'out.bin'), { provider: 'p', objectName: 'o', expectedHash: 'f'.repeat(32) }).catch((caught: unknown) => caught);
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(readdirSync(directory)).toEqual([]);
    await writeStreamToFile(Readable.from([data]), join(directory, 'kept.bin'), { provider: 'p', objectName: 'o', expectedSize: 1, deleteOnFailure: false }).catch(() => undefined);
    expect(readFileSync(join(directory, 'kept.bin'))).toEqual(data);
  });

  it('removes the partial file when the source fails mid-way, and refuses to overwrite unless asked', async () => {
    const directory = folder();
    async function* failing() {
      yield bytes(10);
      throw new Error('connection reset');
    }
    await expect(writeStreamToFile(failing(), join(directory, 'out.bin'), { provider: 'p', objectName: 'o' })).rejects.toThrow('connection reset');
    expect(readdirSync(directory)).toEqual([]);
    writeFileSync(join(directory, 'exists.bin'), 'old');
    await expect(writeStreamToFile(Readable.from([bytes(3)]), join(directory, 'exists.bin'), { provider: 'p', objectName: 'o' })).rejects.toThrow(/exists; pass \{ overwrite: true \}/);
    await writeStreamToFile(Readable.from([bytes(3)]), join(directory, 'exists.bin'), { provider: 'p', objectName: 'o', overwrite: true });
    expect(readFileSync(join(directory, 'exists.bin'))).toEqual(bytes(3));
  });

  it('rejects an abort with the signal\'s reason itself (not stream.pipeline\'s AbortError), leaving no file', async () => {
    const directory = folder();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    async function* endless() {
      for (;;) {
        yield bytes(10);
        controller.abort(reason);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const error = await writeStreamToFile(endless(), join(directory, 'out.bin'), { provider: 'p', objectName: 'o', signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBe(reason);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('guesses content types from names', () => {
    expect(guessContentType('dir/index.HTML')).toBe('text/html');
    expect(guessContentType('archive.tar.gz')).toBe('application/gzip');
    expect(guessContentType('.hidden')).toBe('application/octet-stream');
    expect(guessContentType('noext')).toBe('application/octet-stream');
  });
});

describe('rangeHeader and verifiedBytes', () => {
  it('writes exclusive ends as HTTP ranges and refuses bad ones', async () => {
    const { rangeHeader } = await import('./range.js');
    expect(rangeHeader({ start: 4, end: 7 })).toBe('bytes=4-6');
    expect(rangeHeader({ start: 0 })).toBe('bytes=0-');
    expect(() => rangeHeader({ start: 5, end: 5 })).toThrow(/^options.range.end: /);
    expect(() => rangeHeader({ start: -1 })).toThrow(/^options.range.start: /);
  });

  it('passes good bytes and fails short or corrupted ones at the end', async () => {
    const { verifiedBytes } = await import('./verified-bytes.js');
    const data = bytes(1000);
    const md5 = createHash('md5').update(data).digest('hex');
    expect(await collectBytes(verifiedBytes(Readable.from([data]), { provider: 'p', objectName: 'o', size: 1000, md5 }))).toEqual(data);
    await expect(collectBytes(verifiedBytes(Readable.from([data.subarray(0, 999)]), { provider: 'p', objectName: 'o', size: 1000 }))).rejects.toThrow(/expected 1000 bytes, got 999 bytes/);
    await expect(collectBytes(verifiedBytes(Readable.from([data]), { provider: 'p', objectName: 'o', size: 1000, md5: 'f'.repeat(32) }))).rejects.toSatisfy((error) => ObjectHashMismatchError.isInstance(error));
  });

  it('checks a CRC32 (base64, big-endian, across chunks) instead of the MD5 when given one', async () => {
    const { verifiedBytes } = await import('./verified-bytes.js');
    const hello = () => Readable.from([Buffer.from('he'), Buffer.from('llo')]);
    // CRC32("hello") = 0x3610a686; the MD5 given is wrong on purpose: with a CRC32 it is not what is checked.
    expect(await collectBytes(verifiedBytes(hello(), { provider: 'p', objectName: 'o', size: 5, md5: 'f'.repeat(32), crc32: 'NhCmhg==' }))).toEqual(Buffer.from('hello'));
    await expect(collectBytes(verifiedBytes(hello(), { provider: 'p', objectName: 'o', size: 5, crc32: 'AAAAAA==' }))).rejects.toThrow(/expected CRC32 AAAAAA==, got CRC32 NhCmhg==/);
  });
});
