import { createHash } from 'node:crypto';
import { parseXml, type TextResponse } from '@multicloud/core';
import { ObjectHashMismatchError } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import type { S3Client, S3Request } from '../src/s3/s3-client.js';
import { MIN_PART_SIZE, uploadS3Stream } from '../src/s3/s3-upload.js';

/** An in-memory S3 that speaks just enough multipart to check the upload logic; no HTTP involved. */
function fakeS3(options: { failPart?: number; wrongEtagPart?: number; delayMs?: number; echoCrc?: boolean; wrongCrcPart?: number } = {}) {
  const calls: { method: string; query: string; crc?: string; algorithm?: string; body?: string; size: number }[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const answer = (status: number, body = '', headers: Record<string, string> = {}): TextResponse => ({ status, headers, body });
  const client = {
    region: 'us-east-1',
    async request(request: S3Request): Promise<TextResponse> {
      const bytes = request.body instanceof Uint8Array ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const crc = request.headers?.['x-amz-checksum-crc32'];
      const algorithm = request.headers?.['x-amz-checksum-algorithm'];
      calls.push({
        method: request.method, query: request.query ?? '', size: bytes.length,
        ...(crc ? { crc } : {}), ...(algorithm ? { algorithm } : {}), ...(typeof request.body === 'string' ? { body: request.body } : {}),
      });
      const partNumber = Number(/partNumber=(\d+)/.exec(request.query ?? '')?.[1] ?? 0);
      if (request.query === 'uploads') return answer(200, '<InitiateMultipartUploadResult><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>');
      if (partNumber > 0) {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
        inFlight--;
        request.signal?.throwIfAborted();
        if (partNumber === options.failPart) throw new Error(`part ${partNumber} broke`);
        const etag = partNumber === options.wrongEtagPart ? 'f'.repeat(32) : createHash('md5').update(bytes).digest('hex');
        // A service that knows flexible checksums echoes the CRC32 it verified.
        const echoed = partNumber === options.wrongCrcPart ? 'AAAAAA==' : crc;
        return answer(200, '', { etag: `"${etag}"`, ...(options.echoCrc && echoed ? { 'x-amz-checksum-crc32': echoed } : {}) });
      }
      if (request.method === 'POST') return answer(200, '<CompleteMultipartUploadResult><ETag>"abc-3"</ETag></CompleteMultipartUploadResult>');
      if (request.method === 'DELETE') return answer(204);
      return answer(200, '', { etag: `"${createHash('md5').update(bytes).digest('hex')}"` });
    },
    xml: (response: TextResponse, root: string) => parseXml(response.body, { provider: 's3', root })[root] as Record<string, unknown>,
  } as unknown as S3Client;
  return { client, calls, mostInFlight: () => mostInFlight };
}

async function* bytes(total: number, chunk = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += chunk) yield new Uint8Array(Math.min(chunk, total - sent)).fill(sent % 251);
}

