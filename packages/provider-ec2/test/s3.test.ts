import { readFileSync } from 'node:fs';
import { InvalidCredentialsError, MalformedResponseError, ProviderError, ValidationError } from '@multicloud/core';
import { libcloudFixtures } from '@multicloud/fixture-server';
import { ContainerDoesNotExistError, ContainerIsNotEmptyError, InvalidContainerNameError, ObjectHashMismatchError } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { createS3Storage } from '../src/index.js';
import { s3Error, useRecordedS3 } from './support/s3-test-driver.js';

const s3 = useRecordedS3();
const fixture = (name: string) => () => readFileSync(`${libcloudFixtures('storage/fixtures/s3')}${name}`, 'utf8');

describe('s3 listings', () => {
  it('lists buckets with a SigV4 S3 signature and an unsigned payload', async () => {
    const containers = await s3.driver().listContainers();
    expect(containers.map((container) => container.name)).toEqual(['test1', 'test2']);
    const [request] = s3.sent;
    expect(request).toMatchObject({ method: 'GET', url: 'https://s3.us-east-1.amazonaws.com/' });
    expect(request!.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
  });

  it('lists objects virtual-hosted, unquoting ETags', async () => {
    const driver = s3.driver();
    const [object] = await driver.listObjects(await driver.getContainer('test1'));
    expect(object).toMatchObject({ name: '1.zip', size: 1234567, hash: '4397da7a7649e8085de9916c240e8166', containerName: 'test1', extra: { storageClass: 'STANDARD' } });
    expect(s3.sent.map((request) => request.url)).toEqual([
      'https://test1.s3.us-east-1.amazonaws.com/?list-type=2&max-keys=0',
      'https://test1.s3.us-east-1.amazonaws.com/?list-type=2&max-keys=1000&encoding-type=url',
    ]);
  });

  it('pages a truncated listing after the last key when the server gives no continuation token', async () => {
    s3.answer({ 'GET test1': (request) => ({ body: request.params.get('start-after') ? fixture('list_container_objects_not_exhausted2.xml')() : fixture('list_container_objects_not_exhausted1.xml')() }) });
    const driver = s3.driver();
    const names = (await driver.listObjects({ name: 'test1', extra: {} }, { prefix: 'a b' })).map((object) => object.name);
    expect(names.length).toBeGreaterThan(2);
    const [first, second] = s3.sent;
    expect(first!.url).toBe('https://test1.s3.us-east-1.amazonaws.com/?list-type=2&prefix=a%20b&max-keys=1000&encoding-type=url');
    const firstPageKeys = [...fixture('list_container_objects_not_exhausted1.xml')().matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]);
    expect(second!.params.get('start-after')).toBe(firstPageKeys.at(-1));
    expect(names.slice(0, firstPageKeys.length)).toEqual(firstPageKeys);
    expect(new Set(names).size).toBe(names.length);
  });

  it('decodes keys listed URL-encoded (edge spaces, CR, `+`), and refuses a key that is not valid URL encoding', async () => {
    // The shape AWS answers `encoding-type=url` with: `EncodingType` present, a space written `+`, a `+` as `%2B`.
    const listing = (keys: string[]) => `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>test1</Name><KeyCount>${keys.length}</KeyCount><MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>${keys.map((key) => `<Contents><Key>${key}</Key><Size>1</Size><ETag>"5d41402abc4b2a76b9719d911017c592"</ETag></Contents>`).join('')}</ListBucketResult>`;
    s3.answer({ 'GET test1': (request) => ({ body: listing(request.params.get('prefix') === 'bad' ? ['bad%E2%28'] : ['+leading.txt', 'a%2Bb+c', 'line%0Dbreak', 'caf%C3%A9%20']) }) });
    const driver = s3.driver();
    const names = (await driver.listObjects({ name: 'test1', extra: {} })).map((object) => object.name);
    expect(names).toEqual([' leading.txt', 'a+b c', 'line\rbreak', 'café ']);
    await expect(driver.listObjects({ name: 'test1', extra: {} }, { prefix: 'bad' })).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error));
  });
});

