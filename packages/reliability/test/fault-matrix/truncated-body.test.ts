import { join } from 'node:path';
import { CloudError, NetworkError, createTransport } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { startFakeS3 } from '../support/fake-s3.js';
import { startFakeSwift } from '../support/fake-swift.js';
import { FAST_RETRY, filesIn, md5, payload, useHarness } from '../support/harness.js';
import { failure, openFilesUnder } from '../support/leaks.js';
import { answer, startMisbehavingServer, type Exchange } from '../support/misbehaving-server.js';
import { s3On, swiftOn } from '../support/storage-drivers.js';

/**
 * Row "truncated body (Content-Length larger than sent)": never taken for a complete answer. Whole-body reads
 * retry and then fail with a typed transport error; downloads fail and leave no file, no partial file and no
 * open handle behind.
 */
const harness = useHarness();
const BODY = payload(200 * 1024, 3);
const TEXT = BODY.toString('base64');

/** Announces all of `bytes`, sends a third, then closes cleanly (FIN, no reset). */
function truncate({ response, request }: Pick<Exchange, 'response' | 'request'>, chunked = false, bytes: Buffer = BODY): void {
  response.writeHead(200, chunked ? { 'content-type': 'application/octet-stream' } : { 'content-length': String(bytes.length), etag: `"${md5(bytes)}"` });
  response.write(bytes.subarray(0, Math.floor(bytes.length / 3)));
  setTimeout(() => request.socket.end(), 5);
}

describe('truncated body through the transport', () => {
  it('truncated once: retried, and the body is byte-exact', async () => {
    const server = harness.server(await startMisbehavingServer(({ request, response, index }) => {
      if (index === 0) return truncate({ request, response }, false, Buffer.from(TEXT));
      answer(response, 200, TEXT);
    }, { maxRequests: 5 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const response = await transport.request({ method: 'GET', url: `${server.url}/blob` });
    expect(response.body).toBe(TEXT);
    expect(server.requests).toHaveLength(2);
  });

  it.each([false, true])('always truncated (chunked: %s): a typed NetworkError after maxAttempts, never a short success', async (chunked) => {
    const server = harness.server(await startMisbehavingServer(({ request, response }) => truncate({ request, response }, chunked), { maxRequests: 5 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const error = await failure(transport.request({ method: 'GET', url: `${server.url}/blob` }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(FAST_RETRY.maxAttempts);
  });
});

describe('truncated download through the storage drivers', () => {
  /** An S3 driver on a fake S3 holding `bucket/blob.bin`, whose GETs of the whole object are cut short. */
  async function truncatingS3() {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      truncate(call);
      return true;
    }));
    s3.objects.set('bucket/blob.bin', { bytes: BODY, etag: md5(BODY), contentType: 'application/octet-stream' });
    return s3On(s3, harness.agent());
  }

  async function s3Download() {
    const driver = await truncatingS3();
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('bucket', 'blob.bin'), join(directory, 'blob.bin')));
    return { error, directory };
  }

  async function swiftDownload() {
    const swift = harness.server(await startFakeSwift((call) => {
      if (call.request.method !== 'GET' || call.object === '' || call.request.headers.range !== undefined) return false;
      truncate(call);
      return true;
    }));
    swift.objects.set('box/blob.bin', { bytes: BODY, etag: md5(BODY) });
    const driver = swiftOn(swift, harness.agent());
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('box', 'blob.bin'), join(directory, 'blob.bin')));
    return { error, directory };
  }

  it.each([['s3', s3Download], ['swift', swiftDownload]] as const)('%s: fails, and leaves no file, no partial file and no open handle', async (_name, download) => {
    const { error, directory } = await download();
    expect(error).toBeInstanceOf(Error);
    expect(filesIn(directory)).toEqual([]);
    expect(openFilesUnder(directory)).toEqual([]);
  });

  it('s3 stream download: the consumer sees an error, never a short stream that ends normally', async () => {
    const driver = await truncatingS3();
    const stream = await driver.downloadObjectAsStream(await driver.getObject('bucket', 'blob.bin'));
    let received = 0;
    const error = await failure((async () => {
      for await (const chunk of stream) received += (chunk as Buffer).length;
    })());
    expect(error).toBeInstanceOf(Error);
    expect(received).toBeLessThan(BODY.length);
  });

  // A short body fails with NetworkError, not undici's raw `SocketError: other side closed` (was a bug, fixed).
  it.each([['s3', s3Download], ['swift', swiftDownload]] as const)('%s: the error is typed (NetworkError)', async (_name, download) => {
    const { error } = await download();
    expect(CloudError.isInstance(error)).toBe(true);
    expect(NetworkError.isInstance(error)).toBe(true);
  });
});