describe('S3 multipart upload', () => {
  const options = { partSize: MIN_PART_SIZE, concurrency: 2 };

  it('sends one PUT for a body that fits in one part, an empty one included, with its CRC32', async () => {
    const s3 = fakeS3();
    const object = await uploadS3Stream(s3.client, bytes(0), 'b', 'empty.txt', options);
    expect(object).toMatchObject({ size: 0, hash: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(s3.calls).toEqual([{ method: 'PUT', query: '', size: 0, crc: 'AAAAAA==' }]);
    const hello = fakeS3();
    await uploadS3Stream(hello.client, (async function* () { yield new TextEncoder().encode('hello'); })(), 'b', 'hello.txt', options);
    expect(hello.calls[0]!.crc).toBe('NhCmhg=='); // CRC32("hello") = 0x3610a686, as the AWS SDK sends it
  });

  it('sends no checksum at all with verifyHash: false', async () => {
    const s3 = fakeS3();
    await uploadS3Stream(s3.client, bytes(2 * MIN_PART_SIZE), 'b', 'big.bin', { ...options, verifyHash: false });
    expect(s3.calls.some((call) => call.crc !== undefined || call.algorithm !== undefined)).toBe(false);
  });

  it('cuts a larger stream into parts, each with its CRC32, at most `concurrency` in flight, then completes', async () => {
    const s3 = fakeS3({ delayMs: 5 });
    const total = 2 * MIN_PART_SIZE + 1;
    const object = await uploadS3Stream(s3.client, bytes(total), 'b', 'big.bin', options);
    expect(object).toMatchObject({ size: total, hash: 'abc-3' });
    expect(s3.calls.map((call) => `${call.method} ${call.query} ${call.size}`)).toEqual([
      'POST uploads 0',
      `PUT partNumber=1&uploadId=upload-1 ${MIN_PART_SIZE}`,
      `PUT partNumber=2&uploadId=upload-1 ${MIN_PART_SIZE}`,
      'PUT partNumber=3&uploadId=upload-1 1',
      expect.stringMatching(/^POST uploadId=upload-1 \d+$/),
    ]);
    expect(s3.calls[0]!.algorithm).toBe('CRC32');
    expect(s3.calls.slice(1, 4).every((call) => call.crc !== undefined)).toBe(true);
    // The service did not echo the CRC32s (it ignored them, as Swift 2.30's s3api does): none in the manifest.
    expect(s3.calls.at(-1)!.body).not.toContain('Checksum');
    expect(s3.mostInFlight()).toBe(2);
  });

  it('puts each echoed CRC32 in the manifest, and fails on an echoed CRC32 that is not the one sent', async () => {
    const s3 = fakeS3({ echoCrc: true });
    await uploadS3Stream(s3.client, bytes(2 * MIN_PART_SIZE), 'b', 'big.bin', options);
    const parts = s3.calls.filter((call) => call.query.startsWith('partNumber='));
    expect(parts).toHaveLength(2);
    expect(s3.calls.at(-1)!.body!.match(/<ChecksumCRC32>[^<]+<\/ChecksumCRC32>/g)).toEqual(parts.map((part) => `<ChecksumCRC32>${part.crc}</ChecksumCRC32>`));
    const wrong = fakeS3({ echoCrc: true, wrongCrcPart: 2 });
    const error = await uploadS3Stream(wrong.client, bytes(3 * MIN_PART_SIZE), 'b', 'big.bin', options).catch((caught: unknown) => caught);
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ actual: 'CRC32 AAAAAA==' });
    expect(wrong.calls.at(-1)).toMatchObject({ method: 'DELETE', query: 'uploadId=upload-1' });
  });

  it.each([
    ['a part fails', { failPart: 2 }, /part 2 broke/],
    ['a part ETag does not match its bytes', { wrongEtagPart: 1 }, /hash mismatch for object "big.bin \(part 1\)"/],
  ])('aborts the multipart upload when %s', async (_case, failure, message) => {
    const s3 = fakeS3(failure);
    const error = await uploadS3Stream(s3.client, bytes(3 * MIN_PART_SIZE), 'b', 'big.bin', options).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(message);
    if ('wrongEtagPart' in failure) expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(s3.calls.at(-1)).toMatchObject({ method: 'DELETE', query: 'uploadId=upload-1' });
    expect(s3.calls.some((call) => call.method === 'POST' && call.query === 'uploadId=upload-1')).toBe(false);
  });

  it('aborts the multipart upload when the caller aborts', async () => {
    const s3 = fakeS3({ delayMs: 20 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 10);
    await expect(uploadS3Stream(s3.client, bytes(4 * MIN_PART_SIZE), 'b', 'big.bin', { ...options, signal: controller.signal })).rejects.toThrow('user cancelled');
    expect(s3.calls.at(-1)).toMatchObject({ method: 'DELETE', query: 'uploadId=upload-1' });
  });
});
