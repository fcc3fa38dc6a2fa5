import { createTransport, type TransportSettings } from '@multicloud/core';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/leaks.js';
import { report, runAtConcurrency, sample } from '../support/load.js';
import { answer, startMisbehavingServer, type MisbehavingServer } from '../support/misbehaving-server.js';

/**
 * Sustained load through one transport: 20 000 requests at concurrency 100 against a local server, on undici's
 * global dispatcher (what a driver uses by default) and on an Agent capped at 100 connections. Keep-alive is
 * reused: at least 50 requests per connection, never more connections open at once than the pool allows (up to
 * twice the concurrency on the global dispatcher — a request dispatched in the tick its predecessor's body ended
 * finds that socket not yet released and opens another — exactly 100 on the capped Agent); memory does not grow
 * between the halves; and once the idle sockets time out, the process holds no more sockets or handles than before.
 * (Run alone it takes a few seconds; the generous timeout is for CI, where every package's tests share the cores.)
 */
const TOTAL = Number(process.env['LOAD_REQUESTS'] ?? 20_000);
const CONCURRENCY = 100;
const WARM_UP = 5_000;
const BODY = JSON.stringify({ servers: Array.from({ length: 10 }, (_, index) => ({ id: `server-${index}`, status: 'ACTIVE' })) });

// A fresh server per test (its connection counts are the test's); idle connections close after 3 s (undici is told
// 3 s and closes them a second earlier), so the test can wait them out.
let server: MisbehavingServer;
beforeEach(async () => {
  server = await startMisbehavingServer(({ response }) => answer(response, 200, BODY, { 'content-type': 'application/json' }), { maxRequests: TOTAL + WARM_UP + 1_000, keepAliveTimeoutMs: 3_000, keepRequests: false });
});
afterEach(() => server.close());

describe('sustained load through one transport', () => {
  it.each([
    ['the global dispatcher', undefined, 2 * CONCURRENCY],
    ['an Agent with connections: 100', () => new Agent({ connections: CONCURRENCY }), CONCURRENCY],
  ] as const)(`${TOTAL} requests at concurrency ${CONCURRENCY} on %s: keep-alive reused, no socket, handle or memory growth`, async (title, makeAgent, maxConnections) => {
    const agent = makeAgent?.();
    const settings: TransportSettings = agent ? { dispatcher: agent } : {};
    const before = await sample();
    const transport = createTransport({ provider: 'load', ...settings });
    const call = async (): Promise<void> => {
      const response = await transport.request({ method: 'GET', url: `${server.url}/servers` });
      if (response.body.length !== BODY.length) throw new Error('short body');
    };
    // Warm-up: let the pool reach its working size (and V8 its steady heap) before anything is compared.
    await runAtConcurrency(WARM_UP, CONCURRENCY, call);
    const warm = await sample();
    const connectionsWarm = server.connections();
    const firstMs = await runAtConcurrency(TOTAL / 2, CONCURRENCY, call);
    const connectionsAtHalf = server.connections();
    const middle = await sample();
    const secondMs = await runAtConcurrency(TOTAL / 2, CONCURRENCY, call);
    const after = await sample();
    const connections = server.connections();
    const drained = await eventually(() => server.openConnections() === 0, 10_000);
    await agent?.close();
    const idle = await sample();
    report(`transport, ${title}`, {
      'requests (incl. warm-up)': server.received(), 'connections warm/half/end': `${connectionsWarm}/${connectionsAtHalf}/${connections}`, 'peak open connections': server.peakOpenConnections(), 'requests/s': Math.round(TOTAL / ((firstMs + secondMs) / 1000)),
      'before rss/heap MiB': `${before.rssMiB}/${before.heapMiB}`, 'after warm-up rss/heap': `${warm.rssMiB}/${warm.heapMiB}`, 'after 1st half rss/heap': `${middle.rssMiB}/${middle.heapMiB}`,
      'after 2nd half rss/heap': `${after.rssMiB}/${after.heapMiB}`, 'fds before/after/idle': `${before.fds}/${after.fds}/${idle.fds}`,
      'sockets before/after/idle': `${before.sockets}/${after.sockets}/${idle.sockets}`, 'active before': before.active, 'active idle': idle.active,
    });
    expect(server.received()).toBe(WARM_UP + TOTAL);
    // Keep-alive carries the load: many requests per connection (without reuse it would be one). Connections may be
    // replaced when one idles past the server's keep-alive timeout on a busy machine, but never more are open at once.
    expect((WARM_UP + TOTAL) / connections).toBeGreaterThanOrEqual(50);
    expect(server.peakOpenConnections()).toBeLessThanOrEqual(maxConnections);
    expect(after.heapMiB - middle.heapMiB).toBeLessThan(8);
    expect(after.rssMiB - middle.rssMiB).toBeLessThan(32);
    expect(drained).toBe(true);
    expect(idle.sockets).toBeLessThanOrEqual(before.sockets);
    expect(idle.active['TCPSocketWrap'] ?? 0).toBeLessThanOrEqual(before.active['TCPSocketWrap'] ?? 0);
    expect(idle.active['Timeout'] ?? 0).toBeLessThanOrEqual((before.active['Timeout'] ?? 0) + 2);
  }, 180_000);
});
