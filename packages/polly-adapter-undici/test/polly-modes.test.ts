import { Polly } from '@pollyjs/core';
import FSPersister from '@pollyjs/persister-fs';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pollyDispatcher, recommendedPollyConfig, setupPolly, UndiciAdapter } from '../src/index.js';
import { readEntries, readHars, tempRecordings } from './support/helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('Polly modes and route handlers', () => {
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

  it('passthrough mode reaches the server and records nothing', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'passthrough', mode: 'passthrough', global: false });
    const response = await request(`${server.origin}/json`, { dispatcher: polly.dispatcher });
    expect(await response.body.json()).toEqual({ hello: 'world', n: 1 });
    await polly.stop();
    expect(server.received).toEqual(['GET /json']);
    expect(await readHars(recordings.dir)).toEqual([]);
  });

  it('replay with recordIfMissing: true records what is missing and replays what is there (plain Polly config)', async () => {
    const config = {
      adapters: [UndiciAdapter],
      adapterOptions: { undici: { global: false } },
      persister: FSPersister,
      persisterOptions: { fs: { recordingsDir: recordings.dir } },
      ...recommendedPollyConfig,
    };
    const first = new Polly('if-missing', { ...config, mode: 'replay', recordIfMissing: true });
    await (await request(`${server.origin}/echo`, { dispatcher: pollyDispatcher(first), method: 'POST', body: 'one' })).body.text();
    await first.stop();
    const second = new Polly('if-missing', { ...config, mode: 'replay', recordIfMissing: true });
    await (await request(`${server.origin}/echo`, { dispatcher: pollyDispatcher(second), method: 'POST', body: 'one' })).body.text();
    await (await request(`${server.origin}/echo`, { dispatcher: pollyDispatcher(second), method: 'POST', body: 'two' })).body.text();
    await second.stop();
    expect(server.received).toEqual(['POST /echo', 'POST /echo']); // 'one' was replayed the second time
    expect((await readEntries(recordings.dir)).map((entry) => entry.request.postData.text).sort()).toEqual(['one', 'two']);
  });

  it('answers intercepted routes without the network, and sends requests edited by route handlers', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'routes', mode: 'record', global: false });
    polly.polly.server.get(`${server.origin}/intercepted`).intercept((_req, res) => {
      res.status(201).json({ intercepted: true });
    });
    polly.polly.server.post(`${server.origin}/echo`).on('request', (req) => {
      req.body = 'edited by a route handler';
    });
    try {
      const intercepted = await request(`${server.origin}/intercepted`, { dispatcher: polly.dispatcher });
      expect([intercepted.statusCode, await intercepted.body.json()]).toEqual([201, { intercepted: true }]);
      const echo = await request(`${server.origin}/echo`, { dispatcher: polly.dispatcher, method: 'POST', body: 'original' });
      expect(((await echo.body.json()) as { body: string }).body).toBe('edited by a route handler');
      expect(server.received).toEqual(['POST /echo']);
    } finally {
      await polly.stop();
    }
  });

  it('keeps the same dispatcher working across polly.configure()', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'configure', mode: 'record', global: false });
    const dispatcher = polly.dispatcher;
    polly.polly.configure({ recordFailedRequests: true });
    try {
      expect((await request(`${server.origin}/json`, { dispatcher })).statusCode).toBe(200);
    } finally {
      await polly.stop();
    }
  });
});
