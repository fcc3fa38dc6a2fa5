import { afterEach, describe, expect, it } from 'vitest';
import { reply, startLocalServer, type LocalServer } from '../../test/support/local-server.js';
import { ValidationError } from '../errors/errors.js';
import { InvalidCredentialsError } from '../errors/provider-error.js';
import type { TransportEvent } from '../http/transport-event.js';
import { createTransport } from '../http/transport.js';
import { staticTokenAuth } from './token-auth.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('staticTokenAuth', () => {
  it('sends the token in X-Auth-Token by default', async () => {
    server = await startLocalServer((_request, response) => reply(response, 200, 'ok'));
    const transport = createTransport({ provider: 'test', auth: staticTokenAuth('token-abc-123') });
    await transport.request({ method: 'GET', url: `${server.url}/x` });
    expect(server.requests[0]?.headers['x-auth-token']).toBe('token-abc-123');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends "Bearer <token>" when the header is Authorization, whatever its case', async () => {
    server = await startLocalServer((_request, response) => reply(response, 200, 'ok'));
    const transport = createTransport({ provider: 'test', auth: staticTokenAuth('token-abc-123', { header: 'authorization' }) });
    await transport.request({ method: 'GET', url: server.url });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-abc-123');
    expect(server.requests[0]?.headers['x-auth-token']).toBeUndefined();
  });

  it('sends the bare token in any other header, replacing a header of the same name', async () => {
    server = await startLocalServer((_request, response) => reply(response, 200, 'ok'));
    const transport = createTransport({ provider: 'test', auth: staticTokenAuth('token-abc-123', { header: 'X-Storage-Token' }) });
    await transport.request({ method: 'GET', url: server.url, headers: { 'x-storage-token': 'old' } });
    expect(server.requests[0]?.headers['x-storage-token']).toBe('token-abc-123');
  });

  it('reads a token function per request and reports its current value as the secret', async () => {
    server = await startLocalServer((_request, response) => reply(response, 200, 'ok'));
    let current = 'first-token';
    const auth = staticTokenAuth(() => current);
    const transport = createTransport({ provider: 'test', auth });
    await transport.request({ method: 'GET', url: server.url });
    current = 'second-token';
    await transport.request({ method: 'GET', url: server.url });
    expect(server.requests.map((request) => request.headers['x-auth-token'])).toEqual(['first-token', 'second-token']);
    expect(auth.secrets?.()).toEqual(['second-token']);
  });

  it('keeps the token out of log events and error messages, even in a header the redactor does not know', async () => {
    const token = 'very-secret-token-value';
    server = await startLocalServer((_request, response) => reply(response, 401, `{"message":"token ${token} was revoked"}`));
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'test', auth: staticTokenAuth(token, { header: 'X-Custom' }), logger: (event) => events.push(event) });
    const error = await transport.request({ method: 'GET', url: server.url }).catch((caught: unknown) => caught);
    expect(InvalidCredentialsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('was revoked');
    expect((error as Error).message).not.toContain(token);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(token);
    expect(server.requests[0]?.headers['x-custom']).toBe(token);
  });

  it('rejects an invalid header name at once and an empty token per request', async () => {
    expect(() => staticTokenAuth('t', { header: 'Bad Header' })).toThrow(ValidationError);
    const auth = staticTokenAuth(() => '');
    const context = createTransport({ provider: 'test' }).authContext();
    expect(() => auth.authorize({ method: 'GET', url: 'http://127.0.0.1/', headers: {} }, context)).toThrow(/token: is empty/);
  });
});
