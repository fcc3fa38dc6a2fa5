import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { ValidationError } from '@multicloud/core';
import { inTurn, libcloudFixtures } from '@multicloud/fixture-server';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
  ObjectHashMismatchError,
  type StorageObject,
} from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { NOT_FOUND, ORD, useRecordedCloudFiles } from './support/cloudfiles-test-driver.js';
import { TEST_CREDENTIALS } from './support/rackspace-compute-test-driver.js';

const files = useRecordedCloudFiles();
const fixture = (name: string) => readFileSync(`${libcloudFixtures('storage/fixtures/cloudfiles')}${name}`, 'utf8');
const urls = () => files.sent.slice(1).map((request) => `${request.method} ${request.url}`);
const object = (name: string, extra: Record<string, unknown> = {}): StorageObject => ({ name, size: 5, hash: '5d41402abc4b2a76b9719d911017c592', metadata: {}, containerName: 'test_container', extra });

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString();
}

describe('cloudfiles listings', () => {
  it('lists containers with the token of a Keystone v2.0 exchange, at the catalog URL of the region', async () => {
    const containers = await files.driver().listContainers();
    expect(containers.map((container) => [container.name, container.extra.objectCount, container.extra.bytes])).toEqual([
      ['container1', 4, 3484450], ['container2', 120, 340084450], ['container3', 0, 0],
    ]);
    const [tokens, list] = files.sent;
    expect(tokens).toMatchObject({ method: 'POST', url: 'https://identity.api.rackspacecloud.com/v2.0/tokens' });
    expect(JSON.parse(tokens!.body)).toEqual({ auth: { 'RAX-KSKEY:apiKeyCredentials': { username: TEST_CREDENTIALS.username, apiKey: TEST_CREDENTIALS.apiKey } } });
    expect(list).toMatchObject({ method: 'GET', url: `${ORD}?format=json&limit=1000` });
    expect(list!.headers['x-auth-token']).toMatch(/\S/);
    expect(files.sent).toHaveLength(2);
  });

  it('pages a container listing with `marker` after the last name of a full page', async () => {
    files.answer({ containerGet: (request) => ({ body: fixture(request.params.get('marker') ? 'list_container_objects_not_exhausted2.json' : 'list_container_objects_not_exhausted1.json') }) });
    const objects = await files.driver({ listingLimit: 3 }).listObjects({ name: 'test_container', extra: {} });
    expect(objects.map((listed) => listed.name)).toEqual(['foo-test-1', 'foo-test-2', 'foo-test-3', 'foo-test-4', 'foo-test-5']);
    expect(urls()).toEqual([`GET ${ORD}/test_container?format=json&limit=3`, `GET ${ORD}/test_container?format=json&limit=3&marker=foo-test-3`]);
  });

  it('lists objects under a prefix, reading listing timestamps (no zone) as UTC', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York'; // a local reading would be 5 hours off
    const [first, , , fourth] = await files.driver().listObjects({ name: 'test container', extra: {} }, { prefix: 'foo t' }).finally(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    expect(first).toMatchObject({ name: 'foo test 1', size: 1160520, hash: '16265549b5bda64ecdaa5156de4c97cc', contentType: 'application/zip', containerName: 'test container', metadata: {}, extra: { staticLargeObject: false } });
    expect(first!.lastModified?.toISOString()).toBe('2011-01-25T22:01:50.351Z');
    expect(fourth).toMatchObject({ name: 'foo test 3', contentType: 'application/text' });
    expect(urls()).toEqual([`GET ${ORD}/test%20container?format=json&limit=1000&prefix=foo%20t`]);
  });

  it('lowers the page size when Swift answers 412 "Maximum limit is N", and flags SLOs listed with slo_etag', async () => {
    const page = [{ name: 'a', hash: 'manifest-md5', bytes: 12, content_type: 'text/plain', last_modified: '2026-11-25T10:39:42.137710', slo_etag: '"0123456789abcdef0123456789abcdef"' }, { name: 'b', hash: '5d41402abc4b2a76b9719d911017c592', bytes: 5, content_type: 'text/plain', last_modified: '2026-11-25T10:39:42.137710' }];
    files.answer({ containerGet: inTurn({ status: 412, body: 'Maximum limit is 2' }, { body: JSON.stringify(page) }, { status: 204, body: '' }) });
    const objects = await files.driver({ listingLimit: 5000 }).listObjects({ name: 'c', extra: {} });
    expect(objects.map((listed) => [listed.name, listed.hash, listed.extra.staticLargeObject])).toEqual([['a', '0123456789abcdef0123456789abcdef', true], ['b', '5d41402abc4b2a76b9719d911017c592', false]]);
    expect(urls()).toEqual([`GET ${ORD}/c?format=json&limit=5000`, `GET ${ORD}/c?format=json&limit=2`, `GET ${ORD}/c?format=json&limit=2&marker=b`]);
  });
});

