import { Buffer } from 'node:buffer';
import type { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRecordings } from './support/helpers.js';
import { recordThenReplay } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

interface Collected {
  events: string[];
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** Calls `dispatch` with a controller-style handler (undici 7's newer API) and collects what it receives. */
function dispatchModern(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, pauseAfterFirstChunk = false): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const collected: Collected = { events: [], status: 0, headers: {}, body: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    dispatcher.dispatch(options, {
      onRequestStart: (controller) => {
        collected.events.push(`start:${controller.aborted}`);
      },
      onResponseStart: (_controller, statusCode, headers) => {
        collected.events.push('response');
        collected.status = statusCode;
        collected.headers = headers;
      },
      onResponseData: (controller, chunk) => {
        chunks.push(chunk);
        if (pauseAfterFirstChunk && chunks.length === 1) {
          controller.pause();
          collected.events.push('paused');
          setTimeout(() => {
            collected.events.push('resumed');
            controller.resume();
          }, 20);
        }
      },
      onResponseEnd: () => {
        collected.events.push('end');
        collected.body = Buffer.concat(chunks);
        resolve(collected);
      },
      onResponseError: (_controller, error) => reject(error),
    });
  });
}

/** The same with the older callback style. */
function dispatchLegacy(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions): Promise<Collected> {
  return new Promise((resolve, reject) => {
    const collected: Collected = { events: [], status: 0, headers: {}, body: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    dispatcher.dispatch(options, {
      onConnect: () => collected.events.push('connect'),
      onHeaders: (statusCode, rawHeaders) => {
        collected.events.push('headers');
        collected.status = statusCode;
        collected.headers = Object.fromEntries(
          Array.from({ length: rawHeaders.length / 2 }, (_, i) => [String(rawHeaders[2 * i]), String(rawHeaders[2 * i + 1])]),
        );
        return true;
      },
      onData: (chunk) => {
        chunks.push(chunk);
        return true;
      },
      onComplete: () => {
        collected.events.push('complete');
        collected.body = Buffer.concat(chunks);
        resolve(collected);
      },
      onError: reject,
    });
  });
}

describe('both undici handler styles through dispatcher.dispatch', () => {
  let server: TestServer;
  let recordings: Awaited<ReturnType<typeof tempRecordings>>;
  beforeEach(async () => {
    server = await startTestServer();
    recordings = await tempRecordings();
  });
  afterEach(async () => {
    await server.close();
    await recordings.remove();
  });

  it('serves onRequestStart/onResponseStart/onResponseData/onResponseEnd, honouring pause and resume', async () => {
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'modern' },
      (dispatcher) => dispatchModern(dispatcher, { origin: server.origin, path: '/binary', method: 'GET' }, true),
      () => server.close(),
    );
    for (const result of [recorded, replayed]) {
      expect(result.status).toBe(200);
      expect(result.headers['content-type']).toBe('application/octet-stream');
      expect(result.body.equals(server.binary)).toBe(true);
      expect(result.events).toEqual(['start:false', 'response', 'paused', 'resumed', 'end']);
    }
  });

  it('serves onConnect/onHeaders/onData/onComplete with raw headers', async () => {
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'legacy' },
      (dispatcher) => dispatchLegacy(dispatcher, { origin: server.origin, path: '/echo', method: 'POST', body: 'legacy', query: { b: '2', a: '1' } }),
      () => server.close(),
    );
    expect(recorded.events).toEqual(['connect', 'headers', 'complete']);
    expect(JSON.parse(recorded.body.toString())).toMatchObject({ body: 'legacy', query: '?b=2&a=1' });
    expect(replayed).toEqual(recorded);
  });
});
