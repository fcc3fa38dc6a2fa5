import { ValidationError } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { RACKSPACE_NODE_STATES, createRackspaceCompute, createRackspaceLoadBalancer } from '../src/index.js';
import { TEST_CREDENTIALS, useRecordedRackspaceCompute } from './support/rackspace-compute-test-driver.js';

const compute = useRecordedRackspaceCompute();
const SERVERS = 'https://dfw.servers.api.rackspacecloud.com/v2/1337';

/** A derived `servers/detail` page: Libcloud's server 12064 once per Nova status, plus one Nova does not have. */
function oneServerPerStatus(): string {
  const statuses = [...Object.keys(RACKSPACE_NODE_STATES), 'SOMETHING_NEW'];
  return JSON.stringify({ servers: statuses.map((status, index) => ({ id: `s-${index}`, name: status, status, addresses: {}, created: '2011-10-11T00:45:02Z' })) });
}

describe('rackspace node states', () => {
  it('maps every Nova status through the table, and an unknown one to unknown', async () => {
    compute.answer({ serversDetail: { body: oneServerPerStatus() } });
    const nodes = await compute.driver().listNodes();
    expect(Object.fromEntries(nodes.map((node) => [node.name, node.state]))).toEqual({ ...RACKSPACE_NODE_STATES, SOMETHING_NEW: 'unknown' });
    expect(RACKSPACE_NODE_STATES).toMatchObject({
      ACTIVE: 'running', BUILD: 'pending', REBUILD: 'pending', REBOOT: 'rebooting', HARD_REBOOT: 'rebooting', SUSPENDED: 'suspended', SHUTOFF: 'stopped',
      ERROR: 'error', DELETED: 'terminated', PAUSED: 'paused', RESIZE: 'reconfiguring', VERIFY_RESIZE: 'reconfiguring', MIGRATING: 'migrating',
      UNKNOWN: 'unknown', PASSWORD: 'updating', RESCUE: 'reconfiguring',
    });
  });
});

describe('rackspace settings', () => {
  it('rejects an unknown region, blank or doubled credentials, bad URLs and bad poll settings at construction', () => {
    expect(() => createRackspaceCompute({ region: 'mars' })).toThrow(/^region: unknown Rackspace region "mars"; known: dfw, ord, iad, lon, syd, hkg$/);
    expect(() => createRackspaceCompute({ username: ' ' })).toThrow(/^username: must be a non-empty string/);
    expect(() => createRackspaceCompute({ apiKey: 'k', password: 'p' })).toThrow(/^password: give either `apiKey` or `password`, not both$/);
    expect(() => createRackspaceCompute({ endpoint: 'not a url' })).toThrow(/^endpoint: /);
    expect(() => createRackspaceCompute({ authUrl: 'ftp://identity.example' })).toThrow(/^authUrl: must use http or https/);
    expect(() => createRackspaceCompute({ authVersion: '3' as never })).toThrow(/^authVersion: /);
    expect(() => createRackspaceCompute({ authVersion: '1.0' })).toThrow(/^endpoint: authVersion '1.0' gives no catalog entry for cloudServersOpenStack/);
    expect(() => createRackspaceCompute({ timeoutMs: -1 })).toThrow(ValidationError);
    expect(() => createRackspaceLoadBalancer({ pollIntervalMs: 0 })).toThrow(/^pollIntervalMs: /);
    expect(() => createRackspaceLoadBalancer({ pollTimeoutMs: Number.NaN })).toThrow(/^pollTimeoutMs: /);
  });

  it('takes the region (any case) from the setting or RACKSPACE_REGION, default dfw', () => {
    const saved = process.env.RACKSPACE_REGION;
    try {
      delete process.env.RACKSPACE_REGION;
      expect(createRackspaceCompute().region).toBe('dfw');
      process.env.RACKSPACE_REGION = 'SYD';
      expect(createRackspaceCompute().region).toBe('syd');
      expect(createRackspaceLoadBalancer({ region: 'Lon' }).region).toBe('lon');
    } finally {
      if (saved === undefined) delete process.env.RACKSPACE_REGION;
      else process.env.RACKSPACE_REGION = saved;
    }
  });

  it('uses the catalog URL of the region, or the endpoint setting instead', async () => {
    await compute.driver({ region: 'ORD' }).listNodes();
    expect(compute.sent[1]!.url).toBe('https://ord.servers.api.rackspacecloud.com/v2/1337/servers/detail?limit=1000');
    await compute.driver({ endpoint: 'https://servers.proxy.example/v2/1337/' }).listNodes();
    expect(compute.sent.slice(2).map((request) => request.url)).toEqual([
      'https://identity.api.rackspacecloud.com/v2.0/tokens',
      'https://servers.proxy.example/v2/1337/servers/detail?limit=1000',
    ]);
  });

  it('sends password credentials from RACKSPACE_USERNAME / RACKSPACE_PASSWORD to a custom authUrl', async () => {
    const saved = { ...process.env };
    delete process.env.RACKSPACE_API_KEY;
    process.env.RACKSPACE_USERNAME = 'env-user';
    process.env.RACKSPACE_PASSWORD = 'env-password';
    try {
      await createRackspaceCompute({ region: 'dfw', retry: false, dispatcher: compute.dispatcher(), authUrl: 'https://lon.identity.api.rackspacecloud.com/v2.0/' }).listNodes();
      expect(compute.sent[0]!.url).toBe('https://lon.identity.api.rackspacecloud.com/v2.0/tokens');
      expect(JSON.parse(compute.sent[0]!.body)).toEqual({ auth: { passwordCredentials: { username: 'env-user', password: 'env-password' } } });
    } finally {
      process.env = saved;
    }
  });

  it('authenticates with v1.0 (X-Auth-User / X-Auth-Key) when given authVersion 1.0 and an endpoint', async () => {
    await compute.driver({ authVersion: '1.0', endpoint: SERVERS }).listNodes();
    const [auth, list] = compute.sent;
    expect(auth).toMatchObject({ method: 'GET', url: 'https://identity.api.rackspacecloud.com/v1.0' });
    expect(auth!.headers).toMatchObject({ 'x-auth-user': TEST_CREDENTIALS.username, 'x-auth-key': TEST_CREDENTIALS.apiKey });
    expect(list!.url).toBe(`${SERVERS}/servers/detail?limit=1000`);
    expect(list!.headers['x-auth-token']).toMatch(/\S/);
  });

  it('registers compute and lb as rackspace from the register entry', async () => {
    const { getDriver, listProviders } = await import('@multicloud/core');
    await import('../src/register.js');
    expect(getDriver('compute', 'rackspace')).toBe(createRackspaceCompute);
    expect(getDriver('lb', 'rackspace')).toBe(createRackspaceLoadBalancer);
    expect(listProviders().find((provider) => provider.id === 'rackspace')).toMatchObject({ apis: ['compute', 'lb'] });
  });
});
