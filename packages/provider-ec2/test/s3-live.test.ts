import { InvalidCredentialsError } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { describeLive, type LiveSwift } from '@multicloud/fixture-server';
import { ContainerIsNotEmptyError, ObjectDoesNotExistError, type Container } from '@multicloud/storage';
import { storageConformanceChecks } from '@multicloud/storage/testing';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, type S3Settings } from '../src/index.js';
import { createS3Client } from '../src/s3/s3-client.js';
import { digestOf, generatedBytes } from './support/generated-bytes.js';

/** Live S3 against the local OpenStack Swift's s3api (which really verifies SigV4); see scripts/swift/README.md. */
const run = Date.now().toString(36);
const MiB = 1024 * 1024;

function liveDriver(live: LiveSwift, settings: S3Settings = {}) {
  return createS3Storage({ endpoint: live.s3.endpoint, accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey, region: live.s3.region, ...settings });
}

describeLive('s3 against live Swift', (live) => {
  describeConformance('s3 live', storageConformanceChecks({ provider: 's3', createDriver: () => liveDriver(live), containerName: `mc-conformance-${run}` }));

  describe('round trips and edge cases', () => {
    const driver = liveDriver(live);
    let bucket: Container;
    beforeAll(async () => {
      bucket = await driver.createContainer(`mc-live-${run}`);
    });
    afterAll(async () => {
      const objects = await driver.listObjects(bucket);
      for (let index = 0; index < objects.length; index += 25) await Promise.all(objects.slice(index, index + 25).map((object) => driver.deleteObject(object)));
      await driver.deleteContainer(bucket);
    }, 120_000);

    it.each([0, 1, 5 * MiB - 1, 5 * MiB, 5 * MiB + 1, 9 * MiB + 7])('round-trips a %i-byte stream byte-exact', async (size) => {
      const data = generatedBytes(size, size % 97);
      const uploaded = await driver.uploadObjectFromStream(data.stream(), bucket, `sizes/${size}.bin`);
      expect(uploaded.size).toBe(size);
      const described = await driver.getObject(bucket.name, `sizes/${size}.bin`);
      expect(described.size).toBe(size);
      expect(await digestOf(await driver.downloadObjectAsStream(described))).toEqual({ md5: data.md5(), size });
    });

    it('streams a 200 MiB object up in parts and down again, byte-exact', async () => {
      const data = generatedBytes(200 * MiB, 7);
      const uploaded = await driver.uploadObjectFromStream(data.stream(), bucket, 'big/200MiB.bin');
      expect(uploaded.hash).toMatch(/^[0-9a-f]{32}-25$/);
      expect(await digestOf(await driver.downloadObjectAsStream(await driver.getObject(bucket.name, 'big/200MiB.bin')))).toEqual({ md5: data.md5(), size: 200 * MiB });
    }, 120_000);

    it('keeps unicode and spaces in names, and reads ranges at the edges', async () => {
      const name = 'dir with space/ünïcödé ✓ + &.txt';
      const content = Buffer.from('0123456789');
      await driver.uploadObjectFromStream((async function* () { yield content; })(), bucket, name);
      const object = await driver.getObject(bucket.name, name);
      expect(object).toMatchObject({ name, size: 10, contentType: 'text/plain' });
      expect((await driver.listObjects(bucket, { prefix: 'dir with space/' })).map((listed) => listed.name)).toEqual([name]);
      const read = async (range: { start: number; end?: number }) => (await digestOf(await driver.downloadObjectAsStream(object, { range }))).size;
      const text = async (range: { start: number; end?: number }) => {
        const chunks: Buffer[] = [];
        for await (const chunk of await driver.downloadObjectAsStream(object, { range })) chunks.push(Buffer.from(chunk));
        return Buffer.concat(chunks).toString();
      };
      expect(await text({ start: 0, end: 1 })).toBe('0');
      expect(await text({ start: 9 })).toBe('9');
      expect(await text({ start: 4, end: 7 })).toBe('456');
      expect(await text({ start: 0, end: 10 })).toBe('0123456789');
      expect(await read({ start: 5, end: 1000 })).toBe(5);
    });

    it('pages a listing of more than 1000 objects', async () => {
      const names = Array.from({ length: 1005 }, (_, index) => `many/${String(index).padStart(4, '0')}`);
      for (let index = 0; index < names.length; index += 25) {
        await Promise.all(names.slice(index, index + 25).map((name) => driver.uploadObjectFromStream((async function* () { yield Buffer.from(name); })(), bucket, name)));
      }
      const listed = (await driver.listObjects(bucket, { prefix: 'many/' })).map((object) => object.name);
      expect(listed).toEqual(names);
    }, 120_000);

    it('gives typed errors for a deleted object, a non-empty bucket and a wrong secret', async () => {
      await driver.uploadObjectFromStream((async function* () { yield Buffer.from('x'); })(), bucket, 'doomed.txt');
      await driver.deleteObject(await driver.getObject(bucket.name, 'doomed.txt'));
      await expect(driver.getObject(bucket.name, 'doomed.txt')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
      await expect(driver.deleteContainer(bucket)).rejects.toSatisfy((error) => ContainerIsNotEmptyError.isInstance(error));
      const wrong = createS3Storage({ ...live.wrongSecret.s3, retry: false });
      await expect(wrong.listContainers()).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
    });

    it('serves a presigned URL to plain undici, with no credentials', async () => {
      await driver.uploadObjectFromStream((async function* () { yield Buffer.from('shared secretly'); })(), bucket, 'shared.txt');
      const url = await driver.getObjectTemporaryUrl(await driver.getObject(bucket.name, 'shared.txt'), { expiresInSeconds: 300 });
      const response = await request(url);
      expect(response.statusCode).toBe(200);
      expect(await response.body.text()).toBe('shared secretly');
    });

    it('leaves no object and no multipart parts behind when an upload is aborted half way', async () => {
      const controller = new AbortController();
      const data = generatedBytes(40 * MiB, 3);
      async function* abortingAfter20MiB() {
        let sent = 0;
        for await (const chunk of data.stream()) {
          yield chunk;
          sent += chunk.length;
          if (sent >= 20 * MiB) controller.abort(new Error('user cancelled'));
        }
      }
      await expect(driver.uploadObjectFromStream(abortingAfter20MiB(), bucket, 'aborted.bin', { signal: controller.signal })).rejects.toThrow('user cancelled');
      await expect(driver.getObject(bucket.name, 'aborted.bin')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
      const client = createS3Client({ endpoint: live.s3.endpoint, accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey, region: live.s3.region });
      const uploads = await client.request({ method: 'GET', bucket: bucket.name, query: 'uploads' });
      expect(uploads.body).not.toContain('<UploadId>');
    }, 60_000);
  });
});