describe('s3 objects', () => {
  it('describes an object with a ranged GET instead of a HEAD, reading metadata and the size from Content-Range', async () => {
    s3.answer({ 'GET dir/a b+c.txt': { status: 206, body: 'h', headers: { etag: '"5d41402abc4b2a76b9719d911017c592"', 'content-range': 'bytes 0-0/5', 'content-type': 'text/plain', 'x-amz-meta-owner': 'team-a', 'last-modified': 'Wed, 12 Oct 2022 17:50:00 GMT' } } });
    const object = await s3.driver().getObject('test1', 'dir/a b+c.txt');
    expect(object).toMatchObject({ name: 'dir/a b+c.txt', size: 5, hash: '5d41402abc4b2a76b9719d911017c592', contentType: 'text/plain', metadata: { owner: 'team-a' } });
    expect(s3.sent[0]!.url).toBe('https://test1.s3.us-east-1.amazonaws.com/dir/a%20b%2Bc.txt');
    expect(s3.sent[0]!.headers.range).toBe('bytes=0-0');
  });

  it('uploads a small stream in one PUT with its CRC32, content type and metadata', async () => {
    const driver = s3.driver();
    const object = await driver.uploadObjectFromStream((async function* () { yield new TextEncoder().encode('hello'); })(), { name: 'test1', extra: {} }, 'notes/hello.txt', { metadata: { Owner: 'me' } });
    expect(object).toMatchObject({ name: 'notes/hello.txt', size: 5, hash: '5d41402abc4b2a76b9719d911017c592', contentType: 'text/plain', metadata: { owner: 'me' } });
    expect(s3.sent[0]!.headers).toMatchObject({ 'x-amz-checksum-crc32': 'NhCmhg==', 'content-type': 'text/plain', 'x-amz-meta-owner': 'me' });
  });

  it('rejects an upload whose ETag does not match the bytes sent, and deletes what was stored', async () => {
    s3.answer({ 'PUT x.bin': { status: 200, body: '', headers: { etag: '"00000000000000000000000000000000"' } }, 'DELETE x.bin': { status: 204, body: '' } });
    await expect(s3.driver().uploadObjectFromStream((async function* () { yield new Uint8Array([1, 2, 3]); })(), { name: 'test1', extra: {} }, 'x.bin')).rejects.toSatisfy((error) => ObjectHashMismatchError.isInstance(error));
    // What was stored is not what was sent: it is removed rather than left behind.
    expect(s3.sent.map((request) => `${request.method} ${request.url}`)).toEqual(['PUT https://test1.s3.us-east-1.amazonaws.com/x.bin', 'DELETE https://test1.s3.us-east-1.amazonaws.com/x.bin']);
  });

  it('fails a download stream whose bytes do not match the object hash', async () => {
    s3.answer({ 'GET y.bin': { status: 200, body: 'tampered', headers: { etag: '"5d41402abc4b2a76b9719d911017c592"' } } });
    const object = { name: 'y.bin', size: 8, hash: '5d41402abc4b2a76b9719d911017c592', metadata: {}, containerName: 'test1', extra: {} };
    const stream = await s3.driver().downloadObjectAsStream(object);
    const error = await (async () => { for await (const _chunk of stream) void _chunk; })().catch((caught: unknown) => caught);
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(s3.sent[0]!.headers['x-amz-checksum-mode']).toBe('ENABLED');
  });

  it('checks the full-object CRC32 S3 sends instead of the MD5, and ignores a composite one', async () => {
    // S3 answers `x-amz-checksum-mode: ENABLED` with the CRC32 of an object stored with one (CRC32("hello") here).
    s3.answer({
      'GET crc.bin': { status: 200, body: 'hello', headers: { etag: '"00000000000000000000000000000000"', 'x-amz-checksum-crc32': 'NhCmhg==', 'x-amz-checksum-type': 'FULL_OBJECT' } },
      'GET bad.bin': { status: 200, body: 'hellO', headers: { etag: '"5d41402abc4b2a76b9719d911017c592"', 'x-amz-checksum-crc32': 'NhCmhg==' } },
      'GET parts.bin': { status: 200, body: 'hello', headers: { etag: '"5d41402abc4b2a76b9719d911017c592-2"', 'x-amz-checksum-crc32': 'AAAAAA==-2', 'x-amz-checksum-type': 'COMPOSITE' } },
    });
    const read = async (name: string) => {
      const stream = await s3.driver().downloadObjectAsStream({ name, size: 5, hash: '', metadata: {}, containerName: 'test1', extra: {} });
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString();
    };
    expect(await read('crc.bin')).toBe('hello'); // the CRC32 matches; the (wrong) MD5 ETag is not what is checked
    expect(await read('bad.bin').catch((caught: unknown) => caught)).toMatchObject({ expected: 'CRC32 NhCmhg==' });
    expect(await read('parts.bin')).toBe('hello'); // a composite CRC32 is not the object's: only the size is checked
  });

  it('presigns GET and PUT URLs without a request', async () => {
    const url = await s3.driver().getObjectTemporaryUrl({ name: 'a b.txt', size: 1, hash: '', metadata: {}, containerName: 'test1', extra: {} }, { expiresInSeconds: 600, method: 'PUT' });
    expect(url).toMatch(/^https:\/\/test1\.s3\.us-east-1\.amazonaws\.com\/a%20b\.txt\?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F\d{8}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=\d{8}T\d{6}Z&X-Amz-Expires=600&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}$/);
    expect(s3.sent).toHaveLength(0);
  });
});

describe('s3 errors and settings', () => {
  it('maps NoSuchBucket, BucketNotEmpty and SignatureDoesNotMatch', async () => {
    s3.answer({
      'GET gone-bucket': s3Error('NoSuchBucket', 'The specified bucket does not exist', 404),
      'DELETE full-bucket': s3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409),
      'GET /': s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 403),
    });
    const driver = s3.driver();
    await expect(driver.getContainer('gone-bucket')).rejects.toSatisfy((error) => ContainerDoesNotExistError.isInstance(error));
    await expect(driver.deleteContainer({ name: 'full-bucket', extra: {} })).rejects.toSatisfy((error) => ContainerIsNotEmptyError.isInstance(error));
    await expect(driver.listContainers()).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
  });

  it('names the right region when a bucket lives elsewhere', async () => {
    s3.answer({ 'GET far-bucket': { ...s3Error('PermanentRedirect', 'The bucket you are attempting to access must be addressed using the specified endpoint.', 301), headers: { 'x-amz-bucket-region': 'ap-southeast-2' } } });
    const error = await s3.driver().getContainer('far-bucket').catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.message).toMatch(/the bucket is in region ap-southeast-2; create the driver with region: 'ap-southeast-2'/);
  });

  it('uses path style with an endpoint override, and validates before any request', async () => {
    await s3.driver({ endpoint: 'http://127.0.0.1:9000' }).getContainer('test1');
    expect(s3.sent[0]!.url).toBe('http://127.0.0.1:9000/test1?list-type=2&max-keys=0');
    const driver = s3.driver();
    await expect(driver.createContainer('Bad_Name')).rejects.toSatisfy((error) => InvalidContainerNameError.isInstance(error));
    await expect(driver.getObject('test1', '')).rejects.toThrow(ValidationError);
    expect(() => createS3Storage({ partSize: 1024 })).toThrow(/^partSize: /);
    expect(s3.sent).toHaveLength(1);
  });
});
