import { afterEach, describe, expect, it } from 'vitest';
import { replyJson, startIdentityServer, type IdentityServer } from '../../../test/support/identity-server.js';
import { reply } from '../../../test/support/local-server.js';
import { readSharedFixture } from '../../../test/support/shared-fixtures.js';
import { InvalidCredentialsError } from '../../errors/provider-error.js';
import type { TransportEvent } from '../../http/transport-event.js';
import { createTransport } from '../../http/transport.js';
import { createIdentityCache } from './identity-cache.js';
import { identityTokenAuth } from './identity-token-auth.js';
import { keystoneV2Exchange } from './keystone-v2.js';
import { createOpenStackErrorClassifier } from './openstack-error-body.js';

const RECORDED = readSharedFixture('libcloud/storage/fixtures/cloudfiles/_v2_0__auth.json');

/** The recorded Rackspace answer with another token and expiry. */
function identityAnswer(token: string, expires = '2999-11-23T21:00:14.000-06:00'): unknown {
  const answer = JSON.parse(RECORDED) as { access: { token: { id: string; expires: string } } };
  answer.access.token = { id: token, expires };
  return answer;
}

let identity: IdentityServer | undefined;
afterEach(async () => {
  await identity?.close();
  identity = undefined;
});

describe('identityTokenAuth', () => {
  it('refreshes a refused token once for 50 concurrent requests, and repeats each with the new token', async () => {
    identity = await startIdentityServer({
      identity: (_request, response, index) => replyJson(response, 200, identityAnswer(`token-${index + 1}`)),
      api: (request, response) => (request.headers['x-auth-token'] === 'token-2' ? reply(response, 200, 'ok') : reply(response, 401, 'expired')),
    });
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', apiKey: 'key-0123456789' }) }));
    const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache) });
    const base = identity.url;
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => transport.request({ method: 'GET', url: `${base}/item/${index}` })));

    expect(results.map((result) => result.status)).toEqual(Array(50).fill(200));
    expect(identity.identityRequests()).toHaveLength(2);
    const api = identity.apiRequests();
    expect(api).toHaveLength(100);
    for (let index = 0; index < 50; index++) {
      const tokens = api.filter((request) => request.url === `/item/${index}`).map((request) => request.headers['x-auth-token']);
      expect(tokens).toEqual(['token-1', 'token-2']);
    }
    expect(cache.lastToken()).toBe('token-2');
  });

  it('gives up with InvalidCredentialsError when the fresh token is refused as well', async () => {
    identity = await startIdentityServer({
      identity: (_request, response, index) => replyJson(response, 200, identityAnswer(`token-${index + 1}`)),
      api: (_request, response) => reply(response, 401, 'no'),
    });
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', apiKey: 'key-0123456789' }) }));
    const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache) });
    await expect(transport.request({ method: 'GET', url: `${identity.url}/x` })).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
    expect(identity.identityRequests()).toHaveLength(2);
    expect(identity.apiRequests().map((request) => request.headers['x-auth-token'])).toEqual(['token-1', 'token-2']);
  });

  it('exchanges again before a request once the token is within refreshBeforeMs of expiring', async () => {
    const issuedAt = new Date('2026-01-01T00:00:00Z');
    const expires = '2026-01-01T01:00:00.000Z';
    identity = await startIdentityServer({
      identity: (_request, response, index) => replyJson(response, 200, identityAnswer(`token-${index + 1}`, expires)),
    });
    let now = issuedAt;
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', apiKey: 'key-0123456789' }) }));
    const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache), now: () => now });
    const get = () => transport.request({ method: 'GET', url: `${identity?.url}/x` });

    await get();
    now = new Date(Date.parse(expires) - 300_001); // just outside the default 5-minute margin
    await get();
    expect(identity.identityRequests()).toHaveLength(1);
    now = new Date(Date.parse(expires) - 300_000);
    await get();
    expect(identity.identityRequests()).toHaveLength(2);
    expect(identity.apiRequests().map((request) => request.headers['x-auth-token'])).toEqual(['token-1', 'token-1', 'token-2']);
    // The new exchange happened before the request that needed it.
    const order = identity.server.requests.map((request) => (request.url.startsWith('/identity/') ? 'identity' : 'api'));
    expect(order).toEqual(['identity', 'api', 'api', 'identity', 'api']);
  });

  it('sends the token in a custom header', async () => {
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 200, identityAnswer('token-custom')) });
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', apiKey: 'key-0123456789' }) }));
    const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache, { header: 'X-Storage-Token' }) });
    await transport.request({ method: 'GET', url: `${identity.url}/x` });
    expect(identity.apiRequests()[0]?.headers['x-storage-token']).toBe('token-custom');
    expect(identity.apiRequests()[0]?.headers['x-auth-token']).toBeUndefined();
  });
});

describe('identityTokenAuth redaction', () => {
  const apiKey = 'apikey-SECRET-0123456789';
  const password = 'password-SECRET-0123456789';
  const token = 'token-SECRET-0123456789';
  const leaked = (text: string) => [apiKey, password, token].filter((secret) => text.includes(secret));

  it('keeps the API key and the token out of every log event and error message', async () => {
    identity = await startIdentityServer({
      identity: (_request, response) => replyJson(response, 200, identityAnswer(token)),
      // A server that echoes secrets back: only the secret values themselves can catch this.
      api: (_request, response) => replyJson(response, 403, { forbidden: { message: `token ${token} of key ${apiKey} may not do this`, code: 403 } }),
    });
    const events: TransportEvent[] = [];
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', apiKey }) }));
    // A header the name-based redactor does not know, so only secrets() can hide the token.
    const transport = createTransport({
      provider: 'test',
      auth: identityTokenAuth(cache, { header: 'X-Custom-Token' }),
      classifyError: createOpenStackErrorClassifier(),
      logger: (event) => events.push(event),
    });
    const error = await transport.request({ method: 'GET', url: `${identity.url}/x` }).catch((caught: unknown) => caught);

    expect(InvalidCredentialsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('test: token [REDACTED] of key [REDACTED] may not do this (HTTP 403, code forbidden)');
    expect(identity.apiRequests()[0]?.headers['x-custom-token']).toBe(token); // the secret really was on the wire
    expect(events.map((event) => event.type)).toEqual(['request', 'response', 'request', 'response', 'error']);
    expect(events[0]).toMatchObject({ type: 'request', method: 'POST' });
    expect(leaked(JSON.stringify(events))).toEqual([]);
  });

  it('keeps the password out of every log event and error message when the exchange is refused', async () => {
    identity = await startIdentityServer({
      identity: (_request, response) => replyJson(response, 401, { unauthorized: { message: `password ${password} is wrong`, code: 401 } }),
    });
    const events: TransportEvent[] = [];
    const cache = createIdentityCache(keystoneV2Exchange({ authUrl: identity.authUrl, credentials: () => ({ username: 'jo', password }) }));
    const transport = createTransport({
      provider: 'test',
      auth: identityTokenAuth(cache),
      classifyError: createOpenStackErrorClassifier(),
      logger: (event) => events.push(event),
    });
    const error = await transport.request({ method: 'GET', url: `${identity.url}/x` }).catch((caught: unknown) => caught);

    expect(InvalidCredentialsError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('test: password [REDACTED] is wrong (HTTP 401, code unauthorized)');
    expect(JSON.parse(identity.identityRequests()[0]?.body.toString() ?? '')).toMatchObject({ auth: { passwordCredentials: { password } } });
    expect(events.some((event) => event.type === 'request' && event.body !== undefined)).toBe(true);
    expect(leaked(JSON.stringify(events))).toEqual([]);
  });
});
