import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { libcloudFixtures, queryActionRoute, snakeCase } from './libcloud-fixtures.js';

let server: FixtureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('fixture server', () => {
  it('answers a form-posted Action from the Libcloud file of the same name', async () => {
    server = await startFixtureServer(libcloudFixtures('compute/fixtures/ec2'), queryActionRoute());
    const response = await request('https://ec2.us-east-1.amazonaws.com/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=RebootInstances&Version=2016-11-15',
      dispatcher: server.dispatcher,
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toContain('<RebootInstancesResponse');
    expect(server.requests[0]?.params.get('Version')).toBe('2016-11-15');
  });

  it('answers overrides, and 501 when there is no fixture', async () => {
    server = await startFixtureServer(libcloudFixtures('compute/fixtures/ec2'), queryActionRoute({ DescribeKeyPairs: { status: 400, file: 'describe_key_pairs_doesnt_exist.xml' } }));
    const denied = await request(`${server.url}/?Action=DescribeKeyPairs`);
    expect(denied.statusCode).toBe(400);
    expect(await denied.body.text()).toContain('InvalidKeyPair.NotFound');
    const missing = await request(`${server.url}/nothing`);
    expect(missing.statusCode).toBe(501);
    await missing.body.dump();
  });

  it('names files the way Libcloud does', () => {
    expect(snakeCase('DescribeAvailabilityZones')).toBe('describe_availability_zones');
    expect(() => libcloudFixtures('no/such/folder')).toThrow(/not found/);
  });
});
