import { afterEach, describe, expect, it } from 'vitest';
import { replyJson, startIdentityServer, type IdentityServer } from '../../../test/support/identity-server.js';
import { reply } from '../../../test/support/local-server.js';
import { readSharedFixture } from '../../../test/support/shared-fixtures.js';
import { MalformedResponseError, ValidationError } from '../../errors/errors.js';
import { InvalidCredentialsError } from '../../errors/provider-error.js';
import { createTransport } from '../../http/transport.js';
import { createIdentityCache } from './identity-cache.js';
import { identityTokenAuth } from './identity-token-auth.js';
import { keystoneV2Exchange } from './keystone-v2.js';
import { createOpenStackErrorClassifier } from './openstack-error-body.js';
import { findEndpoint } from './service-catalog.js';

const CLOUDFILES_AUTH = readSharedFixture('libcloud/storage/fixtures/cloudfiles/_v2_0__auth.json');
const OPENSTACK_AUTH = readSharedFixture('libcloud/compute/fixtures/openstack/_v2_0__auth.json');
const UNAUTHORIZED = readSharedFixture('libcloud/compute/fixtures/openstack/_v1_1__auth_unauthorized.json');
const FIXTURE_TOKEN = 'aaaaaaaaaaaa-bbb-cccccccccccccc';
const FIXTURE_EXPIRY = new Date('2999-11-24T03:00:14.000Z'); // 2999-11-23T21:00:14.000-06:00

let identity: IdentityServer | undefined;
afterEach(async () => {
  await identity?.close();
  identity = undefined;
});

/** A transport authorized by a v2 exchange against the local server. */
function setUp(server: IdentityServer, credentials: { username: string; apiKey: string } | { username: string; password: string }, scope: { tenantName?: string; tenantId?: string } = {}) {
  // The trailing slash is deliberate: Rackspace documentation writes the URL both ways.
  const cache = createIdentityCache(keystoneV2Exchange({ authUrl: `${server.authUrl}/`, credentials: () => credentials, ...scope }));
  const transport = createTransport({ provider: 'test', auth: identityTokenAuth(cache), classifyError: createOpenStackErrorClassifier() });
  return { cache, transport };
}

