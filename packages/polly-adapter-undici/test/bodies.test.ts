import { Buffer } from 'node:buffer';
import { request, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEntries, tempRecordings } from './support/helpers.js';
import { recordThenReplay } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('response bodies replay byte for byte', () => {
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

  async function get(dispatcher: Dispatcher, path: string, method: 'GET' | 'HEAD' = 'GET') {
    const response = await request(`${server.origin}${path}`, { dispatcher, method });
    return { status: response.statusCode, headers: response.headers, bytes: Buffer.from(await response.body.arrayBuffer()) };
  }

  it('keeps a random 64 KiB binary body exact, stored as base64', async () => {
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'binary' },
      (dispatcher) => get(dispatcher, '/binary'),
      () => server.close(),
    );
    expect(recorded.bytes.equals(server.binary)).toBe(true);
    expect(replayed.bytes.equals(server.binary)).toBe(true);
    expect(replayed.headers['content-length']).toBe(String(64 * 1024));
    const [entry] = await readEntries(recordings.dir);
    expect(entry?.response.content.encoding).toBe('base64');
    expect(Buffer.from(entry?.response.content.text, 'base64').equals(server.binary)).toBe(true);
  });

  it('keeps gzip bytes and their Content-Encoding as received (undici.request does not decompress)', async () => {
    const { replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'gzip' },
      (dispatcher) => get(dispatcher, '/gzip'),
      () => server.close(),
    );
    expect(replayed.headers['content-encoding']).toBe('gzip');
    expect(replayed.bytes.equals(server.gzipped)).toBe(true);
  });

  it('replays an empty body, 204, 304 and HEAD', async () => {
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'empty' },
      async (dispatcher) => [
        await get(dispatcher, '/empty'),
        await get(dispatcher, '/no-content'),
        await get(dispatcher, '/not-modified'),
        await get(dispatcher, '/json', 'HEAD'),
      ],
      () => server.close(),
    );
    const summary = (responses: typeof recorded) => responses.map((r) => [r.status, r.bytes.length, r.headers['etag'] ?? r.headers['content-length']]);
    expect(summary(recorded)).toEqual([[200, 0, '0'], [204, 0, undefined], [304, 0, '"v1"'], [200, 0, '23']]);
    expect(summary(replayed)).toEqual(summary(recorded));
  });

  it('records error statuses too (recordFailedRequests) and replays them', async () => {
    const { replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'failure' },
      async (dispatcher) => {
        const response = await get(dispatcher, '/fail');
        return [response.status, response.bytes.toString('utf8')];
      },
      () => server.close(),
    );
    expect(replayed).toEqual([503, '{"error":"try later"}']);
  });
});
