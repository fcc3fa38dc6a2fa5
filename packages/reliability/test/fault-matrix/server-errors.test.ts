import { ProviderError, createTransport, type TransportEvent } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { FAST_RETRY, redirectAll, useHarness } from '../support/harness.js';
import { failure } from '../support/leaks.js';
import { answer, startMisbehavingServer } from '../support/misbehaving-server.js';
import { PROVIDERS, type ProviderUnderTest } from '../support/provider-drivers.js';

/** Row "500/503 bursts, then success": retried with (growing, jittered) backoff, and it succeeds. */
const harness = useHarness();

const CONTENT_TYPES = { xml: 'application/xml', json: 'application/json', text: 'text/plain' } as const;

/** A server for one provider: identity answered normally; the first `burst` API requests get 500/503. */
async function bursty(provider: ProviderUnderTest, burst: number) {
  let apiRequests = 0;
  return harness.server(await startMisbehavingServer(async ({ request, response, body }) => {
    await body();
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (provider.isAuth(request.method ?? '', path)) return answer(response, 200, provider.authAnswer ?? '', { 'content-type': 'application/json' });
    if (apiRequests++ < burst) return answer(response, apiRequests % 2 === 0 ? 500 : 503, '<html><body>Service Unavailable</body></html>', { 'content-type': 'text/html' });
    answer(response, 200, provider.goodAnswer, { 'content-type': CONTENT_TYPES[provider.format] });
  }, { maxRequests: 12 }));
}

describe('through the transport', () => {
  it('waits a growing backoff between attempts, then succeeds', async () => {
    const server = harness.server(await startMisbehavingServer(({ response, index }) => {
      if (index < 3) return answer(response, index === 1 ? 500 : 503, 'busy');
      answer(response, 200, 'done');
    }, { maxRequests: 4 }));
    const events: TransportEvent[] = [];
    // random → 1: every backoff is its ceiling (40, 80, 160 ms), so the spacing of the attempts is known.
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: { maxAttempts: 4, baseDelayMs: 40 }, random: () => 0.999_999, logger: (event) => events.push(event) });
    const response = await transport.request({ method: 'GET', url: `${server.url}/thing` });
    expect(response.body).toBe('done');
    const delays = events.filter((event) => event.type === 'retry').map((event) => (event as { delayMs: number }).delayMs);
    expect(delays).toEqual([39, 79, 159]);
    const gaps = server.requests.slice(1).map((request, index) => request.at - (server.requests[index]?.at ?? 0));
    gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual((delays[index] ?? 0) - 2));
  });

  it('full jitter: each backoff is below its ceiling', async () => {
    const server = harness.server(await startMisbehavingServer(({ response, index }) => answer(response, index < 3 ? 503 : 200, 'x'), { maxRequests: 4 }));
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: { maxAttempts: 4, baseDelayMs: 20 }, logger: (event) => events.push(event) });
    await transport.request({ method: 'GET', url: server.url });
    const delays = events.flatMap((event) => (event.type === 'retry' ? [event.delayMs] : []));
    expect(delays).toHaveLength(3);
    delays.forEach((delay, index) => expect(delay).toBeLessThan(20 * 2 ** index));
  });

  it('a burst longer than maxAttempts: ProviderError (503, retryable) after exactly maxAttempts requests', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => answer(response, 503, 'busy'), { maxRequests: 5 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    const error = await failure(transport.request({ method: 'GET', url: server.url }));
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(server.requests).toHaveLength(FAST_RETRY.maxAttempts);
  });

  it('a POST is not repeated on 503 unless marked idempotent', async () => {
    const server = harness.server(await startMisbehavingServer(({ response, index }) => answer(response, index < 2 ? 503 : 201, 'x'), { maxRequests: 3 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    await failure(transport.request({ method: 'POST', url: server.url, body: '{}' }));
    expect(server.requests).toHaveLength(1);
    await expect(transport.request({ method: 'POST', url: server.url, body: '{}', idempotent: true })).resolves.toMatchObject({ status: 201 });
    expect(server.requests).toHaveLength(3);
  });

  it('501 Not Implemented is final: one request', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => answer(response, 501, 'no'), { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: FAST_RETRY });
    expect(ProviderError.isInstance(await failure(transport.request({ method: 'GET', url: server.url })))).toBe(true);
    expect(server.requests).toHaveLength(1);
  });
});

describe('through every driver', () => {
  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))('%s: a 503/500 burst of two is retried, then the listing succeeds', async (_name, provider) => {
    const server = await bursty(provider, 2);
    const events: TransportEvent[] = [];
    const listed = await provider.list({ dispatcher: redirectAll(harness.agent(), server.url), retry: FAST_RETRY, logger: (event) => events.push(event) });
    expect(Array.isArray(listed) && listed.length).toBeGreaterThan(0);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(2);
  });
});
