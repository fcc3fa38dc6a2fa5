import { fetch as undiciFetch, getGlobalDispatcher, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PollyDispatcher, setupPolly } from '../src/index.js';
import { countConnectAttempts, readEntries, tempRecordings } from './support/helpers.js';
import { forbiddenUpstream } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('installed as the global dispatcher', () => {
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

  /** undici.request with no dispatcher, undici's fetch, and Node's built-in fetch — none told about Polly. */
  async function calls() {
    const viaRequest = await request(`${server.origin}/json`);
    const viaUndiciFetch = await undiciFetch(`${server.origin}/echo`, { method: 'POST', body: 'from undici fetch' });
    const viaNodeFetch = await globalThis.fetch(`${server.origin}/echo`, { method: 'POST', body: 'from node fetch' });
    const viaNodeFetchGzip = await globalThis.fetch(`${server.origin}/gzip`);
    return [
      [viaRequest.statusCode, await viaRequest.body.text()],
      [viaUndiciFetch.status, ((await viaUndiciFetch.json()) as { body: string }).body],
      [viaNodeFetch.status, ((await viaNodeFetch.json()) as { body: string }).body],
      [viaNodeFetchGzip.status, await viaNodeFetchGzip.text()],
    ];
  }

  it('records and replays undici.request, undici fetch and Node fetch without a dispatcher option', async () => {
    const before = getGlobalDispatcher();
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'global', mode: 'record' });
    expect(getGlobalDispatcher()).toBe(recorder.dispatcher);
    const recorded = await calls();
    await recorder.stop();
    expect(getGlobalDispatcher()).toBe(before);
    expect(server.received).toEqual(['GET /json', 'POST /echo', 'POST /echo', 'GET /gzip']);
    expect(recorded[3]).toEqual([200, 'hello, compressed world '.repeat(50)]); // fetch decompresses the recorded gzip bytes
    expect((await readEntries(recordings.dir)).length).toBe(4);

    await server.close();
    const connects = countConnectAttempts();
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'global', mode: 'replay', upstream: forbiddenUpstream() });
    try {
      expect(await calls()).toEqual(recorded);
      expect(connects.count).toBe(0);
    } finally {
      connects.stop();
      await replayer.stop();
    }
    expect(getGlobalDispatcher()).toBe(before);
  });

  it('refuses a second Polly instance that also wants the global dispatcher', async () => {
    const first = setupPolly({ recordingsDir: recordings.dir, recordingName: 'first', mode: 'replay' });
    try {
      expect(() => setupPolly({ recordingsDir: recordings.dir, recordingName: 'second', mode: 'replay' })).toThrow(/Another Polly instance/);
      const second = setupPolly({ recordingsDir: recordings.dir, recordingName: 'second', mode: 'replay', global: false });
      expect(getGlobalDispatcher()).toBe(first.dispatcher);
      expect(second.dispatcher).toBeInstanceOf(PollyDispatcher);
      await second.stop();
    } finally {
      await first.stop();
    }
    expect(getGlobalDispatcher()).not.toBeInstanceOf(PollyDispatcher);
  });
});
