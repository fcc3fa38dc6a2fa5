import { afterEach, describe, expect, it } from 'vitest';
import { startIdentityServer, type IdentityServer } from '../../../test/support/identity-server.js';
import { reply } from '../../../test/support/local-server.js';
import { MalformedResponseError } from '../../errors/errors.js';
import { InvalidCredentialsError } from '../../errors/provider-error.js';
import { createTransport } from '../../http/transport.js';
import { createIdentityCache } from './identity-cache.js';
import { identityTokenAuth } from './identity-token-auth.js';
import { keystoneV1Exchange } from './keystone-v1.js';
import { findEndpoint } from './service-catalog.js';

const NOW = new Date('2026-03-01T12:00:00Z');
let identity: IdentityServer | undefined;
afterEach(async () => {
  await identity?.close();
  identity = undefined;
});

function setUp(server: IdentityServer) {
  const exchange = keystoneV1Exchange({ authUrl: server.authUrl, credentials: () => ({ username: 'test:tester', apiKey: 'testing-key-123' }) });
  const cache = createIdentityCache(exchange);
  const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache), now: () => NOW });
  return { cache, transport };
}

describe('keystoneV1Exchange', () => {
  it('sends X-Auth-User/X-Auth-Key and reads the token, URLs and expiry from the answer headers', async () => {
    identity = await startIdentityServer(
      {
        identity: (_request, response) =>
          reply(response, 204, '', {
            'X-Auth-Token': 'AUTH_tk0123456789',
            'X-Storage-Token': 'AUTH_tk0123456789',
            'X-Storage-Url': 'https://storage.example/v1/AUTH_test',
            'X-Server-Management-Url': 'https://servers.example/v1.0/1337',
            'X-CDN-Management-Url': 'https://cdn.example/v1/AUTH_test',
            'X-Auth-Token-Expires': '3600',
          }),
      },
      '/v1.0',
    );
    const { cache, transport } = setUp(identity);
    const session = await cache.current(transport.authContext());

    const [sent] = identity.identityRequests();
    expect(sent).toMatchObject({ method: 'GET', url: '/identity/v1.0' });
    expect(sent?.headers['x-auth-user']).toBe('test:tester');
    expect(sent?.headers['x-auth-key']).toBe('testing-key-123');
    expect(sent?.body.length).toBe(0);

    expect(session.token).toBe('AUTH_tk0123456789');
    expect(session.expiresAt?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(session.endpoints).toEqual({
      storage: 'https://storage.example/v1/AUTH_test',
      compute: 'https://servers.example/v1.0/1337',
      cdn: 'https://cdn.example/v1/AUTH_test',
    });
    // The synthetic catalog has no regions, so lookups work whatever region the user configured.
    expect(findEndpoint(session.catalog, { type: 'object-store', region: 'ORD' })).toBe('https://storage.example/v1/AUTH_test');
    expect(findEndpoint(session.catalog, { name: 'cloudServers' })).toBe('https://servers.example/v1.0/1337');
    expect(findEndpoint(session.catalog, { type: 'rax:object-cdn' })).toBe('https://cdn.example/v1/AUTH_test');

    await transport.request({ method: 'GET', url: `${identity.url}/v1/AUTH_test` });
    expect(identity.apiRequests()[0]?.headers['x-auth-token']).toBe('AUTH_tk0123456789');
  });

  it('accepts X-Storage-Token alone (older Swift auth) and no expiry', async () => {
    identity = await startIdentityServer(
      { identity: (_request, response) => reply(response, 200, '', { 'X-Storage-Token': 'AUTH_tkstorage', 'X-Storage-Url': 'http://swift/v1/AUTH_a' }) },
      '/v1.0',
    );
    const { cache, transport } = setUp(identity);
    const session = await cache.current(transport.authContext());
    expect(session).toEqual({
      token: 'AUTH_tkstorage',
      catalog: [{ type: 'object-store', name: 'cloudFiles', endpoints: [{ publicUrl: 'http://swift/v1/AUTH_a' }] }],
      endpoints: { storage: 'http://swift/v1/AUTH_a' },
    });
    expect(() => findEndpoint(session.catalog, { type: 'compute' })).toThrow('it offers: cloudFiles (object-store): all regions');
  });

  it('rejects an answer without a token header with MalformedResponseError', async () => {
    identity = await startIdentityServer(
      { identity: (_request, response) => reply(response, 200, 'welcome', { 'X-Storage-Url': 'http://swift/v1/AUTH_a' }) },
      '/v1.0',
    );
    const { transport } = setUp(identity);
    const error = await transport.request({ method: 'GET', url: `${identity.url}/v1/AUTH_a` }).catch((caught: unknown) => caught);
    expect(MalformedResponseError.isInstance(error) && error).toMatchObject({ status: 200, body: 'welcome' });
    expect((error as Error).message).toContain('no X-Auth-Token or X-Storage-Token header');
    expect(identity.apiRequests()).toHaveLength(0);
  });

  it('rejects an expiry that is not a number of seconds, hiding the token from the excerpt', async () => {
    identity = await startIdentityServer(
      { identity: (_request, response) => reply(response, 200, 'token AUTH_tkhidden issued', { 'X-Auth-Token': 'AUTH_tkhidden', 'X-Auth-Token-Expires': 'tomorrow' }) },
      '/v1.0',
    );
    const { cache, transport } = setUp(identity);
    const error = await cache.current(transport.authContext()).catch((caught: unknown) => caught);
    expect(MalformedResponseError.isInstance(error) && error.body).toBe('token [REDACTED] issued');
  });

  it('turns a refused exchange (401) into InvalidCredentialsError', async () => {
    identity = await startIdentityServer({ identity: (_request, response) => reply(response, 401, 'Unauthorized') }, '/v1.0');
    const { cache, transport } = setUp(identity);
    await expect(cache.current(transport.authContext())).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
  });
});
