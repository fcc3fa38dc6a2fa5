import { InvalidCredentialsError, MissingCredentialsError, UnsupportedOperationError, ValidationError, getDriver } from '@multicloud/core';
import { inTurn } from '@multicloud/fixture-server';
import type { StorageObject } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { createCloudFilesStorage, createOpenStackSwiftStorage, signTempUrl } from '../src/index.js';
import { CDN, ORD, ORD_SNET, TENANT, V1_AUTH, useRecordedCloudFiles } from './support/cloudfiles-test-driver.js';
import { TEST_CREDENTIALS } from './support/rackspace-compute-test-driver.js';

const files = useRecordedCloudFiles();
const object = (containerName: string, name: string): StorageObject => ({ name, size: 1, hash: '', metadata: {}, containerName, extra: {} });
const urls = () => files.sent.map((request) => `${request.method} ${request.url}`);

/** Runs `body` with the given environment variables unset. */
async function withoutEnvironment(names: readonly string[], body: () => Promise<void>): Promise<void> {
  const saved = names.map((name) => [name, process.env[name]] as const);
  for (const name of names) delete process.env[name];
  try {
    await body();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}

describe('cloudfiles temp URLs', () => {
  it('signs HMAC-SHA1 over "METHOD\\nexpires\\ndecoded path" with the tempUrlKey setting (only the catalog is needed)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const url = await files.driver({ tempUrlKey: 'multicloud-test-temp-url-key' }).getObjectTemporaryUrl(object('my files', 'dir/héllo wörld.txt'), { expiresInSeconds: 600, method: 'PUT' });
    const match = /^https:\/\/storage4\.ord1\.clouddrive\.com\/v1\/MossoCloudFS\/my%20files\/dir\/h%C3%A9llo%20w%C3%B6rld\.txt\?temp_url_sig=([0-9a-f]{40})&temp_url_expires=(\d+)$/.exec(url);
    expect(match).not.toBeNull();
    const expires = Number(match![2]);
    expect(expires - before).toBeGreaterThanOrEqual(600);
    expect(expires - before).toBeLessThanOrEqual(601);
    expect(match![1]).toBe(signTempUrl('multicloud-test-temp-url-key', 'PUT', expires, '/v1/MossoCloudFS/my files/dir/héllo wörld.txt'));
    expect(urls()).toEqual(['POST https://identity.api.rackspacecloud.com/v2.0/tokens']);
  });

  it('reads the key once from the account (GET limit=0) and says how to set one when there is none', async () => {
    files.answer({ account: inTurn({ status: 204, body: '', headers: { 'x-account-meta-temp-url-key': 'multicloud-test-temp-url-key' } }, { status: 204, body: '' }) });
    const driver = files.driver();
    const first = await driver.getObjectTemporaryUrl(object('c', 'a.txt'), { expiresInSeconds: 60 });
    const second = await driver.getObjectTemporaryUrl(object('c', 'b.txt'), { expiresInSeconds: 60 });
    expect([first, second]).toEqual([expect.stringMatching(/\/c\/a\.txt\?temp_url_sig=[0-9a-f]{40}&temp_url_expires=\d+$/), expect.stringMatching(/\/c\/b\.txt\?temp_url_sig=/)]);
    expect(urls()).toEqual(['POST https://identity.api.rackspacecloud.com/v2.0/tokens', `GET ${ORD}?format=json&limit=0`]);
    await expect(files.driver().getObjectTemporaryUrl(object('c', 'a.txt'), { expiresInSeconds: 60 })).rejects.toThrow(/^tempUrlKey: the account has no temp URL key: set the `tempUrlKey` setting, or give the account one with exSetTempUrlKey\(key\)$/);
    await expect(driver.getObjectTemporaryUrl(object('c', 'a.txt'), { expiresInSeconds: 0 })).rejects.toThrow(/^options\.expiresInSeconds: /);
  });

  it('sets the account key with POST X-Account-Meta-Temp-URL-Key, then signs with it', async () => {
    const driver = files.driver();
    await driver.exSetTempUrlKey('new-key-0000');
    const url = await driver.getObjectTemporaryUrl(object('c', 'a.txt'), { expiresInSeconds: 60 });
    const expires = Number(/temp_url_expires=(\d+)/.exec(url)![1]);
    expect(url).toContain(`temp_url_sig=${signTempUrl('new-key-0000', 'GET', expires, '/v1/MossoCloudFS/c/a.txt')}`);
    expect(urls().slice(1)).toEqual([`POST ${ORD}`]);
    expect(files.sent[1]!.headers['x-account-meta-temp-url-key']).toBe('new-key-0000');
    await expect(driver.exSetTempUrlKey('has blank')).rejects.toThrow(/^key: /);
  });

  it('reads the account counts and metadata (Libcloud\'s account HEAD headers)', async () => {
    expect(await files.driver().exGetAccountInfo()).toEqual({ containerCount: 10, objectCount: 400, bytesUsed: 1234567, metadata: {}, hasTempUrlKey: false });
  });
});

