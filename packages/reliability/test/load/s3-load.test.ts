import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { startFakeS3, type FakeS3 } from '../support/fake-s3.js';
import { md5, payload } from '../support/harness.js';
import { eventually } from '../support/leaks.js';
import { report, runAtConcurrency, sample } from '../support/load.js';
import { s3On } from '../support/storage-drivers.js';

/**
 * Sustained load through one S3 driver: 20 000 `getObject` calls (each a ranged GET whose body is discarded, so
 * the connection must go back to the pool) at concurrency 100 against a fake S3 on 127.0.0.1, on an Agent capped
 * at 100 connections. No connection beyond the cap, at least 50 calls per connection, no memory growth between
 * the halves, nothing left open. (The generous timeout is for CI, where every package's tests share the cores.)
 */
const TOTAL = Number(process.env['LOAD_REQUESTS'] ?? 20_000);
const CONCURRENCY = 100;
const WARM_UP = 2_000;

let s3: FakeS3;
beforeAll(async () => {
  s3 = await startFakeS3(undefined, { maxRequests: TOTAL + WARM_UP + 100, keepAliveTimeoutMs: 3_000, keepRequests: false });
  const bytes = payload(64 * 1024);
  s3.objects.set('bucket/object.bin', { bytes, etag: md5(bytes), contentType: 'application/octet-stream' });
});
afterAll(() => s3.close());

describe('sustained load through one S3 driver', () => {
  it(`${TOTAL} getObject calls at concurrency ${CONCURRENCY}: connections reused, no growth`, async () => {
    const before = await sample();
    const agent = new Agent({ connections: CONCURRENCY });
    // The default timeout, not the fault tests' 2 s: this measures growth, and 100 requests queued on a machine busy
    // with other test files can wait longer than 2 s for their headers without anything being wrong.
    const driver = s3On(s3, agent, { timeoutMs: 30_000 });
    const call = async (): Promise<void> => {
      const object = await driver.getObject('bucket', 'object.bin');
      if (object.size !== 64 * 1024) throw new Error(`wrong size ${object.size}`);
    };
    await runAtConcurrency(WARM_UP, CONCURRENCY, call);
    const warm = await sample();
    const firstMs = await runAtConcurrency(TOTAL / 2, CONCURRENCY, call);
    const middle = await sample();
    const connectionsAtHalf = s3.connections();
    const secondMs = await runAtConcurrency(TOTAL / 2, CONCURRENCY, call);
    const after = await sample();
    await agent.close();
    const drained = await eventually(() => s3.openConnections() === 0, 5_000);
    const idle = await sample();
    report('s3 driver getObject, Agent with connections: 100', {
      'requests (incl. warm-up)': s3.received(), 'connections half/end': `${connectionsAtHalf}/${s3.connections()}`, 'peak open connections': s3.peakOpenConnections(), 'calls/s': Math.round(TOTAL / ((firstMs + secondMs) / 1000)),
      'rss/heap MiB before/warm': `${before.rssMiB}/${before.heapMiB} → ${warm.rssMiB}/${warm.heapMiB}`,
      'rss/heap MiB half/end': `${middle.rssMiB}/${middle.heapMiB} → ${after.rssMiB}/${after.heapMiB}`,
      'fds before/end/idle': `${before.fds}/${after.fds}/${idle.fds}`, 'active idle': idle.active,
    });
    expect(s3.received()).toBe(WARM_UP + TOTAL);
    expect(s3.peakOpenConnections()).toBeLessThanOrEqual(CONCURRENCY);
    expect(s3.received() / s3.connections()).toBeGreaterThanOrEqual(50);
    expect(after.heapMiB - middle.heapMiB).toBeLessThan(8);
    expect(after.rssMiB - middle.rssMiB).toBeLessThan(32);
    expect(drained).toBe(true);
    expect(idle.sockets).toBeLessThanOrEqual(before.sockets);
  }, 180_000);
});
