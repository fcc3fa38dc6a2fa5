import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectHashMismatchError } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { startFakeS3, type S3Call } from '../support/fake-s3.js';
import { startFakeSwift } from '../support/fake-swift.js';
import { filesIn, md5, payload, useHarness } from '../support/harness.js';
import { failure, openFilesUnder } from '../support/leaks.js';
import { answer } from '../support/misbehaving-server.js';
import { s3On, swiftOn } from '../support/storage-drivers.js';

/**
 * Row "ETag/MD5 mismatch on upload and on download": `ObjectHashMismatchError`, and no object, part, segment or
 * file is left behind.
 */
const harness = useHarness();
const WRONG = '"00000000000000000000000000000000"';
const MiB = 1024 * 1024;

describe('upload: the server stores something else than was sent', () => {
  /** A fake S3 that stores a corrupted copy of single PUTs (one flipped byte) and answers its MD5, as S3 would. */
  async function corruptingS3() {
    return harness.server(await startFakeS3(async (call: S3Call, state) => {
      if (call.request.method !== 'PUT' || call.query.has('uploadId')) return false;
      const bytes = Buffer.from(await call.body());
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      state.objects.set(`${call.bucket}/${call.key}`, { bytes, etag: md5(bytes), contentType: 'application/octet-stream' });
      answer(call.response, 200, '', { etag: `"${md5(bytes)}"` });
      return true;
    }));
  }

  // Stored but mismatching: uploadS3Stream deletes the object before throwing (was a bug, fixed).
  it('s3 single PUT: ObjectHashMismatchError naming both hashes, and the mismatching object is not left behind', async () => {
    const s3 = await corruptingS3();
    const driver = s3On(s3, harness.agent());
    const sent = payload(1000);
    const error = await failure(driver.uploadObjectFromStream(Readable.from([sent]), await driver.getContainer('bucket'), 'file.bin'));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ expected: md5(sent) });
    expect([...s3.objects.keys()]).toEqual([]);
  });

  it('s3 multipart: a part answered with a wrong ETag fails the upload and aborts it (no parts, no object)', async () => {
    const s3 = harness.server(await startFakeS3(async (call) => {
      if (call.query.get('partNumber') !== '2') return false;
      await call.body();
      answer(call.response, 200, '', { etag: WRONG });
      return true;
    }));
    const driver = s3On(s3, harness.agent(), { partSize: 5 * MiB, partConcurrency: 1 });
    const error = await failure(driver.uploadObjectFromStream(Readable.from([payload(11 * MiB)]), await driver.getContainer('bucket'), 'big.bin'));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(s3.uploads.size).toBe(0);
    expect(s3.objects.size).toBe(0);
    expect(s3.requests.at(-1)).toMatchObject({ method: 'DELETE' });
  });

  it('swift single PUT refused with 422 (Swift checked our ETag): ObjectHashMismatchError, nothing stored', async () => {
    const swift = harness.server(await startFakeSwift(async (call) => {
      if (call.request.method !== 'PUT' || call.object === '') return false;
      await call.body();
      answer(call.response, 422, 'Unprocessable Entity');
      return true;
    }));
    const driver = swiftOn(swift, harness.agent());
    const error = await failure(driver.uploadObjectFromStream(Readable.from([payload(1000)]), await driver.getContainer('box'), 'file.bin'));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(swift.objects.size).toBe(0);
  });

  /** A fake Swift that stores single PUTs but answers a wrong ETag (a proxy or middleware that altered the bytes). */
  async function wrongEtagSwift() {
    return harness.server(await startFakeSwift(async (call, state) => {
      if (call.request.method !== 'PUT' || call.object === '' || call.query.has('multipart-manifest')) return false;
      const bytes = await call.body();
      state.objects.set(`${call.container}/${call.object}`, { bytes, etag: WRONG.slice(1, -1) });
      answer(call.response, 201, '', { etag: WRONG.slice(1, -1) });
      return true;
    }));
  }

  // Stored but mismatching: uploadSwiftStream deletes the object before throwing (was a bug, fixed).
  it('swift single PUT answered with another ETag: ObjectHashMismatchError, and the object is not left behind', async () => {
    const swift = await wrongEtagSwift();
    const driver = swiftOn(swift, harness.agent());
    const error = await failure(driver.uploadObjectFromStream(Readable.from([payload(1000)]), await driver.getContainer('box'), 'file.bin'));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect([...swift.objects.keys()]).toEqual([]);
  });

  it('swift large object: a segment answered with a wrong ETag fails the upload, and every segment is deleted', async () => {
    const swift = await wrongEtagSwift();
    const driver = swiftOn(swift, harness.agent(), { segmentSize: MiB, segmentConcurrency: 1 });
    const error = await failure(driver.uploadObjectFromStream(Readable.from([payload(2.5 * MiB)]), await driver.getContainer('box'), 'big.bin'));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect([...swift.objects.keys()]).toEqual([]);
  });
});

describe('download: the bytes do not match the object', () => {
  const object = payload(128 * 1024, 11);
  const corrupted = Buffer.from(object);
  corrupted[1000] = (corrupted[1000] ?? 0) ^ 0x01;

  it('s3: ObjectHashMismatchError, no file or partial file left, no open handle', async () => {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      answer(call.response, 200, corrupted, { etag: `"${md5(object)}"`, 'content-type': 'application/octet-stream' });
      return true;
    }));
    s3.objects.set('bucket/data.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('bucket', 'data.bin'), join(directory, 'data.bin')));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(filesIn(directory)).toEqual([]);
    expect(openFilesUnder(directory)).toEqual([]);
  });

  it('s3 stream: the consumer gets ObjectHashMismatchError at the end, not a silently corrupted stream', async () => {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      answer(call.response, 200, corrupted, { etag: `"${md5(object)}"` });
      return true;
    }));
    s3.objects.set('bucket/data.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const stream = await driver.downloadObjectAsStream(await driver.getObject('bucket', 'data.bin'));
    const error = await failure((async () => {
      for await (const chunk of stream) void chunk;
    })());
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
  });

  it('swift: ObjectHashMismatchError, no file left', async () => {
    const swift = harness.server(await startFakeSwift((call) => {
      if (call.request.method !== 'GET' || call.object === '' || call.request.headers.range !== undefined) return false;
      answer(call.response, 200, corrupted, { etag: md5(object), 'content-type': 'application/octet-stream' });
      return true;
    }));
    swift.objects.set('box/data.bin', { bytes: object, etag: md5(object) });
    const driver = swiftOn(swift, harness.agent());
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('box', 'data.bin'), join(directory, 'data.bin')));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(filesIn(directory)).toEqual([]);
  });

  it('s3: a shorter body with a matching Content-Length (the server lies about the object) is refused, no file left', async () => {
    const s3 = harness.server(await startFakeS3((call) => {
      if (call.request.method !== 'GET' || call.request.headers.range !== undefined) return false;
      answer(call.response, 200, object.subarray(0, 1000), { etag: `"${md5(object)}"` });
      return true;
    }));
    s3.objects.set('bucket/data.bin', { bytes: object, etag: md5(object), contentType: 'application/octet-stream' });
    const driver = s3On(s3, harness.agent());
    const directory = harness.directory();
    const error = await failure(driver.downloadObject(await driver.getObject('bucket', 'data.bin'), join(directory, 'data.bin')));
    expect(ObjectHashMismatchError.isInstance(error)).toBe(true);
    expect(filesIn(directory)).toEqual([]);
  });
});