describe('keystoneV2Exchange', () => {
  it('exchanges a Rackspace API key for the recorded Cloud Files session and authorizes requests with it', async () => {
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 200, CLOUDFILES_AUTH) });
    const { cache, transport } = setUp(identity, { username: 'jo', apiKey: 'key-0123456789' });
    const session = await cache.current(transport.authContext());

    const [sent] = identity.identityRequests();
    expect(sent).toMatchObject({ method: 'POST', url: '/identity/v2.0/tokens' });
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers.accept).toBe('application/json');
    expect(JSON.parse(sent?.body.toString() ?? '')).toEqual({ auth: { 'RAX-KSKEY:apiKeyCredentials': { username: 'jo', apiKey: 'key-0123456789' } } });

    expect(session.token).toBe(FIXTURE_TOKEN);
    expect(session.expiresAt?.toISOString()).toBe(FIXTURE_EXPIRY.toISOString());
    expect(session.tenantId).toBeUndefined(); // this recording has no access.token.tenant
    expect(session.catalog.map((service) => service.name)).toEqual([
      'cloudFilesCDN', 'cloudFiles', 'cloudServers', 'nova', 'cloudServersOpenStack', 'cloudServersPreprod',
    ]);
    const { catalog } = session;
    expect(findEndpoint(catalog, { name: 'cloudFiles', region: 'ORD' })).toBe('https://storage4.ord1.clouddrive.com/v1/MossoCloudFS');
    expect(findEndpoint(catalog, { name: 'cloudFiles', region: 'ORD', interface: 'internal' })).toBe(
      'https://snet-storage101.ord1.clouddrive.com/v1/MossoCloudFS_11111-111111111-1111111111-1111111',
    );
    expect(findEndpoint(catalog, { type: 'object-store', region: 'lon' })).toBe('https://storage4.lon1.clouddrive.com/v1/MossoCloudFS');
    expect(findEndpoint(catalog, { name: 'cloudFilesCDN', region: 'LON' })).toBe('https://cdn.clouddrive.com/v1/MossoCloudFS');
    expect(findEndpoint(catalog, { name: 'cloudServersOpenStack', region: 'DFW' })).toBe('https://dfw.servers.api.rackspacecloud.com/v2/1337');
    expect(findEndpoint(catalog, { name: 'cloudServersOpenStack', region: 'ORD' })).toBe('https://ord.servers.api.rackspacecloud.com/v2/1337');
    expect(findEndpoint(catalog, { name: 'cloudServers', region: 'SYD' })).toBe('https://servers.api.rackspacecloud.com/v1.0/1337');
    expect(() => findEndpoint(catalog, { name: 'cloudServersOpenStack', region: 'SYD' })).toThrow(
      'region: service named "cloudServersOpenStack" is not offered in region "SYD"; it is offered in: cloudServersOpenStack (compute): DFW, ORD',
    );

    await transport.request({ method: 'GET', url: `${identity.url}/v1/MossoCloudFS?format=json` });
    expect(identity.apiRequests().map((request) => request.headers['x-auth-token'])).toEqual([FIXTURE_TOKEN]);
    expect(identity.identityRequests()).toHaveLength(1); // the cached session was reused
  });

  it('exchanges a password (scoped to a tenant name) for the recorded OpenStack session', async () => {
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 200, OPENSTACK_AUTH) });
    const { cache, transport } = setUp(identity, { username: 'jo', password: 'pass-0123456789' }, { tenantName: 'acme' });
    const session = await cache.current(transport.authContext());

    const [sent] = identity.identityRequests();
    expect(sent).toMatchObject({ method: 'POST', url: '/identity/v2.0/tokens' });
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(sent?.body.toString() ?? '')).toEqual({
      auth: { passwordCredentials: { username: 'jo', password: 'pass-0123456789' }, tenantName: 'acme' },
    });
    expect(session.token).toBe(FIXTURE_TOKEN);
    expect(session.expiresAt?.getTime()).toBe(FIXTURE_EXPIRY.getTime());

    for (const region of ['DFW', 'ORD', 'IAD', 'SYD', 'HKG']) {
      expect(findEndpoint(session.catalog, { name: 'cloudServersOpenStack', region: region.toLowerCase() })).toBe(
        `https://${region.toLowerCase()}.servers.api.rackspacecloud.com/v2/1337`,
      );
    }
    expect(findEndpoint(session.catalog, { name: 'cloudFiles', region: 'ORD' })).toBe(
      'https://storage101.ord1.clouddrive.com/v1/MossoCloudFS_11111-111111111-1111111111-1111111',
    );
    expect(findEndpoint(session.catalog, { type: 'object-store', region: 'LON', interface: 'internal' })).toBe(
      'https://snet-storage101.lon1.clouddrive.com/v1/MossoCloudFS_11111-111111111-1111111111-1111111',
    );
    expect(findEndpoint(session.catalog, { name: 'cloudFilesCDN', region: 'ORD' })).toBe(
      'https://cdn2.clouddrive.com/v1/MossoCloudFS_11111-111111111-1111111111-1111111',
    );
    expect(findEndpoint(session.catalog, { type: 'image', region: 'fr1' })).toBe('https://test_endpoint.com/v2/1337');

    const notFound = (() => {
      try {
        return findEndpoint(session.catalog, { name: 'cloudLoadBalancers', region: 'ORD' });
      } catch (error) {
        return error;
      }
    })();
    expect(ValidationError.isInstance(notFound) && notFound.argument).toBe('service');
    expect((notFound as Error).message).toContain('cloudServersOpenStack (compute): DFW, ORD, IAD, SYD, HKG');
    expect((notFound as Error).message).toContain('cloudFiles (object-store): ORD, LON');
    expect((notFound as Error).message).toContain('cloudServers (compute): all regions');

    await transport.request({ method: 'GET', url: `${identity.url}/v2/1337/servers` });
    expect(identity.apiRequests()[0]?.headers['x-auth-token']).toBe(FIXTURE_TOKEN);
  });

  it('reads the tenant of a scoped token and sends a tenant id scope', async () => {
    const recorded = JSON.parse(OPENSTACK_AUTH) as { access: { token: Record<string, unknown> } };
    recorded.access.token.tenant = { id: '613469', name: 'acme' };
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 200, recorded) });
    const { cache, transport } = setUp(identity, { username: 'jo', apiKey: 'key-0123456789' }, { tenantId: '613469' });
    const session = await cache.current(transport.authContext());
    expect(session.tenantId).toBe('613469');
    expect(JSON.parse(identity.identityRequests()[0]?.body.toString() ?? '')).toMatchObject({ auth: { tenantId: '613469' } });
  });

  it('turns a refused exchange (401) into InvalidCredentialsError and sends no API request', async () => {
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 401, UNAUTHORIZED) });
    const { transport } = setUp(identity, { username: 'jo', apiKey: 'wrong-key-000' });
    const error = await transport.request({ method: 'GET', url: `${identity.url}/v1/x` }).catch((caught: unknown) => caught);
    expect(InvalidCredentialsError.isInstance(error) && error.status).toBe(401);
    expect(error).toMatchObject({ providerCode: 'unauthorized', message: 'test: Username or api key is invalid (HTTP 401, code unauthorized)' });
    expect(identity.apiRequests()).toHaveLength(0);
  });

  describe('answers of the wrong shape', () => {
    const token = 'tok-SECRET-0123456789';
    const cases: [string, string][] = [
      ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
      ['JSON without access', '{"unexpected":true}'],
      ['a JSON list', '[]'],
      ['JSON null', 'null'],
      ['access without a token', '{"access":{"serviceCatalog":[]}}'],
      ['a token without an id', '{"access":{"token":{"expires":"2999-01-01T00:00:00Z"}}}'],
      ['an unparsable expiry', `{"access":{"token":{"id":"${token}","expires":"soon"}}}`],
      // The tenant object ahead of the id defeats the textual token search: only the parsed token can hide it.
      ['an unparsable expiry after a tenant', `{"access":{"token":{"tenant":{"id":"t1"},"id":"${token}","expires":"soon"}}}`],
      ['a catalog that is not a list', `{"access":{"token":{"id":"${token}"},"serviceCatalog":{"cloudFiles":[]}}}`],
      ['a service without endpoints', `{"access":{"token":{"id":"${token}"},"serviceCatalog":[{"type":"compute","name":"nova"}]}}`],
      ['truncated JSON', `{"access":{"token":{"id":"${token}","expires":"2999-01-01T00:00:00Z"},"serviceCatalog":[{"type":`],
    ];
    it.each(cases)('rejects %s with MalformedResponseError whose excerpt hides the token', async (_what, body) => {
      identity = await startIdentityServer({ identity: (_request, response) => reply(response, 200, body) });
      const { transport } = setUp(identity, { username: 'jo', apiKey: 'key-0123456789' });
      const error = await transport.request({ method: 'GET', url: `${identity.url}/v1/x` }).catch((caught: unknown) => caught);
      expect(error).not.toBeInstanceOf(TypeError);
      expect(MalformedResponseError.isInstance(error) && error.status).toBe(200);
      const malformed = error as MalformedResponseError;
      expect(malformed.message).toMatch(/^test: malformed response \(identity service: /);
      expect(malformed.body).not.toContain(token);
      expect(malformed.body.length).toBeGreaterThan(0);
      if (body.includes(token)) expect(malformed.body).toContain('[REDACTED]');
      expect(identity.apiRequests()).toHaveLength(0);
    });
  });

  it('rejects a bad authUrl at once and unusable credentials before sending anything', async () => {
    expect(() => keystoneV2Exchange({ authUrl: 'identity.example.com/v2.0', credentials: () => ({ username: 'a', apiKey: 'b' }) })).toThrow(ValidationError);
    identity = await startIdentityServer({ identity: (_request, response) => replyJson(response, 200, CLOUDFILES_AUTH) });
    const both = { username: 'jo', apiKey: 'key', password: 'pass' } as unknown as { username: string; apiKey: string };
    const { cache, transport } = setUp(identity, both);
    await expect(cache.current(transport.authContext())).rejects.toThrow('credentials: give exactly one of `apiKey` and `password`');
    const empty = setUp(identity, { username: 'jo', apiKey: '' });
    await expect(empty.cache.current(empty.transport.authContext())).rejects.toThrow('credentials.apiKey: is empty');
    expect(identity.identityRequests()).toHaveLength(0);
  });
});
