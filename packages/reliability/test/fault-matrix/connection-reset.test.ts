import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CloudError, NetworkError, createTransport } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { startFakeS3 } from '../support/fake-s3.js';
import { FAST_RETRY, filesIn, md5, payload, useHarness } from '../support/harness.js';
import { failure, openFilesUnder } from '../support/leaks.js';
import { answer, readBody, resetConnection, startMisbehavingServer } from '../support/misbehaving-server.js';
import { s3On } from '../support/storage-drivers.js';

/**
 * Row "connection reset before headers / mid-body, on GET and on PUT": an idempotent request with a replayable
 * body is retried and its result is byte-exact; anything else ends in a typed error after exactly one attempt.
 */
const harness = useHarness();
const TEXT = `héllo wörld ✓ ${'0123456789'.repeat(100)}`;

/** A server that resets the first `resets` requests the way `how` says, then answers TEXT. */
async function flaky(resets: number, how: 'before-headers' | 'mid-body' | 'mid-upload') {
  return harness.server(await startMisbehavingServer(async ({ request, response, index, body }) => {
    if (index >= resets) {
      const received = await body();
      return answer(response, 200, request.method === 'PUT' ? received : TEXT, { 'content-type': 'text/plain; charset=utf-8' });
    }
    if (how === 'before-headers') {
      await body();
      return resetConnection(response);
    }
    if (how === 'mid-upload') {
      // Read part of the request body, then reset while the client is still sending.
      request.once('data', () => resetConnection(response));
      return;
    }
    await body();
    response.writeHead(200, { 'content-length': String(Buffer.byteLength(TEXT)) });
    response.write(TEXT.slice(0, 100));
    setTimeout(() => resetConnection(response), 5);
  }, { maxRequests: 10 }));
}

describe('connection reset on GET', () => {
  it.each(['before-headers', 'mid-body'] as const)('%s: retried, and the body is byte-exact', async (how) => {
    const server = await flaky(2, how);
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const response = await transport.request({ method: 'GET', url: `${server.url}/object` });
    expect(response.body).toBe(TEXT);
    expect(server.requests).toHaveLength(3);
  });

  it('every attempt reset: NetworkError (retryable, with its code) after exactly maxAttempts requests', async () => {
    const server = await flaky(99, 'before-headers');
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const error = await failure(transport.request({ method: 'GET', url: `${server.url}/object` }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ECONNRESET', retryable: true });
    expect(server.requests).toHaveLength(FAST_RETRY.maxAttempts);
  });
});

describe('connection reset on PUT', () => {
  it.each(['before-headers', 'mid-upload'] as const)('%s with a byte body: retried, and the server stores exactly the bytes sent', async (how) => {
    const server = await flaky(2, how);
    const body = payload(256 * 1024);
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const response = await transport.send({ method: 'PUT', url: `${server.url}/object`, body });
    expect(Buffer.from(await response.bytes()).equals(body)).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it('with a stream body (not replayable): NetworkError after one attempt, never a silent retry', async () => {
    const server = await flaky(99, 'mid-upload');
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const error = await failure(transport.send({ method: 'PUT', url: `${server.url}/object`, body: Readable.from([payload(64 * 1024), payload(64 * 1024, 7)]) }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('POST (not idempotent) reset after it was received: NetworkError after one attempt', async () => {
    const server = await flaky(99, 'before-headers');
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const error = await failure(transport.request({ method: 'POST', url: `${server.url}/create`, body: '{"name":"x"}' }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('connection reset through the S3 driver', () => {
  const objectBytes = payload(300 * 1024, 42);

  it('upload reset before headers and mid-upload: retried, the stored object is byte-exact', async () => {
    let resets = 0;
    const s3 = harness.server(await startFakeS3(async (call) => {
      if (call.request.method !== 'PUT' || resets >= 2) return false;
      resets++;
      if (resets === 1) call.request.once('data', () => resetConnection(call.response));
      else {
        await readBody(call.request);
        resetConnection(call.response);
      }
      return true;
    }));
    const driver = s3On(s3, harness.agent());
    const object = await driver.uploadObjectFromStream(Readable.from([objectBytes]), await driver.getContainer('bucket'), 'dir/data.bin');
    expect(object.size).toBe(objectBytes.length);
    expect(s3.objects.get('bucket/dir/data.bin')?.bytes.equals(objectBytes)).toBe(true);
    expect(s3.requests.filter((request) => request.method === 'PUT')).toHaveLength(3);
  });

  it('download reset before headers: retried, the file is byte-exact', async () => {
    let resets = 0;
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined || resets++ > 0) return false;
      resetConnection(call.response);
      return true;
    }));
    s3.objects.set('bucket/data.bin', { bytes: objectBytes, etag: md5(objectBytes), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const directory = harness.directory();
    await driver.downloadObject(await driver.getObject('bucket', 'data.bin'), join(directory, 'data.bin'));
    expect(readFileSync(join(directory, 'data.bin')).equals(objectBytes)).toBe(true);
  });

  /** The object is served with a reset after the first 64 KiB of the body. */
  async function resetMidDownload() {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      call.response.writeHead(200, { 'content-length': String(objectBytes.length), etag: '"0123456789abcdef0123456789abcdef"' });
      call.response.write(objectBytes.subarray(0, 64 * 1024));
      setTimeout(() => resetConnection(call.response), 5);
      return true;
    }));
    s3.objects.set('bucket/data.bin', { bytes: objectBytes, etag: '0123456789abcdef0123456789abcdef', contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('bucket', 'data.bin'), join(directory, 'data.bin')));
    return { error, directory };
  }

  it('download reset mid-body (a stream cannot be replayed): fails, no file or partial file left, no open handle', async () => {
    const { error, directory } = await resetMidDownload();
    expect(error).toBeInstanceOf(Error);
    expect(filesIn(directory)).toEqual([]);
    expect(openFilesUnder(directory)).toEqual([]);
  });

  // An error while the body streams (here `read ECONNRESET`) reaches the caller typed, as failures before the
  // headers always did (was a bug: streamed bodies surfaced undici's raw errors).
  it('download reset mid-body: the error is the SDK\'s typed NetworkError', async () => {
    const { error } = await resetMidDownload();
    expect(CloudError.isInstance(error)).toBe(true);
    expect(NetworkError.isInstance(error)).toBe(true);
  });
});
