import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UnsupportedOperationError, ValidationError, providerOf, stampProvider } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
  type Container,
} from '@multicloud/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEMORY, MemoryStorageDriver } from './memory-storage-driver.js';

async function rejection(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but it resolved');
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

describe('MemoryStorageDriver (beyond the kit)', () => {
  let driver: MemoryStorageDriver;
  let container: Container;
  let directory: string;

  beforeEach(async () => {
    driver = new MemoryStorageDriver();
    container = await driver.createContainer('photos');
    directory = await mkdtemp(join(tmpdir(), 'memory-storage-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('uploads from a file with an MD5 hash, a guessed content type and lower-cased metadata', async () => {
    const source = join(directory, 'in.txt');
    await writeFile(source, 'abc');
    const object = await driver.uploadObject(source, container, 'notes/a.txt', { metadata: { Owner: 'ann' } });
    expect(object).toMatchObject({ name: 'notes/a.txt', size: 3, hash: '900150983cd24fb0d6963f7d28e17f72', contentType: 'text/plain', containerName: 'photos' });
    expect(object.metadata).toEqual({ owner: 'ann' });
    expect(providerOf(object)).toBe(MEMORY);
    expect(Object.isFrozen(object)).toBe(true);
    expect((await driver.uploadObjectFromStream(Readable.from([Buffer.from('x')]), container, 'blob')).contentType).toBe('application/octet-stream');
  });

  it('accepts web streams and async iterables as sources', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('we'));
        controller.enqueue(new TextEncoder().encode('b'));
        controller.close();
      },
    });
    async function* bytes() {
      yield new TextEncoder().encode('iter');
      yield new TextEncoder().encode('able');
    }
    const fromWeb = await driver.uploadObjectFromStream(web, container, 'web');
    const fromIterable = await driver.uploadObjectFromStream(bytes(), container, 'iterable');
    expect(await text(await driver.downloadObjectAsStream(fromWeb))).toBe('web');
    expect(await text(await driver.downloadObjectAsStream(fromIterable))).toBe('iterable');
  });

  it('downloads to a file, refusing to replace one unless told to', async () => {
    const object = await driver.uploadObjectFromStream(Readable.from([Buffer.from('new')]), container, 'f.txt');
    const target = join(directory, 'out.txt');
    await writeFile(target, 'old');
    const error = await rejection(() => driver.downloadObject(object, target));
    expect(ValidationError.isInstance(error) && error.argument).toBe('destinationPath');
    expect(await readFile(target, 'utf8')).toBe('old');
    await driver.downloadObject(object, target, { overwrite: true });
    expect(await readFile(target, 'utf8')).toBe('new');
    const fresh = join(directory, 'fresh.txt');
    await driver.downloadObject(object, fresh);
    expect(await readFile(fresh, 'utf8')).toBe('new');
  });

  it('reads ranges with an exclusive end and refuses impossible ones', async () => {
    const object = await driver.uploadObjectFromStream(Readable.from([Buffer.from('0123456789')]), container, 'digits');
    expect(await text(await driver.downloadObjectAsStream(object, { range: { start: 4, end: 7 } }))).toBe('456');
    expect(await text(await driver.downloadObjectAsStream(object, { range: { start: 8 } }))).toBe('89');
    expect(await text(await driver.downloadObjectAsStream(object, { range: { start: 3, end: 3 } }))).toBe('');
    for (const range of [{ start: -1 }, { start: 5, end: 4 }, { start: 0, end: 11 }, { start: 1.5 }]) {
      expect(ValidationError.isInstance(await rejection(() => driver.downloadObjectAsStream(object, { range })))).toBe(true);
    }
  });

  it('lists objects sorted, across pages, filtered by prefix', async () => {
    for (const name of ['b/2', 'a/1', 'b/1', 'c', 'b/3']) await driver.uploadObjectFromStream(Readable.from([Buffer.from(name)]), container, name);
    expect((await driver.listObjects(container)).map((object) => object.name)).toEqual(['a/1', 'b/1', 'b/2', 'b/3', 'c']);
    expect((await driver.listObjects(container, { prefix: 'b/' })).map((object) => object.name)).toEqual(['b/1', 'b/2', 'b/3']);
  });

  it('uses the typed errors for containers', async () => {
    expect(ContainerAlreadyExistsError.isInstance(await rejection(() => driver.createContainer('photos')))).toBe(true);
    expect(InvalidContainerNameError.isInstance(await rejection(() => driver.createContainer('No_Caps')))).toBe(true);
    expect(ContainerDoesNotExistError.isInstance(await rejection(() => driver.getContainer('nope')))).toBe(true);
    expect(ContainerDoesNotExistError.isInstance(await rejection(() => driver.getObject('nope', 'x')))).toBe(true);
    await driver.uploadObjectFromStream(Readable.from([Buffer.from('x')]), container, 'x');
    const notEmpty = await rejection(() => driver.deleteContainer(container));
    expect(ContainerIsNotEmptyError.isInstance(notEmpty) && notEmpty.status).toBe(409);
  });

  it('reports a missing object, and refuses another provider\'s container', async () => {
    const missing = await rejection(() => driver.getObject('photos', 'absent'));
    expect(ObjectDoesNotExistError.isInstance(missing) && missing.message).toBe('memory: object absent in container photos does not exist (HTTP 404)');
    const foreign = stampProvider({ name: 'photos', extra: {} }, 's3');
    const error = await rejection(() => driver.listObjects(foreign));
    expect(ValidationError.isInstance(error) && error.message).toMatch(/comes from provider "s3"/);
  });

  it('rejects temporary URLs and CDN with UnsupportedOperationError, as its features say', async () => {
    const object = await driver.uploadObjectFromStream(Readable.from([Buffer.from('x')]), container, 'x');
    expect(driver.features).toEqual({ temporaryUrls: false, cdn: false });
    const errors = [
      await rejection(() => driver.getObjectTemporaryUrl(object, { expiresInSeconds: 60 })),
      await rejection(() => driver.enableContainerCdn(container)),
      await rejection(() => driver.getObjectCdnUrl(object)),
    ];
    expect(errors.map((error) => UnsupportedOperationError.isInstance(error) && error.operation)).toEqual([
      'getObjectTemporaryUrl', 'enableContainerCdn', 'getObjectCdnUrl',
    ]);
  });
});
