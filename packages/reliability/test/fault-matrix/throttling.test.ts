import { RateLimitError, createTransport } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { redirectAll, useHarness } from '../support/harness.js';
import { failure } from '../support/leaks.js';
import { answer, startMisbehavingServer } from '../support/misbehaving-server.js';
import { PROVIDERS } from '../support/provider-drivers.js';

/**
 * Row "429 and throttling codes with Retry-After (seconds and HTTP-date)": the SDK waits as told (however small
 * its own backoff cap is), and the caller's signal bounds the wait.
 */
const harness = useHarness();
const RETRY_ONCE = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } as const;

/** Each provider's own way of saying "slow down" (status, body), all with `Retry-After: 1`. */
const THROTTLE: Readonly<Record<string, { status: number; body: string }>> = {
  'ec2 compute': { status: 503, body: '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-1</RequestID></Response>' },
  'ec2 elb': { status: 400, body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>' },
  'ec2 s3': { status: 503, body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>r-1</RequestId></Error>' },
  'rackspace compute': { status: 413, body: '{"overLimit":{"code":413,"message":"OverLimit Retry...","details":"Error Details..."}}' },
  'rackspace lb': { status: 413, body: '{"overLimit":{"code":413,"message":"OverLimit Retry..."}}' },
};
const DEFAULT_THROTTLE = { status: 429, body: 'Too Many Requests' };

describe('through the transport', () => {
  it('Retry-After in seconds: the retry comes no earlier than told, even above maxDelayMs', async () => {
    const server = harness.server(await startMisbehavingServer(({ response, index }) => answer(response, index === 0 ? 429 : 200, 'x', { 'retry-after': '1' }), { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: RETRY_ONCE });
    await transport.request({ method: 'GET', url: server.url });
    expect(server.requests).toHaveLength(2);
    expect((server.requests[1]?.at ?? 0) - (server.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(995);
  });

  it('Retry-After as an HTTP-date: the retry comes no earlier than that date', async () => {
    let until = 0;
    let retriedAt = 0;
    const server = harness.server(await startMisbehavingServer(({ response, index }) => {
      if (index === 1) retriedAt = Date.now();
      if (index > 0) return answer(response, 200, 'x');
      const date = new Date(Date.now() + 1_500).toUTCString(); // whole seconds: 0.5–1.5 s from now
      until = Date.parse(date);
      answer(response, 503, 'busy', { 'retry-after': date });
    }, { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: RETRY_ONCE });
    await transport.request({ method: 'GET', url: server.url });
    expect(retriedAt).toBeGreaterThanOrEqual(until - 5);
  });

  it('Retry-After of an hour, caller aborts after 200 ms: rejected promptly with the caller\'s reason, one request', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => answer(response, 429, 'x', { 'retry-after': '3600' }), { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: RETRY_ONCE });
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 200);
    const started = performance.now();
    const error = await failure(transport.request({ method: 'GET', url: server.url, signal: controller.signal }));
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it('Retry-After of an hour under AbortSignal.timeout(300): a TimeoutError within about 300 ms', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => answer(response, 429, 'x', { 'retry-after': '3600' }), { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: RETRY_ONCE });
    const started = performance.now();
    const error = await failure(transport.request({ method: 'GET', url: server.url, signal: AbortSignal.timeout(300) }));
    expect((error as Error).name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('still throttled after the last attempt: RateLimitError carrying retryAfterMs', async () => {
    const server = harness.server(await startMisbehavingServer(({ response }) => answer(response, 429, 'x', { 'retry-after': '0' }), { maxRequests: 2 }));
    const transport = createTransport({ provider: 'demo', dispatcher: harness.agent(), retry: RETRY_ONCE });
    const error = await failure(transport.request({ method: 'GET', url: server.url }));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 0 });
    expect(server.requests).toHaveLength(2);
  });
});

describe('through every driver (its own throttling answer, Retry-After: 1)', () => {
  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))('%s: waits about a second, then succeeds', async (name, provider) => {
    const throttle = THROTTLE[name] ?? DEFAULT_THROTTLE;
    let throttled: number | undefined;
    let retried: number | undefined;
    const server = harness.server(await startMisbehavingServer(async ({ request, response, body }) => {
      await body();
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (provider.isAuth(request.method ?? '', path)) return answer(response, 200, provider.authAnswer ?? '', { 'content-type': 'application/json' });
      if (throttled === undefined) {
        throttled = performance.now();
        return answer(response, throttle.status, throttle.body, { 'retry-after': '1', 'content-type': throttle.body.startsWith('<') ? 'application/xml' : 'application/json' });
      }
      retried ??= performance.now();
      answer(response, 200, provider.goodAnswer, { 'content-type': provider.format === 'xml' ? 'application/xml' : provider.format === 'json' ? 'application/json' : 'text/plain' });
    }, { maxRequests: 6 }));
    await provider.list({ dispatcher: redirectAll(harness.agent(), server.url), retry: RETRY_ONCE });
    expect((retried ?? 0) - (throttled ?? 0)).toBeGreaterThanOrEqual(990);
  });
});
