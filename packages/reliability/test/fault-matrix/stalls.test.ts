import { join } from 'node:path';
import { RequestTimeoutError, createTransport } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { startFakeS3 } from '../support/fake-s3.js';
import { filesIn, md5, payload, redirectAll, useHarness } from '../support/harness.js';
import { failure, openFilesUnder } from '../support/leaks.js';
import { answer, startMisbehavingServer } from '../support/misbehaving-server.js';
import { PROVIDERS } from '../support/provider-drivers.js';
import { s3On } from '../support/storage-drivers.js';

/** Row "server stalls after headers": `RequestTimeoutError` within the timeout, never a hang. */
const harness = useHarness();
const TIMEOUT = 300;
/**
 * undici runs its headers/body timeouts on "fast timers" that tick about every 500 ms, so a timeout fires up to
 * about 1 s after it is due (a 300 ms timeout fires after ~1 s; the default 30 s one within ~31 s).
 */
const SLACK = 1_200;

/** Measures how long `promise` takes to settle and what it rejected with. */
async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await failure(promise);
  return { error, ms: performance.now() - started };
}

describe('through the transport', () => {
  it.each([
    ['after the headers', 'headers'],
    ['before the headers', 'nothing'],
    ['in the middle of the body', 'some-body'],
  ] as const)('stall %s: RequestTimeoutError within the timeout, one request', async (_label, sent) => {
    const server = harness.server(await startMisbehavingServer(({ response }) => {
      if (sent === 'nothing') return;
      response.writeHead(200, { 'content-length': '1000' });
      if (sent === 'headers') response.flushHeaders();
      else response.write('x'.repeat(100));
    }, { maxRequests: 3 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), timeoutMs: TIMEOUT });
    const { error, ms } = await timed(transport.request({ method: 'GET', url: server.url }));
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: TIMEOUT });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(server.requests).toHaveLength(1);
  });

  it('a slow body that keeps moving is not a stall: 10 chunks 50 ms apart under a 300 ms timeout succeed', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => {
      response.writeHead(200, { 'content-length': '10' });
      let sent = 0;
      const timer = setInterval(() => {
        response.write(String(sent++));
        if (sent === 10) {
          clearInterval(timer);
          response.end();
        }
      }, 50);
    }, { maxRequests: 1 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), timeoutMs: TIMEOUT });
    await expect(transport.request({ method: 'GET', url: server.url })).resolves.toMatchObject({ body: '0123456789' });
  });
});

describe('through every driver', () => {
  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))('%s: the API stalls after its headers → RequestTimeoutError in time', async (_name, provider) => {
    const server = harness.server(await startMisbehavingServer(async ({ request, response, body }) => {
      await body();
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (provider.isAuth(request.method ?? '', path)) return answer(response, 200, provider.authAnswer ?? '', { 'content-type': 'application/json' });
      response.writeHead(200, { 'content-length': String(provider.goodAnswer.length) });
      response.flushHeaders();
    }, { maxRequests: 4 }));
    const { error, ms } = await timed(provider.list({ dispatcher: redirectAll(harness.agent(), server.url), timeoutMs: TIMEOUT, retry: false }));
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(ms).toBeLessThan(TIMEOUT * 2 + SLACK);
  });

  it('rackspace: the identity service stalls after its headers → RequestTimeoutError in time', async () => {
    const provider = PROVIDERS.find((candidate) => candidate.name === 'rackspace compute');
    const server = harness.server(await startMisbehavingServer(({ response }) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.flushHeaders();
    }, { maxRequests: 2 }));
    const { error, ms } = await timed(provider?.list({ dispatcher: redirectAll(harness.agent(), server.url), timeoutMs: TIMEOUT, retry: false }) ?? Promise.resolve());
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
  });
});

describe('downloads', () => {
  const object = payload(256 * 1024, 5);

  async function stalledDownload() {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      call.response.writeHead(200, { 'content-length': String(object.length), etag: `"${md5(object)}"` });
      call.response.write(object.subarray(0, 16 * 1024));
      return true;
    }));
    s3.objects.set('bucket/big.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent(), { timeoutMs: TIMEOUT });
    const directory = harness.directory();
    const target = await driver.getObject('bucket', 'big.bin');
    const { error, ms } = await timed(driver.downloadObject(target, join(directory, 'big.bin')));
    return { error, ms, directory };
  }

  it('s3 download stalls mid-body: fails within the timeout, no file, no partial file, no open handle, no stuck socket', async () => {
    const { error, ms, directory } = await stalledDownload();
    expect(error).toBeInstanceOf(Error);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(filesIn(directory)).toEqual([]);
    expect(openFilesUnder(directory)).toEqual([]);
  });

  // The streamed body fails with the SDK's RequestTimeoutError, not undici's raw BodyTimeoutError (was a bug, fixed).
  it('s3 download stalls mid-body: the error is RequestTimeoutError', async () => {
    const { error } = await stalledDownload();
    expect(RequestTimeoutError.isInstance(error)).toBe(true);
  });
});