describe('cloudfiles CDN', () => {
  it('enables a container with PUT X-CDN-Enabled: True on the CDN URL, and builds CDN URLs from X-Cdn-Uri (HEAD once per container)', async () => {
    const driver = files.driver();
    await driver.enableContainerCdn({ name: 'site', extra: {} }, { exTtlSeconds: 3600 });
    expect(await driver.getObjectCdnUrl(object('site', 'img/a b.png'))).toBe('http://c0ffee.r42.cf1.rackcdn.com/img/a%20b.png');
    expect(await driver.getObjectCdnUrl(object('site', 'index.html'), { exSsl: true })).toBe('https://c0ffee-ssl.ssl.cf1.rackcdn.com/index.html');
    expect(urls().slice(1)).toEqual([`PUT ${CDN}/site`, `HEAD ${CDN}/site`]);
    expect(files.sent[1]!.headers).toMatchObject({ 'x-cdn-enabled': 'True', 'x-ttl': '3600' });
  });

  it('says a container is not CDN-enabled (404 or X-Cdn-Enabled: False)', async () => {
    files.answer({ cdnHead: inTurn({ status: 404, body: '' }, { status: 204, body: '', headers: { 'x-cdn-enabled': 'False' } }) });
    const driver = files.driver();
    await expect(driver.getObjectCdnUrl(object('private', 'a.txt'))).rejects.toThrow(/^object: container "private" is not CDN-enabled; call enableContainerCdn first$/);
    await expect(driver.getObjectCdnUrl(object('private', 'a.txt'))).rejects.toThrow(ValidationError);
  });

  it('is not offered by the generic OpenStack Swift driver', async () => {
    const swift = createOpenStackSwiftStorage({ authUrl: 'http://127.0.0.1:1/auth/v1.0' });
    expect(swift.features).toEqual({ temporaryUrls: true, cdn: false });
    await expect(swift.enableContainerCdn({ name: 'c', extra: {} })).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error));
    await expect(swift.getObjectCdnUrl(object('c', 'a'))).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error));
    expect(createCloudFilesStorage().features).toEqual({ temporaryUrls: true, cdn: true });
  });
});

