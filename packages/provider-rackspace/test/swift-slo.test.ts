import { createHash } from 'node:crypto';
import type { TextResponse } from '@multicloud/core';
import { ObjectHashMismatchError } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import type { SwiftClient, SwiftRequest } from '../src/storage/swift-client.js';
import { segmentName, sloEtag } from '../src/storage/swift-slo.js';
import { uploadSwiftStream } from '../src/storage/swift-upload.js';

const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

interface Call { readonly method: string; readonly target: string; readonly query: string; readonly size: number; readonly etag?: string | undefined; readonly body?: string }

/**
 * An in-memory Swift that speaks just enough of the object API to check the upload logic, with no HTTP: it keeps
 * objects, answers ETags like Swift (a segment's MD5; an SLO's MD5 of the segment MD5s), and can fail on demand.
 */
function fakeSwift(options: { failSegment?: number; wrongEtagSegment?: number; refuseSegment?: number; failManifest?: boolean; delayMs?: number } = {}) {
  const calls: Call[] = [];
  const objects = new Map<string, string>();
  let inFlight = 0;
  let mostInFlight = 0;
  const answer = (status: number, headers: Record<string, string> = {}, body = ''): TextResponse => ({ status, headers, body });
  const client = {
    provider: 'openstack-swift',
    async request(request: SwiftRequest): Promise<TextResponse> {
      const bytes = request.body instanceof Uint8Array ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const target = [request.container, request.object].filter((part) => part !== undefined).join('/');
      const query = Object.entries(request.query ?? {}).map(([key, value]) => `${key}=${String(value)}`).join('&');
      calls.push({ method: request.method, target, query, size: bytes.length, etag: request.headers?.ETag, ...(query ? { body: bytes.toString() } : {}) });
      const segment = /\/(\d{8})$/.exec(request.object ?? '')?.[1];
      if (request.method === 'PUT' && request.object === undefined) return answer(201);
      if (request.method === 'PUT' && segment !== undefined) {
        const index = Number(segment);
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
        inFlight--;
        request.signal?.throwIfAborted();
        if (index === options.failSegment) throw new Error(`segment ${index} broke`);
        if (index === options.refuseSegment) return answer(422, { etag: 'f'.repeat(32) });
        objects.set(target, md5(bytes));
        return answer(201, { etag: index === options.wrongEtagSegment ? '0'.repeat(32) : md5(bytes) });
      }
      if (request.method === 'PUT' && query === 'multipart-manifest=put') {
        if (options.failManifest) return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'UND_ERR_SOCKET' }));
        const manifest = JSON.parse(bytes.toString()) as { etag: string }[];
        const etag = md5(manifest.map((entry) => entry.etag).join(''));
        objects.set(target, `"${etag}"`);
        return answer(201, { etag: `"${etag}"`, 'last-modified': 'Wed, 25 Nov 2026 10:43:59 GMT' });
      }
      if (request.method === 'PUT') {
        objects.set(target, md5(bytes));
        return answer(request.headers?.ETag === md5(bytes) ? 201 : 422, { etag: md5(bytes) });
      }
      if (request.method === 'DELETE') return answer(objects.delete(target) ? 204 : 404);
      if (request.method === 'GET') return objects.has(target) ? answer(206, { etag: objects.get(target) ?? '' }) : answer(404);
      return answer(501);
    },
  } as Pick<SwiftClient, 'provider' | 'request'>;
  return { client, calls, objects, mostInFlight: () => mostInFlight };
}

async function* bytes(total: number, chunk = 1000): AsyncGenerator<Uint8Array> {
  for (let sent = 0; sent < total; sent += chunk) yield new Uint8Array(Math.min(chunk, total - sent)).fill(sent % 251);
}

const SEGMENT = 4096;
const options = { segmentSize: SEGMENT, concurrency: 2, maxSegments: 1000, uploadId: 'u1' };
const seg = (index: number) => segmentName('big.bin', 'u1', SEGMENT, index);

