import { InvalidCredentialsError, MalformedResponseError, MissingCredentialsError, RateLimitError, ValidationError, stampProvider } from '@multicloud/core';
import { KeyPairDoesNotExistError, NodeDoesNotExistError } from '@multicloud/compute';
import { describe, expect, it } from 'vitest';
import { createRackspaceCompute } from '../src/index.js';
import { MISSING_SERVER_ID, useRecordedRackspaceCompute } from './support/rackspace-compute-test-driver.js';
import { inTurn } from '@multicloud/fixture-server';

const compute = useRecordedRackspaceCompute();
const UNAUTHORIZED = { status: 401, file: 'openstack/_v1_1__auth_unauthorized.json' };

describe('rackspace compute errors', () => {
  it('maps a 401 from the identity service to InvalidCredentialsError, sending nothing else', async () => {
    compute.answer({ tokens: UNAUTHORIZED });
    const error = await compute.driver().listNodes().catch((caught: unknown) => caught);
    expect(InvalidCredentialsError.isInstance(error) && error).toMatchObject({ status: 401, providerCode: 'unauthorized', retryable: false });
    expect((error as Error).message).toBe('rackspace: Username or api key is invalid (HTTP 401, code unauthorized)');
    expect(compute.sent.map((request) => request.url)).toEqual(['https://identity.api.rackspacecloud.com/v2.0/tokens']);
  });

  it('exchanges credentials again once when the API refuses the token', async () => {
    compute.answer({ serversDetail: inTurn({ status: 401, file: 'openstack/_v1_1__auth_unauthorized.json' }, { file: 'openstack_v1.1/_servers_detail.json' }) });
    const nodes = await compute.driver().listNodes();
    expect(nodes).toHaveLength(2);
    expect(compute.sent.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /v2.0/tokens', 'GET /v2/1337/servers/detail', 'POST /v2.0/tokens', 'GET /v2/1337/servers/detail',
    ]);
  });

  it('maps itemNotFound to NodeDoesNotExistError and KeyPairDoesNotExistError', async () => {
    compute.answer({ keyPairGet: { status: 404, file: 'openstack_v1.1/_os_keypairs_not_found.json' } });
    const driver = compute.driver();
    const missingNode = await driver.getNode(MISSING_SERVER_ID).catch((caught: unknown) => caught);
    expect(NodeDoesNotExistError.isInstance(missingNode) && missingNode).toMatchObject({ status: 404, providerCode: 'itemNotFound' });
    expect((missingNode as Error).message).toBe('rackspace: The resource could not be found. (HTTP 404, code itemNotFound)');
    await expect(driver.getKeyPair('nope')).rejects.toSatisfy((error) => KeyPairDoesNotExistError.isInstance(error));
  });

  it('maps overLimit (HTTP 413) to RateLimitError with the Retry-After delay', async () => {
    compute.answer({ serversDetail: { status: 413, headers: { 'retry-after': '7' }, body: '{"overLimit":{"message":"This request was rate-limited.","code":413}}' } });
    const error = await compute.driver().listNodes().catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error) && error).toMatchObject({ status: 413, providerCode: 'overLimit', retryAfterMs: 7000 });
  });

  it('reports malformed bodies as MalformedResponseError, never TypeError', async () => {
    compute.answer({ serversDetail: inTurn({ body: '{"servers": 5}' }, { body: '<html>gateway</html>' }) });
    const driver = compute.driver();
    await expect(driver.listNodes()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error) && /expected a list `servers`/.test(error.message));
    await expect(driver.listNodes()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error) && /invalid JSON/.test(error.message));
  });

  it('names the regions the catalog offers when the account lacks the driver region', async () => {
    compute.answer({ tokens: { file: 'openstack/_v2_0__auth_lon.json' } });
    const error = await compute.driver().listNodes().catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.argument).toBe('region');
    expect((error as Error).message).toMatch(/not offered in region "dfw"; it is offered in: cloudServersOpenStack \(compute\): LON/);
  });
});

describe('rackspace compute input', () => {
  it('refuses bad createNode input before any request', async () => {
    const driver = compute.driver();
    const size = stampProvider({ id: '2', name: '512', ram: 512, disk: 20, extra: {} }, 'rackspace');
    const image = { id: '7', name: 'lucid', extra: {} };
    await expect(driver.createNode({ name: ' ', size, image })).rejects.toThrow(/^options.name: must be a non-empty string$/);
    await expect(driver.createNode({ name: 'x', size: stampProvider({ ...size }, 'ec2'), image })).rejects.toThrow(/^options.size: comes from provider "ec2"/);
    const london = stampProvider({ id: 'lon', name: 'London', country: 'GB', extra: {} }, 'rackspace');
    await expect(driver.createNode({ name: 'x', size, image, location: london })).rejects.toThrow(/^options.location: this driver creates servers in dfw/);
    await expect(driver.createNode({ name: 'x', size, image, auth: { password: '' } })).rejects.toThrow(/^options.auth.password: /);
    await expect(driver.createNode({ name: 'x', size, image, exDiskConfig: 'SOMETIMES' as never })).rejects.toThrow(/^options.exDiskConfig: /);
    await expect(driver.getNode('')).rejects.toThrow(/^id: /);
    expect(compute.sent).toHaveLength(0);
  });

  it('reads missing credentials lazily, naming the setting and the variable', async () => {
    const saved = { ...process.env };
    for (const name of ['RACKSPACE_USERNAME', 'RACKSPACE_API_KEY', 'RACKSPACE_PASSWORD', 'RACKSPACE_REGION']) delete process.env[name];
    try {
      const noUser = createRackspaceCompute({ dispatcher: compute.dispatcher() });
      await expect(noUser.listNodes()).rejects.toSatisfy((error) => MissingCredentialsError.isInstance(error) && error.option === 'username' && error.environmentVariable === 'RACKSPACE_USERNAME');
      const noKey = createRackspaceCompute({ username: 'jo', dispatcher: compute.dispatcher() });
      await expect(noKey.listNodes()).rejects.toSatisfy((error) => MissingCredentialsError.isInstance(error) && error.option === 'apiKey' && error.environmentVariable === 'RACKSPACE_API_KEY');
      expect(compute.sent).toHaveLength(0);
    } finally {
      process.env = saved;
    }
  });
});