describe('cloudfiles identity', () => {
  it('uses the ServiceNet internalURL with useInternalUrl, but the public URL for temp URLs', async () => {
    const driver = files.driver({ useInternalUrl: true, tempUrlKey: 'k' });
    await driver.listContainers();
    expect(await driver.getObjectTemporaryUrl(object('c', 'a'), { expiresInSeconds: 5 })).toMatch(new RegExp(`^${ORD}/c/a\\?`));
    expect(urls().slice(1)).toEqual([`GET ${ORD_SNET}?format=json&limit=1000`]);
  });

  it('authenticates with v1.0 (X-Auth-User/X-Auth-Key), storage and CDN URLs from the answer headers', async () => {
    const driver = files.driver({ authVersion: '1.0' });
    await driver.listContainers();
    await driver.enableContainerCdn({ name: 'site', extra: {} });
    expect(urls()).toEqual(['GET https://identity.api.rackspacecloud.com/v1.0', `GET https://storage101.dfw1.clouddrive.com/v1/${TENANT}?format=json&limit=1000`, `PUT https://cdn1.clouddrive.com/v1/${TENANT}/site`]);
    expect(files.sent[0]!.headers).toMatchObject({ 'x-auth-user': TEST_CREDENTIALS.username, 'x-auth-key': TEST_CREDENTIALS.apiKey });
    expect(V1_AUTH.headers?.['x-storage-url']).toContain(TENANT);
  });

  it('exchanges again once on 401, and a refused exchange is InvalidCredentialsError', async () => {
    const unauthorized = { status: 401, body: '<html><h1>Unauthorized</h1><p>This server could not verify that you are authorized to access the document you requested.</p></html>' };
    files.answer({
      account: inTurn(unauthorized, { file: 'list_containers.json' }),
      tokens: inTurn({ file: '_v2_0__auth.json' }, { file: '_v2_0__auth.json' }, { status: 401, body: '{"unauthorized":{"message":"Username or api key is invalid","code":401}}' }),
    });
    expect(await files.driver().listContainers()).toHaveLength(3);
    expect(urls().map((entry) => entry.split(' ')[0])).toEqual(['POST', 'GET', 'POST', 'GET']);
    const refused = await files.driver().listContainers().catch((caught: unknown) => caught);
    expect(InvalidCredentialsError.isInstance(refused) && refused.message).toMatch(/Username or api key is invalid \(HTTP 401, code unauthorized/);
  });

  it('reads credentials only on first use: MissingCredentialsError names the setting and RACKSPACE_* / OS_* variables', async () => {
    await withoutEnvironment(['RACKSPACE_USERNAME', 'RACKSPACE_API_KEY', 'RACKSPACE_PASSWORD', 'OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD'], async () => {
      const files = createCloudFilesStorage({ region: 'ord' });
      await expect(files.listContainers()).rejects.toSatisfy((error) => MissingCredentialsError.isInstance(error) && error.environmentVariable === 'RACKSPACE_USERNAME');
      const swift = createOpenStackSwiftStorage();
      await expect(swift.listContainers()).rejects.toSatisfy((error) => MissingCredentialsError.isInstance(error) && error.environmentVariable === 'OS_AUTH_URL');
      const noPassword = createOpenStackSwiftStorage({ authUrl: 'http://127.0.0.1:1/v2.0', username: 'u' });
      await expect(noPassword.listContainers()).rejects.toSatisfy((error) => MissingCredentialsError.isInstance(error) && error.environmentVariable === 'OS_PASSWORD');
    });
  });
});

describe('openstack-swift with Keystone v2.0', () => {
  it('sends passwordCredentials with the tenant, finds object-store in the region, and stamps its own provider id', async () => {
    const swift = files.swift({ tenantName: 'multicloud-tenant' });
    expect(swift.authVersion).toBe('2.0');
    const [container] = await swift.listContainers();
    expect(container).toMatchObject({ name: 'container1' });
    expect(JSON.parse(files.sent[0]!.body)).toEqual({ auth: { passwordCredentials: { username: TEST_CREDENTIALS.username, password: 'multicloud-test-password-0000' }, tenantName: 'multicloud-tenant' } });
    expect(urls()[1]).toBe(`GET ${ORD}?format=json&limit=1000`);
    await expect(files.driver().deleteContainer(container!)).rejects.toThrow(/^container: comes from provider "openstack-swift", not "cloudfiles"/);
  });

  it('infers the auth version from the URL, refuses Keystone v3 and bad settings at construction', () => {
    expect(createOpenStackSwiftStorage({ authUrl: 'http://swift.example:8080/auth/v1.0' }).authVersion).toBe('1.0');
    expect(createOpenStackSwiftStorage({ authUrl: 'https://keystone.example:5000/v2.0/' }).authVersion).toBe('2.0');
    expect(() => createOpenStackSwiftStorage({ authUrl: 'https://keystone.example:5000/v3' })).toThrow(/^authUrl: Keystone v3 is not supported/);
    expect(() => createOpenStackSwiftStorage({ authUrl: 'not a url' })).toThrow(/^authUrl: /);
    expect(() => createOpenStackSwiftStorage({ apiKey: 'k', password: 'p' })).toThrow(/^password: give either/);
    expect(() => createOpenStackSwiftStorage({ authVersion: '3' as never })).toThrow(/^authVersion: /);
    expect(() => createOpenStackSwiftStorage({ tenantName: ' ' })).toThrow(/^tenantName: /);
    expect(() => createCloudFilesStorage({ segmentSize: 1024 })).toThrow(/^segmentSize: must be a whole number from 1048576/);
    expect(() => createCloudFilesStorage({ segmentConcurrency: 0 })).toThrow(/^segmentConcurrency: /);
    expect(() => createCloudFilesStorage({ listingLimit: 0 })).toThrow(/^listingLimit: /);
    expect(() => createCloudFilesStorage({ tempUrlKey: '' })).toThrow(/^tempUrlKey: /);
    expect(() => createCloudFilesStorage({ region: 'mars' })).toThrow(/^region: unknown Rackspace region/);
    expect(createCloudFilesStorage({ region: 'LON' }).region).toBe('lon');
  });

  it('registers cloudfiles and openstack-swift as storage providers', async () => {
    const { REGISTERED } = await import('../src/register.js');
    expect(REGISTERED.storage).toEqual(['cloudfiles', 'openstack-swift']);
    expect(getDriver('storage', 'cloudfiles')).toBe(createCloudFilesStorage);
    expect(getDriver('storage', 'openstack-swift')).toBe(createOpenStackSwiftStorage);
  });
});
