import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeS3, type FakeS3 } from '../support/fake-s3.js';
import { startFakeSwift, type FakeSwift } from '../support/fake-swift.js';
import { filesIn, md5, payload, useHarness } from '../support/harness.js';
import { eventually, failure, openFilesUnder, within } from '../support/leaks.js';
import { answer } from '../support/misbehaving-server.js';
import { s3On, swiftOn } from '../support/storage-drivers.js';

/**
 * Row "abort mid-upload and mid-download": the caller's reason comes back promptly, the multipart upload (S3) or
 * the segments (Swift) are removed, and no socket and no file handle is left open.
 */
const harness = useHarness();
const MiB = 1024 * 1024;
const reason = () => new Error('the caller gave up');

/** A 12 MiB source file (three 5 MiB S3 parts / twelve 1 MiB Swift segments). */
function sourceFile(): { directory: string; file: string } {
  const directory = harness.directory();
  const file = join(directory, 'source.bin');
  writeFileSync(file, payload(12 * MiB, 77));
  return { directory, file };
}

/** S3 upload of the source file that is aborted when the first part arrives, or whose first part is refused. */
async function s3MultipartFromFile(outcome: 'abort' | 'refuse'): Promise<{ s3: FakeS3; error: unknown; directory: string; aborted: Error }> {
  const controller = new AbortController();
  const aborted = reason();
  const s3 = harness.server(await startFakeS3(async (call) => {
    const part = call.query.get('partNumber');
    if (outcome === 'abort' && part === '1') setTimeout(() => controller.abort(aborted), 5);
    if (outcome === 'refuse' && part === '1') {
      await call.body();
      answer(call.response, 403, '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>', { 'content-type': 'application/xml' });
      return true;
    }
    return false;
  }));
  const { directory, file } = sourceFile();
  const driver = s3On(s3, harness.agent(), { partSize: 5 * MiB, partConcurrency: 1 });
  const error = await failure(driver.uploadObject(file, await driver.getContainer('bucket'), 'big.bin', { signal: controller.signal }));
  return { s3, error, directory, aborted };
}

/** Swift upload of the source file as a large object, aborted when the third segment arrives. */
async function swiftSegmentsFromFile(): Promise<{ swift: FakeSwift; error: unknown; directory: string; aborted: Error }> {
  const controller = new AbortController();
  const aborted = reason();
  let segments = 0;
  const swift = harness.server(await startFakeSwift((call) => {
    if (call.container === 'box_segments' && call.object !== '' && call.request.method === 'PUT' && ++segments === 3) controller.abort(aborted);
    return false;
  }));
  const { directory, file } = sourceFile();
  const driver = swiftOn(swift, harness.agent(), { segmentSize: MiB, segmentConcurrency: 2 });
  const error = await failure(driver.uploadObject(file, await driver.getContainer('box'), 'big.bin', { signal: controller.signal }));
  return { swift, error, directory, aborted };
}

describe('abort mid-upload', () => {
  it('s3 multipart: the caller\'s reason, the multipart upload aborted, no object, no socket left', async () => {
    const { s3, error, aborted } = await s3MultipartFromFile('abort');
    expect(error).toBe(aborted);
    expect(s3.uploads.size).toBe(0);
    expect(s3.objects.size).toBe(0);
    expect(s3.requests.filter((request) => request.method === 'DELETE' && request.url.includes('uploadId='))).toHaveLength(1);
  });

  it('s3 multipart refused mid-way: the provider error, the multipart upload aborted', async () => {
    const { s3, error } = await s3MultipartFromFile('refuse');
    expect(error).toMatchObject({ status: 403, providerCode: 'AccessDenied' });
    expect(s3.uploads.size).toBe(0);
  });

  it('swift large object: the caller\'s reason, every segment deleted, no manifest', async () => {
    const { swift, error, aborted } = await swiftSegmentsFromFile();
    expect(error).toBe(aborted);
    expect([...swift.objects.keys()]).toEqual([]);
  });

  // uploadS3Stream / uploadSwiftStream read the source through a manually driven iterator (`parts.next()`); stopping
  // early they must close it (`parts.return()`), or the file's ReadStream stays open (was a bug, fixed).
  it.each([
    ['s3, aborted', () => s3MultipartFromFile('abort')],
    ['s3, refused', () => s3MultipartFromFile('refuse')],
    ['swift, aborted', () => swiftSegmentsFromFile()],
  ] as const)('%s: the source file is closed afterwards', async (_name, upload) => {
    const { directory } = await upload();
    expect(await eventually(() => openFilesUnder(directory).length === 0, 1_000)).toBe(true);
  });
});

