import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV4 } from '@multicloud/core';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLive, liveSwift, probeLiveSwift, SWIFT_AIO_DEFAULT_PORT, type LiveS3Credentials } from './live-swift.js';

describe('liveSwift', () => {
  it('is undefined when no MULTICLOUD_* variable is set', () => {
    expect(liveSwift({})).toBeUndefined();
    expect(liveSwift({ MULTICLOUD_SWIFT_AUTH_URL: '' })).toBeUndefined();
  });

  it('reads the variables that `swift-aio.sh env` prints, with a wrong-secret variant and a second account', () => {
    const live = liveSwift({
      MULTICLOUD_SWIFT_AUTH_URL: 'http://127.0.0.1:9999/auth/v1.0',
      MULTICLOUD_SWIFT_USER: 'acct:me',
      MULTICLOUD_SWIFT_KEY: 'k',
      MULTICLOUD_S3_ENDPOINT: 'http://127.0.0.1:9999/',
      MULTICLOUD_S3_ACCESS_KEY_ID: 'acct:me',
      MULTICLOUD_S3_SECRET_ACCESS_KEY: 's',
      MULTICLOUD_S3_REGION: 'eu-west-1',
      MULTICLOUD_SWIFT_LISTING_LIMIT: '1001',
    });
    expect(live).toMatchObject({
      source: 'env',
      swift: { authUrl: 'http://127.0.0.1:9999/auth/v1.0', user: 'acct:me', key: 'k' },
      s3: { endpoint: 'http://127.0.0.1:9999', accessKeyId: 'acct:me', secretAccessKey: 's', region: 'eu-west-1' },
      otherAccount: { swift: { user: 'test2:tester2', key: 'testing2' }, s3: { accessKeyId: 'test2:tester2', secretAccessKey: 'testing2' } },
      listingLimit: 1001,
    });
    expect(live?.wrongSecret.swift).toMatchObject({ user: 'acct:me' });
    expect(live?.wrongSecret.swift.key).not.toBe('k');
    expect(live?.wrongSecret.s3).toMatchObject({ accessKeyId: 'acct:me', region: 'eu-west-1' });
    expect(live?.wrongSecret.s3.secretAccessKey).not.toBe('s');
  });

  it('fills what is not set from the all-in-one defaults (SWIFT_AIO_PROXY_PORT moves them)', () => {
    expect(liveSwift({ MULTICLOUD_S3_REGION: 'us-east-1' })).toMatchObject({
      swift: { authUrl: `http://127.0.0.1:${SWIFT_AIO_DEFAULT_PORT}/auth/v1.0`, user: 'test:tester', key: 'testing' },
      s3: { endpoint: `http://127.0.0.1:${SWIFT_AIO_DEFAULT_PORT}`, accessKeyId: 'test:tester', secretAccessKey: 'testing' },
    });
    expect(liveSwift({ MULTICLOUD_SWIFT_USER: 'a:b', SWIFT_AIO_PROXY_PORT: '28080' })?.s3.endpoint).toBe('http://127.0.0.1:28080');
  });
});

