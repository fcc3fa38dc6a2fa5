import { InvalidCredentialsError, ValidationError, type TransportEvent } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { describeLive } from '@multicloud/fixture-server';
import { ContainerAlreadyExistsError, ContainerIsNotEmptyError, ObjectDoesNotExistError, type Container } from '@multicloud/storage';
import { storageConformanceChecks } from '@multicloud/storage/testing';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEGMENT_CONTAINER_SUFFIX } from '../src/index.js';
import { digest, eachLimited, liveDriver, readAll, removeContainers, seededBytes, uniqueName } from './support/cloudfiles-live.js';

const MiB = 1024 * 1024;

describeLive('openstack-swift against the local Swift', (live) => {
  const main = uniqueName('main');
  const paged = uniqueName('paged');
  const conformance = uniqueName('conformance');
  const containers = [main, paged, conformance].flatMap((name) => [name, `${name}${SEGMENT_CONTAINER_SUFFIX}`]);
  const driver = liveDriver(live);
  let container: Container;
  let scratch: string;

  beforeAll(async () => {
    container = await driver.createContainer(main);
    scratch = await mkdtemp(join(tmpdir(), 'mc-swift-'));
  });
  afterAll(async () => {
    await removeContainers(driver, containers);
    await rm(scratch, { recursive: true, force: true });
  }, 60_000);

  describeConformance('openstack-swift storage (live)', storageConformanceChecks({
    provider: 'openstack-swift',
    createDriver: () => liveDriver(live),
    containerName: conformance,
    objectName: 'dir/hello wörld ✓.txt',
  }));

  it.each([0, 1, 5 * MiB - 1, 5 * MiB, 5 * MiB + 1])('round-trips %i streamed bytes byte-exact, as a stream and to a file (segments of 5 MiB)', async (size) => {
    const small = liveDriver(live, { segmentSize: 5 * MiB });
    const body = seededBytes(size, size + 7);
    const uploaded = await small.uploadObjectFromStream(body.stream, container, `sizes/${size}.bin`);
    const md5 = body.md5();
    const slo = size > 5 * MiB;
    expect(uploaded).toMatchObject({ size, extra: { staticLargeObject: slo } });
    if (!slo) expect(uploaded.hash).toBe(md5);
    const described = await small.getObject(main, `sizes/${size}.bin`);
    expect(described).toMatchObject({ size, hash: uploaded.hash, contentType: 'application/octet-stream', extra: { staticLargeObject: slo } });
    expect(await digest(await small.downloadObjectAsStream(described))).toEqual({ size, md5 });
    const file = join(scratch, `${size}.bin`);
    await small.downloadObject(described, file);
    expect(await digest(createReadStream(file))).toEqual({ size, md5 });
  });

  it('streams 200 MiB as a Static Large Object in 8 MiB segments, byte-exact, and deleting it removes the segments', async () => {
    const big = liveDriver(live, { segmentSize: 8 * MiB, segmentConcurrency: 4 });
    const size = 200 * MiB;
    const body = seededBytes(size, 42);
    const uploaded = await big.uploadObjectFromStream(body.stream, container, 'big/200MiB.bin', { metadata: { Purpose: 'slo' } });
    expect(uploaded).toMatchObject({ size, extra: { staticLargeObject: true, segmentCount: 25, segmentContainer: `${main}_segments` } });
    const described = await big.getObject(main, 'big/200MiB.bin');
    expect(described).toMatchObject({ size, hash: uploaded.hash, metadata: { purpose: 'slo' }, extra: { staticLargeObject: true } });
    const listed = (await big.listObjects(container, { prefix: 'big/' }))[0];
    expect(listed).toMatchObject({ name: 'big/200MiB.bin', size, hash: uploaded.hash, extra: { staticLargeObject: true } });
    expect(await digest(await big.downloadObjectAsStream(described))).toEqual({ size, md5: body.md5() });
    const segments = await big.getContainer(`${main}_segments`);
    expect(await big.listObjects(segments, { prefix: 'big/200MiB.bin/slo/' })).toHaveLength(25);
    await big.deleteObject(listed!);
    expect(await big.listObjects(segments, { prefix: 'big/200MiB.bin/' })).toEqual([]);
    await expect(big.getObject(main, 'big/200MiB.bin')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
  }, 60_000);

  it('keeps unicode, spaces and URL-special characters in object names', async () => {
    const names = ['dïr/héllo wörld ✓.txt', 'a b/c  d.txt', 'q?x=1&y#z%20+.txt', '日本/ファイル.json'];
    for (const name of names) await driver.uploadObjectFromStream(Readable.from([Buffer.from(name)]), container, name);
    for (const name of names) {
      const object = await driver.getObject(main, name);
      expect((await readAll(await driver.downloadObjectAsStream(object))).toString()).toBe(name);
    }
    const listed = (await driver.listObjects(container)).map((object) => object.name);
    expect(listed).toEqual(expect.arrayContaining(names));
    expect((await driver.getObject(main, '日本/ファイル.json')).contentType).toBe('application/json');
  });

  it('lists more than 1000 objects in pages after the last name, lowering a page size above the server limit', async () => {
    const pagedContainer = await driver.createContainer(paged);
    const names = Array.from({ length: 1010 }, (_, index) => `item-${String(index).padStart(5, '0')}`);
    await eachLimited(names, 16, (name) => driver.uploadObjectFromStream(Readable.from([Buffer.from(name)]), pagedContainer, name));
    const events: TransportEvent[] = [];
    const listed = await liveDriver(live, {}, events).listObjects(pagedContainer);
    expect(listed.map((object) => object.name)).toEqual(names);
    const pages = events.filter((event) => event.type === 'request' && event.url.includes(`/${paged}?`)).map((event) => (event as { url: string }).url);
    expect(pages).toEqual([expect.stringContaining('?format=json&limit=1000'), expect.stringContaining('&limit=1000&marker=item-00999')]);
    const big: TransportEvent[] = [];
    expect(await liveDriver(live, { listingLimit: 5000 }, big).listObjects(pagedContainer)).toHaveLength(1010);
    const limits = big.filter((event) => event.type === 'response' && event.url.includes(`/${paged}?`)).map((event) => [/limit=(\d+)/.exec(event.url)?.[1], (event as { status: number }).status]);
    expect(limits).toEqual([['5000', 412], [String(live.listingLimit), 200], [String(live.listingLimit), 200]]);
  }, 60_000);

  it('reads ranges at the edges; an end beyond the object is cut, a start beyond it reads nothing', async () => {
    const content = Buffer.from('0123456789abcdef');
    const object = await driver.uploadObjectFromStream(Readable.from([content]), container, 'ranges.txt');
    const read = async (start: number, end?: number) => (await readAll(await driver.downloadObjectAsStream(object, { range: { start, end } }))).toString();
    expect(await read(0, 1)).toBe('0');
    expect(await read(15, 16)).toBe('f');
    expect(await read(0)).toBe(content.toString());
    expect(await read(0, 16)).toBe(content.toString());
    expect(await read(13, 100)).toBe('def');
    expect(await read(16)).toBe('');
    expect(await read(40, 50)).toBe('');
    await expect(driver.downloadObjectAsStream(object, { range: { start: 3, end: 3 } })).rejects.toThrow(ValidationError);
  });

  it('maps a wrong key, a missing object, a non-empty container and an existing container to typed errors', async () => {
    const wrong = createWrongDriver();
    await expect(wrong.listContainers()).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
    const object = await driver.uploadObjectFromStream(Readable.from([Buffer.from('x')]), container, 'gone.txt', { metadata: { Color: 'Blue' } });
    expect((await driver.getObject(main, 'gone.txt')).metadata).toEqual({ color: 'Blue' });
    await driver.deleteObject(object);
    await expect(driver.getObject(main, 'gone.txt')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    await expect(driver.deleteObject(object)).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    await expect(driver.deleteContainer(container)).rejects.toSatisfy((error) => ContainerIsNotEmptyError.isInstance(error));
    await expect(driver.createContainer(main)).rejects.toSatisfy((error) => ContainerAlreadyExistsError.isInstance(error));
  });

  it('makes temp URLs that plain undici can fetch (GET) and write to (PUT) with the account key', async () => {
    const key = `mc-${uniqueName('key')}`;
    await driver.exSetTempUrlKey(key);
    expect((await driver.exGetAccountInfo()).hasTempUrlKey).toBe(true);
    const reader = liveDriver(live); // reads the key from the account
    const object = await reader.uploadObjectFromStream(Readable.from([Buffer.from('shared bytes')]), container, 'shared/temp url ✓.txt');
    const url = await reader.getObjectTemporaryUrl(object, { expiresInSeconds: 300 });
    const fetched = await request(url);
    expect(fetched.statusCode).toBe(200);
    expect(await fetched.body.text()).toBe('shared bytes');
    const putUrl = await reader.getObjectTemporaryUrl({ ...object, name: 'shared/put.txt' }, { expiresInSeconds: 300, method: 'PUT' });
    const put = await request(putUrl, { method: 'PUT', body: 'written anonymously' });
    await put.body.dump();
    expect(put.statusCode).toBe(201);
    expect((await readAll(await driver.downloadObjectAsStream(await driver.getObject(main, 'shared/put.txt')))).toString()).toBe('written anonymously');
    const forged = await request(url.replace(/temp_url_sig=[0-9a-f]+/, `temp_url_sig=${'0'.repeat(40)}`));
    await forged.body.dump();
    expect(forged.statusCode).toBe(401);
  });

  it('leaves no object and no orphaned segments when an upload is aborted half way', async () => {
    const aborting = liveDriver(live, { segmentSize: MiB, segmentConcurrency: 2 });
    const controller = new AbortController();
    async function* halfThenAbort(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < 12; index++) {
        if (index === 6) controller.abort(new Error('user cancelled'));
        yield new Uint8Array(MiB).fill(index);
      }
    }
    await expect(aborting.uploadObjectFromStream(halfThenAbort(), container, 'aborted.bin', { signal: controller.signal })).rejects.toThrow('user cancelled');
    await expect(aborting.getObject(main, 'aborted.bin')).rejects.toSatisfy((error) => ObjectDoesNotExistError.isInstance(error));
    const segments = await aborting.getContainer(`${main}_segments`);
    expect(await aborting.listObjects(segments, { prefix: 'aborted.bin/' })).toEqual([]);
  });

  function createWrongDriver() {
    return liveDriver(live, { apiKey: live.wrongSecret.swift.key });
  }
});
