import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { eventually, open, send } from './support/lb-client.js';
import { startBalancerProcess } from './support/lb-balancer-process.js';
import { killAll, startMember, type TestMember } from './support/lb-members.js';
import { MIB, md5, payload } from './support/lb-payload.js';

const SIZE = 100 * MIB;
/** Largest growth of the balancer process's RSS allowed while 100 MiB go through it. */
const RSS_BUDGET = 40 * MIB;

let member: TestMember;
/** A balancer in this process, for the ordering tests. */
let url: string;
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 1000 } });

beforeAll(async () => {
  member = await startMember('streamer');
  const balancer = await lb.createBalancer({ name: 'stream', exAnyPort: true, protocol: 'http', members: [member.spec] });
  url = String(balancer.extra.url);
});
afterAll(async () => {
  await lb.exCloseAll();
  await killAll([member]);
});

/**
 * Starts a balancer in a process of its own (a fresh one per measurement: memory one transfer freed would hide what
 * the next one costs), warms it up with `warmUp` (sockets, code paths, and V8's young generation, which grows once
 * under a high allocation rate — a one-time cost of the process, not buffering), then runs `transfer` while the
 * child samples its RSS. Resolves with the transfer's result and the peak RSS growth.
 *
 * The warm-ups move 96 MiB: on Node 24 the process still grew by 20–40 MB in the measured 100 MiB after a 32 MiB
 * warm-up (Node 20: 0–2 MB), 0–8 MB after 64 MiB, 0–5 MB after 96 MiB (5 runs each here).
 */
async function measuringRss<T>(warmUp: (url: string) => Promise<unknown>, transfer: (url: string) => Promise<T>): Promise<{ result: T; growth: number }> {
  const child = await startBalancerProcess([member.spec]);
  try {
    await warmUp(child.url);
    await child.startMeasuring();
    const result = await transfer(child.url);
    return { result, growth: await child.stopMeasuring() };
  } finally {
    await child.close();
  }
}

/** Races `promise` against a timer, so a proxy that buffers fails with a message instead of hanging. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);
}

describe('streaming through the balancer', () => {
  it('uploads 100 MiB generated on the fly, intact, without buffering it', async () => {
    const sent = md5();
    const { result: reply, growth } = await measuringRss(
      (child) => send(`${child}/upload`, { method: 'PUT', body: payload(96 * MIB) }),
      (child) => send(`${child}/upload`, { method: 'PUT', body: payload(SIZE, (chunk) => sent.update(chunk)) }),
    );
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ md5: sent.digest(), bytes: SIZE, member: 'streamer' });
    expect(growth).toBeLessThan(RSS_BUDGET);
  });

  it('downloads 100 MiB generated on the fly, intact, without buffering it', async () => {
    const received = md5();
    const { result: bytes, growth } = await measuringRss((child) => send(`${child}/download?bytes=${96 * MIB}`), async (child) => {
      const response = await open(`${child}/download?bytes=${SIZE}`);
      let count = 0;
      for await (const chunk of response) {
        count += (chunk as Buffer).length;
        received.update(chunk as Buffer);
      }
      return count;
    });
    expect(bytes).toBe(SIZE);
    expect(received.digest()).toBe(member.lastDownloadMd5);
    expect(growth).toBeLessThan(RSS_BUDGET);
  });

  it('passes the first bytes of a response on before the member has finished it', async () => {
    const response = await open(`${url}/drip`);
    const chunks = response[Symbol.asyncIterator]();
    const first = await within(3000, 'the first MiB reaching the client while the member still holds the end', chunks.next());
    expect(first.done).toBe(false);
    member.finishDrip();
    let total = (first.value as Buffer).length;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) total += (next.value as Buffer).length;
    expect(total).toBe(MIB + 10);
  });

  it('passes the first bytes of a request on before the client has finished sending it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    member.uploadedBytes = 0;
    async function* body(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(MIB, 7);
      await gate; // the rest only once the member has seen the first MiB
      yield Buffer.alloc(10, 8);
    }
    const { Readable } = await import('node:stream');
    const reply = send(`${url}/upload`, { method: 'PUT', body: Readable.from(body()) });
    await within(3000, 'the first MiB reaching the member while the client still holds the end', eventually(() => member.uploadedBytes >= MIB, 3000, 'upload'));
    release();
    expect(JSON.parse((await reply).text)).toMatchObject({ bytes: MIB + 10 });
  });
});
