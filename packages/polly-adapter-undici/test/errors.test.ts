import { Timing } from '@pollyjs/core';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Agent, errors, request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdapterNotConnectedError, RecordingNotFoundError, setupPolly } from '../src/index.js';
import { countConnectAttempts, readHars, tempRecordings } from './support/helpers.js';
import { forbiddenUpstream } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('errors and aborts', () => {
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

  it('propagates an abort of an in-flight recorded request to the caller and the upstream, and saves nothing', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'abort-record', mode: 'record', global: false, config: { logLevel: 'silent' } });
    const controller = new AbortController();
    const pending = request(`${server.origin}/slow`, { dispatcher: polly.dispatcher, signal: controller.signal });
    // Wait until the upstream really has the request (a fixed sleep is too short on a loaded machine).
    for (let waited = 0; server.received.length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received).toEqual(['GET /slow']);
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1_000);
    await polly.stop();
    expect(await readHars(recordings.dir)).toEqual([]);
  });

  it('propagates an abort while a replay is pending', async () => {
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'abort-replay', mode: 'record', global: false });
    await (await request(`${server.origin}/json`, { dispatcher: recorder.dispatcher })).body.text();
    await recorder.stop();
    const replayer = setupPolly({
      mode: 'replay',
      recordingsDir: recordings.dir,
      recordingName: 'abort-replay',
      global: false,
      upstream: forbiddenUpstream(),
      config: { timing: Timing.fixed(2_000), logLevel: 'silent' },
    });
    try {
      const pending = request(`${server.origin}/json`, { dispatcher: replayer.dispatcher, signal: AbortSignal.timeout(50) });
      await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await replayer.stop();
    }
  });

  it('gives the caller the same connection error undici raises without Polly (ECONNREFUSED)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/nothing`;
    const agent = new Agent();
    const direct = await request(url, { dispatcher: agent }).catch((error: unknown) => error);
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'refused', mode: 'record', global: false, upstream: agent, config: { logLevel: 'silent' } });
    try {
      const viaPolly = await request(url, { dispatcher: polly.dispatcher }).catch((error: unknown) => error);
      expect(viaPolly).toBeInstanceOf(Error);
      expect((viaPolly as Error).constructor).toBe((direct as Error).constructor);
      expect(viaPolly).toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await polly.stop();
      await agent.close();
    }
  });

  it('refuses an unrecorded request in replay with a RecordingNotFoundError naming method and URL, secrets redacted', async () => {
    const connects = countConnectAttempts();
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'missing', mode: 'replay', global: false, config: { logLevel: 'silent' } });
    try {
      const error = await request(`${server.origin}/json?X-Amz-Signature=deadbeefcafe1234&a=1`, {
        dispatcher: polly.dispatcher,
        method: 'DELETE',
        headers: { authorization: 'Bearer very-secret-bearer' },
      }).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(RecordingNotFoundError);
      const message = (error as Error).message;
      expect(message).toContain(`DELETE ${server.origin}/json?X-Amz-Signature=[REDACTED]&a=1`);
      expect(message).not.toContain('deadbeefcafe1234');
      expect(message).not.toContain('very-secret-bearer');
      expect(server.received).toEqual([]);
      expect(connects.count).toBe(0);
    } finally {
      connects.stop();
      await polly.stop();
    }
  });

  it('fails requests sent through the dispatcher after polly.stop() instead of reaching the network', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'stopped', mode: 'record', global: false });
    await polly.stop();
    await expect(request(`${server.origin}/json`, { dispatcher: polly.dispatcher })).rejects.toBeInstanceOf(AdapterNotConnectedError);
    expect(server.received).toEqual([]);
  });

  it('rejects bodies it cannot record, and upgrades', async () => {
    const polly = setupPolly({ recordingsDir: recordings.dir, recordingName: 'unsupported', mode: 'record', global: false, config: { logLevel: 'silent' } });
    try {
      const form = new FormData();
      form.set('a', 'b');
      await expect(request(`${server.origin}/echo`, { dispatcher: polly.dispatcher, method: 'POST', body: form as never })).rejects.toBeInstanceOf(errors.NotSupportedError);
      await expect(polly.dispatcher.upgrade({ path: '/', origin: server.origin } as never)).rejects.toBeInstanceOf(errors.NotSupportedError);
    } finally {
      await polly.stop();
    }
  });
});
