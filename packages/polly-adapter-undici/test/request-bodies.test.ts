import { Buffer } from 'node:buffer';
import { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupPolly } from '../src/index.js';
import { readEntries, tempRecordings } from './support/helpers.js';
import { forbiddenUpstream, recordThenReplay } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('request bodies', () => {
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

  async function post(dispatcher: Dispatcher, body: Dispatcher.DispatchOptions['body'] | AsyncIterable<Uint8Array>): Promise<string> {
    const response = await request(`${server.origin}/echo`, { dispatcher, method: 'POST', body: body as never });
    return JSON.parse(await response.body.text()).body as string;
  }

  it('tells two POSTs to the same URL apart by their bodies, whatever the order on replay', async () => {
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'two-posts' },
      async (dispatcher) => {
        const first = await post(dispatcher, '{"name":"first"}');
        const second = await post(dispatcher, '{"name":"second"}');
        return { first, second };
      },
      () => server.close(),
    );
    expect(recorded).toEqual({ first: '{"name":"first"}', second: '{"name":"second"}' });
    expect(replayed).toEqual(recorded);
  });

  it('replays by body, not by order: asked in reverse, each POST still gets its own response', async () => {
    const echo = async (dispatcher: Dispatcher, body: string) =>
      (await (await request(`${server.origin}/echo`, { dispatcher, method: 'POST', body })).body.json()) as { counter: number };
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'reordered', mode: 'record', global: false });
    const alpha = await echo(recorder.dispatcher, 'alpha');
    const beta = await echo(recorder.dispatcher, 'beta');
    await recorder.stop();
    await server.close();
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'reordered', mode: 'replay', global: false, upstream: forbiddenUpstream() });
    try {
      expect(await echo(replayer.dispatcher, 'beta')).toEqual(beta);
      expect(await echo(replayer.dispatcher, 'alpha')).toEqual(alpha);
      expect(alpha.counter).not.toBe(beta.counter);
    } finally {
      await replayer.stop();
    }
  });

  it('records a Readable stream, an async iterable, bytes and an empty body as their full text', async () => {
    async function* chunks(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('iter');
      yield new TextEncoder().encode('able');
    }
    const { recorded, replayed } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'streams' },
      async (dispatcher) => [
        await post(dispatcher, Readable.from([Buffer.from('rea'), Buffer.from('dable')])),
        await post(dispatcher, chunks()),
        await post(dispatcher, new Uint8Array([104, 105])),
        await post(dispatcher, ''),
      ],
      () => server.close(),
    );
    expect(recorded).toEqual(['readable', 'iterable', 'hi', '']);
    expect(replayed).toEqual(recorded);
    const texts = (await readEntries(recordings.dir)).map((entry) => entry.request.postData?.text);
    expect(texts.sort()).toEqual(['hi', 'iterable', 'readable', undefined]);
  });

  it('sends a binary request body unchanged and records it as base64', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]);
    const { recorded } = await recordThenReplay(
      { recordingsDir: recordings.dir, recordingName: 'binary-post' },
      async (dispatcher) => {
        const response = await request(`${server.origin}/echo`, { dispatcher, method: 'POST', body: bytes });
        return (await response.body.json()) as { body: string };
      },
      () => server.close(),
    );
    expect(Buffer.from(recorded.body, 'utf8').equals(Buffer.from(bytes.toString('utf8'), 'utf8'))).toBe(true);
    const [entry] = await readEntries(recordings.dir);
    expect(Buffer.from(entry?.request.postData.text, 'base64').equals(bytes)).toBe(true);
  });
});