describe('cloudfiles containers', () => {
  it('gets a container from its headers (GET limit=0, not HEAD); a missing one is ContainerDoesNotExistError', async () => {
    const driver = files.driver();
    const container = await driver.getContainer('test_container');
    expect(container).toMatchObject({ name: 'test_container', extra: { objectCount: 800, bytes: 1234568, metadata: { owner: 'team-a' } } });
    expect((container.extra.created as Date).toISOString()).toBe('2011-01-25T22:15:10.351Z');
    files.answer({ containerGet: NOT_FOUND });
    const error = await driver.getContainer('gone').catch((caught: unknown) => caught);
    expect(ContainerDoesNotExistError.isInstance(error) && error.requestId).toBe('tx404-0000');
    expect(urls()).toEqual([`GET ${ORD}/test_container?format=json&limit=0`, `GET ${ORD}/gone?format=json&limit=0`]);
  });

  it('creates a container (201); Swift\'s 202 for an existing one is ContainerAlreadyExistsError', async () => {
    const driver = files.driver();
    expect(await driver.createContainer('new one')).toMatchObject({ name: 'new one', extra: { objectCount: 0 } });
    files.answer({ containerPut: { status: 202, body: '<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>' } });
    await expect(driver.createContainer('container1')).rejects.toSatisfy((error) => ContainerAlreadyExistsError.isInstance(error));
    expect(urls()).toEqual([`PUT ${ORD}/new%20one`, `PUT ${ORD}/container1`]);
  });

  it('deletes a container; 409 is ContainerIsNotEmptyError, 404 ContainerDoesNotExistError', async () => {
    const driver = files.driver();
    await driver.deleteContainer({ name: 'container3', extra: {} });
    files.answer({ containerDelete: inTurn({ status: 409, body: '<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>' }, NOT_FOUND) });
    const full = await driver.deleteContainer({ name: 'container1', extra: {} }).catch((caught: unknown) => caught);
    expect(ContainerIsNotEmptyError.isInstance(full) && full.message).toMatch(/Conflict\. There was a conflict when trying to complete your request \(HTTP 409, code Conflict/);
    await expect(driver.deleteContainer({ name: 'gone', extra: {} })).rejects.toSatisfy((error) => ContainerDoesNotExistError.isInstance(error));
    expect(urls()).toEqual([`DELETE ${ORD}/container3`, `DELETE ${ORD}/container1`, `DELETE ${ORD}/gone`]);
  });
});

describe('cloudfiles objects', () => {
  it('describes an object with a ranged GET: size from Content-Range, metadata keys lower-cased, the SLO flag', async () => {
    files.answer({ objectGet: { status: 206, body: 'h', headers: { etag: '"0123456789abcdef0123456789abcdef"', 'content-range': 'bytes 0-0/20971520', 'content-type': 'text/plain', 'x-object-meta-owner': 'team-a', 'x-object-meta-build-id': '42', 'x-static-large-object': 'True', 'last-modified': 'Wed, 25 Nov 2026 10:43:59 GMT' } } });
    const described = await files.driver().getObject('test_container', 'dir/a b+c.txt');
    expect(described).toMatchObject({ name: 'dir/a b+c.txt', size: 20971520, hash: '0123456789abcdef0123456789abcdef', contentType: 'text/plain', metadata: { owner: 'team-a', 'build-id': '42' }, extra: { staticLargeObject: true } });
    expect(described.lastModified?.toISOString()).toBe('2026-11-25T10:43:59.000Z');
    expect(files.sent[1]).toMatchObject({ method: 'GET', url: `${ORD}/test_container/dir/a%20b%2Bc.txt` });
    expect(files.sent[1]!.headers.range).toBe('bytes=0-0');
  });

  it('falls back to HEAD when the object is empty (416), and a missing object is ObjectDoesNotExistError', async () => {
    files.answer({ objectGet: inTurn({ status: 416, body: '', headers: { 'content-range': 'bytes */0' } }, { status: 200, body: '', headers: { etag: 'd41d8cd98f00b204e9800998ecf8427e', 'content-length': '0' } }, NOT_FOUND) });
    const driver = files.driver();
    expect(await driver.getObject('c', 'empty')).toMatchObject({ size: 0, hash: 'd41d8cd98f00b204e9800998ecf8427e' });
    await expect(driver.getObject('c', 'gone')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    expect(urls()).toEqual([`GET ${ORD}/c/empty`, `HEAD ${ORD}/c/empty`, `GET ${ORD}/c/gone`]);
  });

  it('uploads a small stream in one PUT with its MD5 as ETag, Content-Type and X-Object-Meta-*', async () => {
    const uploaded = await files.driver().uploadObjectFromStream(Readable.from([Buffer.from('hel'), Buffer.from('lo')]), { name: 'test_container', extra: {} }, 'notes/hello.txt', { metadata: { Owner: 'me' } });
    expect(uploaded).toMatchObject({ name: 'notes/hello.txt', size: 5, hash: '5d41402abc4b2a76b9719d911017c592', contentType: 'text/plain', metadata: { owner: 'me' }, extra: { staticLargeObject: false } });
    const [, put] = files.sent;
    expect(put).toMatchObject({ method: 'PUT', url: `${ORD}/test_container/notes/hello.txt`, body: 'hello' });
    expect(put!.headers).toMatchObject({ etag: '5d41402abc4b2a76b9719d911017c592', 'content-type': 'text/plain', 'x-object-meta-owner': 'me' });
  });

  it('turns Swift\'s 422 (ETag mismatch) into ObjectHashMismatchError', async () => {
    files.answer({ objectPut: { status: 422, body: '<html><h1>Unprocessable Entity</h1><p>Unable to process the contained instructions</p></html>', headers: { etag: '00000000000000000000000000000000' } } });
    const error = await files.driver().uploadObjectFromStream(Readable.from([Buffer.from('x')]), { name: 'c', extra: {} }, 'x.bin').catch((caught: unknown) => caught);
    expect(ObjectHashMismatchError.isInstance(error) && [error.expected, error.actual]).toEqual(['9dd4e461268c8034f5c8564e155c67a6', '00000000000000000000000000000000']);
  });

  it('downloads a range, and fails a whole download whose bytes do not match the MD5 (but not an SLO\'s)', async () => {
    files.answer({ objectGet: inTurn({ status: 206, body: 'ell', headers: { 'content-range': 'bytes 1-3/5' } }, { body: 'hellO', headers: { etag: '5d41402abc4b2a76b9719d911017c592' } }, { body: 'hellO', headers: { etag: '"5d41402abc4b2a76b9719d911017c592"', 'x-static-large-object': 'True' } }) });
    const driver = files.driver();
    expect(await readAll(await driver.downloadObjectAsStream(object('y.bin'), { range: { start: 1, end: 4 } }))).toBe('ell');
    const tampered = await readAll(await driver.downloadObjectAsStream(object('y.bin'))).catch((caught: unknown) => caught);
    expect(ObjectHashMismatchError.isInstance(tampered)).toBe(true);
    expect(await readAll(await driver.downloadObjectAsStream(object('y.bin', { staticLargeObject: true })))).toBe('hellO');
    expect(files.sent.slice(1).map((request) => request.headers.range)).toEqual(['bytes=1-3', undefined, undefined]);
  });

  it('deletes an object; an SLO with ?multipart-manifest=delete; a missing one is ObjectDoesNotExistError either way', async () => {
    const report = (deleted: number, notFound: number) => ({ status: 200, body: JSON.stringify({ 'Response Status': '200 OK', 'Response Body': '', 'Number Deleted': deleted, 'Number Not Found': notFound, Errors: [] }), headers: { 'content-type': 'application/json' } });
    files.answer({ objectDelete: inTurn({ status: 204, body: '' }, report(3, 0), report(0, 1), NOT_FOUND) });
    const driver = files.driver();
    await driver.deleteObject(object('plain.txt'));
    await driver.deleteObject(object('big.bin', { staticLargeObject: true }));
    await expect(driver.deleteObject(object('big.bin', { staticLargeObject: true }))).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    await expect(driver.deleteObject(object('plain.txt'))).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    expect(urls()).toEqual([
      `DELETE ${ORD}/test_container/plain.txt`, `DELETE ${ORD}/test_container/big.bin?multipart-manifest=delete`,
      `DELETE ${ORD}/test_container/big.bin?multipart-manifest=delete`, `DELETE ${ORD}/test_container/plain.txt`,
    ]);
    expect(files.sent[2]!.headers.accept).toBe('application/json');
  });

  it('validates names, metadata, ranges and models before any request', async () => {
    const driver = files.driver();
    await expect(driver.createContainer('a/b')).rejects.toSatisfy((error) => InvalidContainerNameError.isInstance(error));
    await expect(driver.getContainer('x'.repeat(257))).rejects.toSatisfy((error) => InvalidContainerNameError.isInstance(error));
    await expect(driver.getObject('c', '')).rejects.toThrow(/^objectName: must be a non-empty string/);
    await expect(driver.uploadObjectFromStream(Readable.from([]), { name: 'c', extra: {} }, 'x', { metadata: { 'a_b': '1' } })).rejects.toThrow(/^options\.metadata\.a_b: /);
    await expect(driver.uploadObjectFromStream(Readable.from([]), { name: 'c', extra: {} }, 'x', { metadata: { note: 'grüße' } })).rejects.toThrow(/printable ASCII/);
    await expect(driver.downloadObjectAsStream(object('x'), { range: { start: 4, end: 2 } })).rejects.toThrow(/^options\.range\.end: /);
    const foreign = Object.defineProperty(object('x'), Symbol.for('@multicloud/core/model-provider'), { value: 's3' });
    await expect(driver.deleteObject(foreign)).rejects.toThrow(ValidationError);
    await expect(driver.uploadObjectFromStream('text' as never, { name: 'c', extra: {} }, 'x')).rejects.toThrow(/^source: /);
    expect(files.sent).toHaveLength(0);
  });
});
