import { createTransport } from '@multicloud/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupPolly } from '../src/index.js';
import { countConnectAttempts, tempRecordings } from './support/helpers.js';
import { forbiddenUpstream } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe("through @multicloud/core's transport", () => {
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

  async function drive(transport: ReturnType<typeof createTransport>) {
    const json = await transport.request({ method: 'GET', url: `${server.origin}/json` });
    const echo = await transport.request({ method: 'POST', url: `${server.origin}/echo?x=1`, body: 'driver body', headers: { 'content-type': 'text/plain' } });
    const bytes = await (await transport.send({ method: 'GET', url: `${server.origin}/binary` })).bytes();
    return { json: [json.status, json.body], echo: [echo.status, JSON.parse(echo.body).body], binary: Buffer.from(bytes).equals(server.binary) };
  }

  it('replays createTransport({ provider, dispatcher }) with the server stopped', async () => {
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'transport', mode: 'record', global: false });
    const recorded = await drive(createTransport({ provider: 'demo', dispatcher: recorder.dispatcher, retry: false }));
    await recorder.stop();
    expect(recorded).toEqual({ json: [200, '{"hello":"world","n":1}'], echo: [200, 'driver body'], binary: true });

    await server.close();
    const connects = countConnectAttempts();
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'transport', mode: 'replay', global: false, upstream: forbiddenUpstream() });
    try {
      expect(await drive(createTransport({ provider: 'demo', dispatcher: replayer.dispatcher, retry: false }))).toEqual(recorded);
      expect(connects.count).toBe(0);
    } finally {
      connects.stop();
      await replayer.stop();
    }
  });

  it('also catches a transport given no dispatcher (it looks the global one up per request)', async () => {
    const transport = createTransport({ provider: 'demo', retry: false });
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'transport-global', mode: 'record' });
    const recorded = await drive(transport);
    await recorder.stop();
    await server.close();
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'transport-global', mode: 'replay', upstream: forbiddenUpstream() });
    try {
      expect(await drive(transport)).toEqual(recorded);
    } finally {
      await replayer.stop();
    }
  });
});
