import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer, reply, type LocalServer } from '../../test/support/local-server.js';
import { NetworkError, RequestTimeoutError, ValidationError } from '../errors/errors.js';
import { InvalidCredentialsError, NotFoundError, ProviderError, RateLimitError } from '../errors/provider-error.js';
import { createErrorClassifier } from '../errors/error-table.js';
import { VERSION } from '../version.js';
import { createTransport } from './transport.js';
import type { TransportEvent } from './transport-event.js';

const fastRetry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createTransport', () => {
  it('sends the request with a User-Agent and returns status, lower-case headers and body', async () => {
    server = await startLocalServer((request, response) => reply(response, 200, `you sent ${request.body.toString()}`, { 'X-Thing': 'a' }));
    const transport = createTransport({ provider: 'demo' });
    const response = await transport.request({ method: 'PUT', url: `${server.url}/a%20b?x=1`, body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    expect(response).toMatchObject({ status: 200, body: 'you sent hello' });
    expect(response.headers['x-thing']).toBe('a');
    expect(server.requests[0]).toMatchObject({ method: 'PUT', url: '/a%20b?x=1' });
    expect(server.requests[0]?.headers['user-agent']).toBe(`multicloud/${VERSION} demo`);
  });

  it('retries an idempotent request through 503s until it succeeds', async () => {
    server = await startLocalServer((_request, response, index) => (index < 2 ? reply(response, 503, 'busy') : reply(response, 200, 'ok')));
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'demo', retry: fastRetry, logger: (event) => events.push(event) });
    await expect(transport.request({ method: 'GET', url: server.url })).resolves.toMatchObject({ body: 'ok' });
    expect(server.requests).toHaveLength(3);
    expect(events.filter((event) => event.type === 'retry').map((event) => event.attempt)).toEqual([1, 2]);
  });

  it('gives up after maxAttempts with the typed, retryable error', async () => {
    server = await startLocalServer((_request, response) => reply(response, 500, 'broken', { 'x-request-id': 'req-9' }));
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    const error = await transport.request({ method: 'GET', url: server.url }).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ status: 500, retryable: true, requestId: 'req-9' });
    expect(server.requests).toHaveLength(3);
  });

  it('never retries a POST that reached the server', async () => {
    server = await startLocalServer((_request, response) => reply(response, 503, 'busy'));
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    await expect(transport.request({ method: 'POST', url: server.url, body: 'x' })).rejects.toMatchObject({ name: 'ProviderError', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST marked idempotent (idempotency token)', async () => {
    server = await startLocalServer((_request, response, index) => (index === 0 ? reply(response, 503) : reply(response, 200, 'made')));
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    await expect(transport.request({ method: 'POST', url: server.url, body: 'x', idempotent: true })).resolves.toMatchObject({ body: 'made' });
    expect(server.requests.map((request) => request.body.toString())).toEqual(['x', 'x']);
  });

  it('waits as long as Retry-After says on 429 (seconds form)', async () => {
    server = await startLocalServer((_request, response, index) => (index === 0 ? reply(response, 429, 'slow down', { 'retry-after': '1' }) : reply(response, 200, 'ok')));
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    await transport.request({ method: 'GET', url: server.url });
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('honours an HTTP-date Retry-After relative to the injected clock', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    server = await startLocalServer((_request, response, index) =>
      index === 0 ? reply(response, 503, '', { 'retry-after': 'Thu, 01 Jan 2026 00:00:01 GMT' }) : reply(response, 200, 'ok'));
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'demo', retry: fastRetry, now: () => now, logger: (event) => events.push(event) });
    await transport.request({ method: 'GET', url: server.url });
    expect(events.find((event) => event.type === 'retry')).toMatchObject({ delayMs: 1000 });
  });

  it('turns a final 429 into RateLimitError carrying retryAfterMs', async () => {
    server = await startLocalServer((_request, response) => reply(response, 429, '', { 'retry-after': '0' }));
    const transport = createTransport({ provider: 'demo', retry: { maxAttempts: 2 } });
    const error = await transport.request({ method: 'GET', url: server.url }).catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(0);
  });

  it('retries after the server resets the connection before answering', async () => {
    server = await startLocalServer((_request, response, index) => {
      if (index === 0) response.socket?.destroy();
      else reply(response, 200, 'second time');
    });
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    await expect(transport.request({ method: 'GET', url: server.url })).resolves.toMatchObject({ body: 'second time' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries after a reset in the middle of the body when reading it whole', async () => {
    server = await startLocalServer((_request, response, index) => {
      if (index > 0) return reply(response, 200, 'complete body');
      response.writeHead(200, { 'content-length': '1000' });
      response.write('partial');
      setTimeout(() => response.socket?.destroy(), 10);
    });
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    await expect(transport.request({ method: 'GET', url: server.url })).resolves.toMatchObject({ body: 'complete body' });
  });

  it('does not retry a PUT whose body is a stream', async () => {
    server = await startLocalServer((_request, response) => reply(response, 503));
    const transport = createTransport({ provider: 'demo', retry: fastRetry });
    async function* chunks() {
      yield new TextEncoder().encode('streamed');
    }
    await expect(transport.request({ method: 'PUT', url: server.url, body: chunks() })).rejects.toMatchObject({ status: 503 });
    expect(server.requests.map((request) => request.body.toString())).toEqual(['streamed']);
  });

  it('retries even a POST when the connection was refused (it never reached a server)', async () => {
    const closed = await startLocalServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'demo', retry: fastRetry, logger: (event) => events.push(event) });
    const error = await transport.request({ method: 'POST', url, body: 'x' }).catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error) && error.code).toBe('ECONNREFUSED');
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(2);
  });

  it('stops at once when aborted during a backoff wait', async () => {
    server = await startLocalServer((_request, response) => reply(response, 503, '', { 'retry-after': '30' }));
    const transport = createTransport({ provider: 'demo' });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('user gave up')), 100);
    await expect(transport.request({ method: 'GET', url: server.url, signal: controller.signal })).rejects.toThrow('user gave up');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('aborts a request in flight with the signal reason', async () => {
    server = await startLocalServer(() => undefined); // never answers
    const transport = createTransport({ provider: 'demo' });
    const controller = new AbortController();
    const reason = new Error('cancelled');
    setTimeout(() => controller.abort(reason), 50);
    await expect(transport.request({ method: 'GET', url: server.url, signal: controller.signal })).rejects.toBe(reason);
  });

  it('throws RequestTimeoutError when headers do not come in time, and when the body stalls', async () => {
    server = await startLocalServer((request, response) => {
      if (request.url === '/stall-body') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('some');
      }
    });
    const transport = createTransport({ provider: 'demo', timeoutMs: 200, retry: false });
    await expect(transport.request({ method: 'GET', url: `${server.url}/stall-headers` })).rejects.toSatisfy(
      (error) => RequestTimeoutError.isInstance(error) && error.timeoutMs === 200 && /headers/.test(error.message),
    );
    await expect(transport.request({ method: 'GET', url: `${server.url}/stall-body` })).rejects.toSatisfy(
      (error) => RequestTimeoutError.isInstance(error) && /body/.test(error.message),
    );
  });

  it('maps error codes through the provider table and statuses otherwise', async () => {
    server = await startLocalServer((request, response) =>
      request.url === '/gone' ? reply(response, 400, '{"code":"Thing.NotFound","message":"no such thing"}') : reply(response, 403, 'denied'));
    const transport = createTransport({
      provider: 'demo',
      classifyError: createErrorClassifier({ table: { 'Thing.NotFound': NotFoundError } }),
    });
    const gone = await transport.request({ method: 'GET', url: `${server.url}/gone` }).catch((caught: unknown) => caught);
    expect(NotFoundError.isInstance(gone) && gone).toMatchObject({ status: 400, providerCode: 'Thing.NotFound', message: 'demo: no such thing (HTTP 400, code Thing.NotFound)' });
    await expect(transport.request({ method: 'GET', url: `${server.url}/denied` })).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
  });

  it('hands back statuses the caller accepts', async () => {
    server = await startLocalServer((_request, response) => reply(response, 404, 'nope'));
    const transport = createTransport({ provider: 'demo' });
    await expect(transport.request({ method: 'GET', url: server.url, acceptStatus: (status) => status === 404 })).resolves.toMatchObject({ status: 404, body: 'nope' });
  });

  it('sends every request through an injected dispatcher', async () => {
    server = await startLocalServer((_request, response) => reply(response, 200, 'ok'));
    const agent = new Agent();
    const seen: string[] = [];
    const counting = agent.compose((dispatch) => (options: Dispatcher.DispatchOptions, handler) => {
      seen.push(`${options.method} ${options.path}`);
      return dispatch(options, handler);
    });
    const transport = createTransport({ provider: 'demo', dispatcher: counting });
    await transport.request({ method: 'GET', url: `${server.url}/one` });
    await transport.send({ method: 'DELETE', url: `${server.url}/two` }).then((response) => response.discard());
    expect(seen).toEqual(['GET /one', 'DELETE /two']);
    await agent.close();
  });

  it('streams the response body from send()', async () => {
    server = await startLocalServer((_request, response) => {
      response.writeHead(200);
      response.write('a'.repeat(70_000));
      response.end('end');
    });
    const transport = createTransport({ provider: 'demo' });
    const response = await transport.send({ method: 'GET', url: server.url });
    let length = 0;
    for await (const chunk of response.body) length += (chunk as Buffer).length;
    expect(length).toBe(70_003);
  });

  it('rejects bad settings with ValidationError before any request', () => {
    expect(() => createTransport({ provider: 'demo', timeoutMs: -1 })).toThrow(ValidationError);
    expect(() => createTransport({ provider: 'demo', retry: { maxAttempts: 0 } })).toThrow(/retry.maxAttempts/);
    expect(() => createTransport({ provider: 'demo', tls: { cert: 'x', key: 'y' }, dispatcher: new Agent() })).toThrow(/tls/);
  });
});
