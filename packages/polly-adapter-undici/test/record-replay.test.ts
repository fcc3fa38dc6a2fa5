import { Agent, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupPolly } from '../src/index.js';
import { countConnectAttempts, readEntries, tempRecordings } from './support/helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('record, then replay with the server gone', () => {
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

  async function exchange(dispatcher: import('undici').Dispatcher) {
    const json = await request(`${server.origin}/json?b=2&a=1`, { dispatcher, headers: { accept: 'application/json' } });
    const echo = await request(`${server.origin}/echo`, { dispatcher, method: 'PUT', body: 'payload', headers: { 'content-type': 'text/plain' } });
    return [
      { status: json.statusCode, headers: json.headers, body: await json.body.text() },
      { status: echo.statusCode, headers: echo.headers, body: await echo.body.text() },
    ];
  }

  it('answers from the recording and opens no socket', async () => {
    const upstream = new Agent();
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'basic', mode: 'record', upstream, global: false });
    const recorded = await exchange(recorder.dispatcher);
    await recorder.stop();
    await upstream.close();
    expect(recorded[0]?.status).toBe(200);
    expect(JSON.parse(recorded[0]?.body ?? '')).toEqual({ hello: 'world', n: 1 });
    expect(server.received).toEqual(['GET /json', 'PUT /echo']);
    expect((await readEntries(recordings.dir)).length).toBe(2);

    const connectionsWhileRecording = server.connections;
    await server.close();
    const connects = countConnectAttempts();
    const refused = new Agent();
    let upstreamCalls = 0;
    const spy = refused.compose((dispatch) => (options, handler) => {
      upstreamCalls++;
      return dispatch(options, handler);
    });
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'basic', mode: 'replay', upstream: spy, global: false });
    try {
      const replayed = await exchange(replayer.dispatcher);
      expect(replayed.map((r) => [r.status, r.body])).toEqual(recorded.map((r) => [r.status, r.body]));
      for (const [i, response] of replayed.entries()) {
        const { 'set-cookie': _cookie, ...headers } = response.headers;
        const { 'set-cookie': _recordedCookie, ...recordedHeaders } = recorded[i]?.headers ?? {};
        expect(headers).toEqual(recordedHeaders);
      }
      expect(upstreamCalls).toBe(0);
      expect(connects.count).toBe(0);
      expect(server.connections).toBe(connectionsWhileRecording);
      expect(replayed[0]?.headers['set-cookie']).toBe('[REDACTED]'); // cookies are secrets: scrubbed when saved
    } finally {
      connects.stop();
      await replayer.stop();
      await refused.close();
    }
  });
});