describe('Swift stream upload', () => {
  it('sends one PUT with Content-Type and the MD5 as ETag for a body within the first segment, an empty one included', async () => {
    const swift = fakeSwift();
    const object = await uploadSwiftStream(swift.client, bytes(0), 'c', 'empty.txt', options);
    expect(object).toMatchObject({ name: 'empty.txt', size: 0, hash: 'd41d8cd98f00b204e9800998ecf8427e', contentType: 'text/plain', extra: { staticLargeObject: false } });
    const exact = await uploadSwiftStream(swift.client, bytes(SEGMENT), 'c', 'exact.bin', { ...options, metadata: { Owner: 'me' } });
    expect(exact).toMatchObject({ size: SEGMENT, contentType: 'application/octet-stream', metadata: { owner: 'me' } });
    expect(swift.calls).toEqual([
      { method: 'PUT', target: 'c/empty.txt', query: '', size: 0, etag: 'd41d8cd98f00b204e9800998ecf8427e' },
      { method: 'PUT', target: 'c/exact.bin', query: '', size: SEGMENT, etag: exact.hash },
    ]);
  });

  it('cuts a longer stream into segments in <container>_segments, each with its ETag, at most `concurrency` in flight, then PUTs the manifest', async () => {
    const swift = fakeSwift({ delayMs: 5 });
    const total = 2 * SEGMENT + 1;
    const object = await uploadSwiftStream(swift.client, bytes(total), 'c', 'big.bin', { ...options, contentType: 'application/x-custom', metadata: { Color: 'blue' } });
    const puts = swift.calls.filter((call) => call.target.startsWith('c_segments/'));
    expect(swift.calls[0]).toMatchObject({ method: 'PUT', target: 'c_segments' });
    expect(puts.map((call) => [call.target, call.size])).toEqual([[`c_segments/${seg(0)}`, SEGMENT], [`c_segments/${seg(1)}`, SEGMENT], [`c_segments/${seg(2)}`, 1]]);
    expect(seg(2)).toBe('big.bin/slo/u1/4096/00000002');
    expect(puts.every((call) => call.etag !== undefined && /^[0-9a-f]{32}$/.test(call.etag))).toBe(true);
    const manifestCall = swift.calls.at(-1)!;
    expect(manifestCall).toMatchObject({ method: 'PUT', target: 'c/big.bin', query: 'multipart-manifest=put' });
    const manifest = JSON.parse(manifestCall.body!) as { path: string; etag: string; size_bytes: number }[];
    expect(manifest).toEqual(puts.map((call) => ({ path: `/${call.target}`, etag: call.etag, size_bytes: call.size })));
    const chunks: Uint8Array[] = [];
    for await (const chunk of bytes(total)) chunks.push(chunk);
    const sent = Buffer.concat(chunks);
    expect(manifest.map((entry) => entry.etag)).toEqual([md5(sent.subarray(0, SEGMENT)), md5(sent.subarray(SEGMENT, 2 * SEGMENT)), md5(sent.subarray(2 * SEGMENT))]);
    expect(object).toMatchObject({ size: total, hash: sloEtag(manifest), contentType: 'application/x-custom', metadata: { color: 'blue' }, extra: { staticLargeObject: true, segmentCount: 3, segmentContainer: 'c_segments' } });
    expect(swift.mostInFlight()).toBe(2);
  });

  it.each([
    ['a segment PUT fails', { failSegment: 2 }, /segment 2 broke/],
    ['Swift refuses a segment with 422', { refuseSegment: 1 }, /hash mismatch for object "big.bin \(segment 2\)"/],
    ['a segment ETag does not match its bytes', { wrongEtagSegment: 0 }, /hash mismatch for object "big.bin \(segment 1\)"/],
  ])('deletes every uploaded segment and stores no manifest when %s', async (_case, failure, message) => {
    const swift = fakeSwift(failure);
    const error = await uploadSwiftStream(swift.client, bytes(5 * SEGMENT), 'c', 'big.bin', options).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(message);
    if (!('failSegment' in failure)) expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(swift.calls.some((call) => call.query === 'multipart-manifest=put')).toBe(false);
    expect(swift.calls.filter((call) => call.method === 'DELETE').length).toBeGreaterThan(0);
    expect([...swift.objects.keys()]).toEqual([]);
  });

  it('refuses a stream longer than segmentSize × maxSegments, cleaning up', async () => {
    const swift = fakeSwift();
    await expect(uploadSwiftStream(swift.client, bytes(4 * SEGMENT), 'c', 'big.bin', { ...options, maxSegments: 3 })).rejects.toThrow(/^source: is longer than segmentSize × maxSegments/);
    expect([...swift.objects.keys()]).toEqual([]);
  });

  it('deletes the segments when the caller aborts, even though the signal is aborted', async () => {
    const swift = fakeSwift({ delayMs: 20 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(uploadSwiftStream(swift.client, bytes(8 * SEGMENT), 'c', 'big.bin', { ...options, signal: controller.signal })).rejects.toThrow('user cancelled');
    const deleted = swift.calls.filter((call) => call.method === 'DELETE').map((call) => call.target);
    expect(deleted.length).toBeGreaterThan(0);
    expect(swift.calls.some((call) => call.query === 'multipart-manifest=put')).toBe(false);
    expect([...swift.objects.keys()]).toEqual([]);
  });

  it('when the manifest PUT fails without an answer, removes the manifest only if it is this upload\'s, then the segments', async () => {
    const swift = fakeSwift({ failManifest: true });
    swift.objects.set('c/big.bin', 'an older object');
    await expect(uploadSwiftStream(swift.client, bytes(2 * SEGMENT), 'c', 'big.bin', options)).rejects.toThrow('socket hang up');
    expect([...swift.objects.entries()]).toEqual([['c/big.bin', 'an older object']]);
    expect(swift.calls.slice(-3).map((call) => `${call.method} ${call.target}`)).toEqual([
      'GET c/big.bin', `DELETE c_segments/${seg(0)}`, `DELETE c_segments/${seg(1)}`,
    ]);
  });

  it('names segments of very long object names after their SHA-256', () => {
    const long = 'x'.repeat(1010);
    const name = segmentName(long, 'u1', SEGMENT, 7);
    expect(name).toBe(`${createHash('sha256').update(long).digest('hex')}/slo/u1/4096/00000007`);
    expect(segmentName('a b/ç.txt', 'u1', SEGMENT, 0)).toBe('a b/ç.txt/slo/u1/4096/00000000');
  });
});