describe('probeLiveSwift', () => {
  it('says why when nothing answers', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const probe = await probeLiveSwift({ SWIFT_AIO_PROXY_PORT: String(port) });
    expect(probe.live).toBeUndefined();
    expect(probe.reason).toContain(`http://127.0.0.1:${port}/info`);
  });

  it('refuses an answer that is not Swift\'s /info', async () => {
    const server = createServer((_, response) => response.end('{"hello":1}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const probe = await probeLiveSwift({ SWIFT_AIO_PROXY_PORT: String((server.address() as AddressInfo).port) });
      expect(probe.reason).toMatch(/not a Swift \/info answer/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** Sends one path-style S3 request signed with core's signV4, as the S3 driver does. */
async function s3(credentials: LiveS3Credentials, method: string, path: string, body?: string) {
  const url = `${credentials.endpoint}${path}`;
  const signed = signV4({ method, url, headers: {}, ...(body === undefined ? {} : { body }) }, {
    ...credentials, service: 's3', date: new Date(), uriEscapePath: false, normalizePath: false, contentSha256Header: true,
  });
  const response = await request(url, { method: method as 'GET', headers: { ...signed.headers }, ...(body === undefined ? {} : { body }) });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

describeLive('Swift all-in-one (scripts/swift/swift-aio.sh)', (live) => {
  const container = `live-swift-${process.pid}-${Date.now()}`;
  let storageUrl = '';
  let token = '';

  beforeAll(async () => {
    const response = await request(live.swift.authUrl, { headers: { 'x-auth-user': live.swift.user, 'x-auth-key': live.swift.key } });
    await response.body.dump();
    expect(response.statusCode).toBe(200);
    storageUrl = String(response.headers['x-storage-url']);
    token = String(response.headers['x-auth-token']);
  });

  afterAll(async () => {
    if (token === '') return;
    for (const path of [`${container}/hello.txt`, container]) {
      const response = await request(`${storageUrl}/${path}`, { method: 'DELETE', headers: { 'x-auth-token': token } });
      await response.body.dump();
    }
  });

  it('v1.0 auth gives a storage URL and a token; a wrong key gives 401', async () => {
    expect(storageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/AUTH_\w+$/);
    expect(token).toMatch(/^AUTH_tk/);
    const wrong = await request(live.wrongSecret.swift.authUrl, { headers: { 'x-auth-user': live.wrongSecret.swift.user, 'x-auth-key': live.wrongSecret.swift.key } });
    await wrong.body.dump();
    expect(wrong.statusCode).toBe(401);
  });

  it('PUTs and GETs an object over the Swift API', async () => {
    const put = await request(`${storageUrl}/${container}`, { method: 'PUT', headers: { 'x-auth-token': token } });
    await put.body.dump();
    expect([201, 202]).toContain(put.statusCode);
    const object = await request(`${storageUrl}/${container}/hello.txt`, {
      method: 'PUT', headers: { 'x-auth-token': token, 'content-type': 'text/plain', 'x-object-meta-color': 'blue' }, body: 'hello swift',
    });
    await object.body.dump();
    expect(object.statusCode).toBe(201);
    expect(object.headers['etag']).toBe(createHash('md5').update('hello swift').digest('hex')); // unquoted over the Swift API
    const get = await request(`${storageUrl}/${container}/hello.txt`, { headers: { 'x-auth-token': token } });
    expect(get.statusCode).toBe(200);
    expect(await get.body.text()).toBe('hello swift');
    expect(get.headers['x-object-meta-color']).toBe('blue');
  });

  it('reads the same object over S3 with a SigV4-signed request (path-style)', async () => {
    const listing = await s3(live.s3, 'GET', `/${container}?list-type=2`);
    expect(listing.status).toBe(200);
    expect(listing.text).toContain('<Key>hello.txt</Key>');
    const get = await s3(live.s3, 'GET', `/${container}/hello.txt`);
    expect(get.status).toBe(200);
    expect(get.text).toBe('hello swift');
    expect(get.headers['etag']).toBe(`"${createHash('md5').update('hello swift').digest('hex')}"`); // quoted over S3
    expect(get.headers['x-amz-meta-color']).toBe('blue');
  });

  it('verifies SigV4: a wrong secret gives 403 SignatureDoesNotMatch', async () => {
    const wrong = await s3(live.wrongSecret.s3, 'GET', `/${container}/hello.txt`);
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('reports its capabilities and listing page size', () => {
    expect(live.capabilities).toHaveProperty('s3api');
    expect(live.capabilities).toHaveProperty('tempurl');
    expect(live.capabilities).toHaveProperty('slo');
    expect(live.listingLimit).toBe((live.capabilities?.['swift'] as { container_listing_limit: number }).container_listing_limit);
  });
});