describe('abort mid-download', () => {
  const object = payload(4 * MiB, 9);

  /** Connections of trickled answers the server saw closed (the client hung up). */
  let hungUp = 0;

  /** Serves the object's first 256 KiB at once, then trickles the rest (so the download is mid-body for long). */
  function trickle(response: import('node:http').ServerResponse): void {
    response.on('close', () => hungUp++);
    response.writeHead(200, { 'content-length': String(object.length), etag: `"${md5(object)}"` });
    response.write(object.subarray(0, 256 * 1024));
    let offset = 256 * 1024;
    const timer = setInterval(() => {
      if (response.destroyed || offset >= object.length) return clearInterval(timer);
      response.write(object.subarray(offset, (offset += 1024)));
    }, 20);
    response.on('close', () => clearInterval(timer));
  }

  /** Starts a download of the trickled object, aborts it after 100 ms, and reports how it ended. */
  async function abortedDownload(provider: 's3' | 'swift') {
    hungUp = 0;
    const directory = harness.directory();
    const controller = new AbortController();
    const aborted = reason();
    let download: Promise<void>;
    if (provider === 's3') {
      const s3 = harness.server(await startFakeS3((call) => {
        if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
        trickle(call.response);
        return true;
      }));
      s3.objects.set('bucket/big.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
      const driver = s3On(s3, harness.agent());
      download = driver.downloadObject(await driver.getObject('bucket', 'big.bin'), join(directory, 'big.bin'), { signal: controller.signal });
    } else {
      const swift = harness.server(await startFakeSwift((call) => {
        if (call.request.method !== 'GET' || call.object === '' || call.request.headers.range !== undefined) return false;
        trickle(call.response);
        return true;
      }));
      swift.objects.set('box/big.bin', { bytes: object, etag: md5(object) });
      const driver = swiftOn(swift, harness.agent());
      download = driver.downloadObject(await driver.getObject('box', 'big.bin'), join(directory, 'big.bin'), { signal: controller.signal });
    }
    setTimeout(() => controller.abort(aborted), 100);
    const started = performance.now();
    const error = await failure(download);
    return { error, aborted, ms: performance.now() - started, directory };
  }

  it.each(['s3', 'swift'] as const)('%s: rejected within 1 s because of the abort, no file, no partial file, no handle, no socket', async (provider) => {
    const { error, aborted, ms, directory } = await abortedDownload(provider);
    expect(ms).toBeLessThan(1_000);
    expect(error === aborted || (error as { cause?: unknown }).cause === aborted).toBe(true);
    expect(filesIn(directory)).toEqual([]);
    expect(await eventually(() => openFilesUnder(directory).length === 0)).toBe(true);
    // The aborted download's connection is closed (the server saw the client hang up); the harness then checks the
    // agent closes at once and the server is left with no connection.
    expect(await eventually(() => hungUp === 1)).toBe(true);
  });

  // On Node 20 stream.pipeline rejects with its own `AbortError` (the reason only as its `cause`); downloadObject
  // rethrows the reason itself, as every other call does (so `AbortSignal.timeout()` gives a `TimeoutError`).
  it.each(['s3', 'swift'] as const)('%s: rejected with the signal\'s reason itself', async (provider) => {
    const { error, aborted } = await abortedDownload(provider);
    expect(error).toBe(aborted);
  });

  it('s3 stream: a consumer that stops reading and destroys the stream releases the connection', async () => {
    hungUp = 0;
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      trickle(call.response);
      return true;
    }));
    s3.objects.set('bucket/big.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const agent = harness.agent();
    const driver = s3On(s3, agent);
    const stream = await driver.downloadObjectAsStream(await driver.getObject('bucket', 'big.bin'));
    for await (const chunk of stream) {
      void chunk;
      break; // leaving a for-await loop destroys the stream
    }
    expect(await eventually(() => hungUp === 1)).toBe(true);
    expect(await within(agent.close(), 2_000)).not.toBe('timeout');
  });

  it('an already-aborted signal: rejected at once, no object request sent', async () => {
    const s3 = harness.server(await startFakeS3());
    s3.objects.set('bucket/big.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const target = await driver.getObject('bucket', 'big.bin');
    const sent = s3.requests.length;
    const aborted = reason();
    const error = await failure(driver.downloadObject(target, join(harness.directory(), 'x.bin'), { signal: AbortSignal.abort(aborted) }));
    expect(error).toBe(aborted);
    expect(s3.requests.length).toBe(sent);
  });
});
