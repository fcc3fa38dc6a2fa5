import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { UnsupportedOperationError, ValidationError, stampProvider } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  ObjectDoesNotExistError,
  ObjectHashMismatchError,
  type StorageObject,
} from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { createLocalStorage } from '../src/index.js';
import { temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('objects');
const storage = createLocalStorage({ root });
const md5 = (data: Uint8Array) => createHash('md5').update(data).digest('hex');
const bytes = (length: number) => Buffer.from(Array.from({ length }, (_, index) => (index * 7) % 251));
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
let counter = 0;
const freshContainer = () => storage.createContainer(`c${++counter}`);

describe('containers', () => {
  it('raises the typed errors: exists already, missing, not empty; empty folders do not count', async () => {
    const container = await storage.createContainer('typed');
    await expect(storage.createContainer('typed')).rejects.toSatisfy((error: unknown) => ContainerAlreadyExistsError.isInstance(error));
    await expect(storage.getContainer('missing')).rejects.toSatisfy((error: unknown) => ContainerDoesNotExistError.isInstance(error));
    await expect(storage.getObject('missing', 'x')).rejects.toSatisfy((error: unknown) => ContainerDoesNotExistError.isInstance(error));
    await storage.uploadObjectFromStream(Readable.from([bytes(3)]), container, 'deep/er/x');
    await expect(storage.deleteContainer(container)).rejects.toSatisfy((error: unknown) => ContainerIsNotEmptyError.isInstance(error));
    await storage.deleteObject(await storage.getObject('typed', 'deep/er/x'));
    expect(readdirSync(join(root, 'storage', 'typed'))).toEqual(['.multicloud']);
    await storage.deleteContainer(container);
    expect(existsSync(join(root, 'storage', 'typed'))).toBe(false);
    await expect(storage.deleteContainer(container)).rejects.toSatisfy((error: unknown) => ContainerDoesNotExistError.isInstance(error));
  });

  it('refuses models of other providers and has no temporary URLs or CDN', async () => {
    const foreign = stampProvider({ name: 'typed', extra: {} }, 's3');
    await expect(storage.deleteContainer(foreign)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && error.argument === 'container');
    expect(storage.features).toEqual({ temporaryUrls: false, cdn: false });
    const object = stampProvider({ name: 'x', size: 0, hash: '', metadata: {}, containerName: 'typed', extra: {} }, 'local') as StorageObject;
    for (const call of [() => storage.getObjectTemporaryUrl(object, { expiresInSeconds: 60 }), () => storage.enableContainerCdn(foreign), () => storage.getObjectCdnUrl(object)]) {
      await expect(call()).rejects.toSatisfy((error: unknown) => UnsupportedOperationError.isInstance(error));
    }
  });
});

describe('uploads are atomic', () => {
  it('leaves no object and no partial file when the source fails half way', async () => {
    const container = await freshContainer();
    async function* failing() {
      yield bytes(64 * 1024);
      throw new Error('client went away');
    }
    await expect(storage.uploadObjectFromStream(failing(), container, 'half.bin')).rejects.toThrow('client went away');
    await expect(storage.getObject(container.name, 'half.bin')).rejects.toSatisfy((error: unknown) => ObjectDoesNotExistError.isInstance(error));
    expect(await storage.listObjects(container)).toEqual([]);
    expect(readdirSync(join(root, 'storage', container.name, '.multicloud', 'tmp'))).toEqual([]);
  });

  it('keeps the previous version whole when a replacement is aborted half way', async () => {
    const container = await freshContainer();
    const original = bytes(10_000);
    await storage.uploadObjectFromStream(Readable.from([original]), container, 'doc.bin', { metadata: { version: '1' } });
    const controller = new AbortController();
    async function* slow() {
      yield bytes(50_000);
      controller.abort(new Error('user cancelled'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      yield bytes(50_000);
    }
    await expect(storage.uploadObjectFromStream(slow(), container, 'doc.bin', { signal: controller.signal, metadata: { version: '2' } })).rejects.toThrow();
    const kept = await storage.getObject(container.name, 'doc.bin');
    expect(kept.size).toBe(10_000);
    expect(kept.hash).toBe(md5(original));
    expect(kept.metadata).toEqual({ version: '1' });
    expect(await readAll(await storage.downloadObjectAsStream(kept))).toEqual(original);
    expect(readdirSync(join(root, 'storage', container.name, '.multicloud', 'tmp'))).toEqual([]);
  });

  it('replaces an object whole, with its MD5, content type and lower-cased metadata', async () => {
    const container = await freshContainer();
    await storage.uploadObjectFromStream(Readable.from([bytes(10)]), container, 'page.html');
    const data = bytes(300_000);
    const uploaded = await storage.uploadObjectFromStream(new Blob([data]).stream(), container, 'page.html', { contentType: 'text/x-custom', metadata: { Owner: 'Ada' } });
    expect(uploaded).toMatchObject({ name: 'page.html', size: 300_000, hash: md5(data), contentType: 'text/x-custom', metadata: { owner: 'Ada' }, containerName: container.name });
    expect(await storage.getObject(container.name, 'page.html')).toEqual(uploaded);
    expect(readFileSync(join(root, 'storage', container.name, 'page.html')).equals(data)).toBe(true);
    const guessed = await storage.uploadObjectFromStream(Readable.from([bytes(1)]), container, 'style.css');
    expect(guessed.contentType).toBe('text/css');
    await expect(storage.uploadObjectFromStream(Readable.from([bytes(1)]), container, 'x', { metadata: { a: 1 as never } })).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error));
    await expect(storage.uploadObjectFromStream('text' as never, container, 'x')).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error));
  });

  it('uploads a file and an empty object', async () => {
    const container = await freshContainer();
    const source = join(root, 'source.bin');
    writeFileSync(source, bytes(2048));
    expect((await storage.uploadObject(source, container, 'copy.bin')).hash).toBe(md5(bytes(2048)));
    expect((await storage.uploadObjectFromStream(Readable.from([]), container, 'empty')).hash).toBe(md5(Buffer.alloc(0)));
    await expect(storage.uploadObject(join(root, 'nope'), container, 'x')).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && error.argument === 'filePath');
  });
});

describe('reads', () => {
  it('reads byte ranges with an exclusive end, clamped to the object', async () => {
    const container = await freshContainer();
    const data = bytes(1000);
    const object = await storage.uploadObjectFromStream(Readable.from([data]), container, 'r.bin');
    const range = async (start: number, end?: number) => readAll(await storage.downloadObjectAsStream(object, { range: { start, end } }));
    expect(await range(1, 4)).toEqual(data.subarray(1, 4));
    expect(await range(0, 1)).toEqual(data.subarray(0, 1));
    expect(await range(990)).toEqual(data.subarray(990));
    expect(await range(999, 5000)).toEqual(data.subarray(999));
    expect(await range(1000)).toEqual(Buffer.alloc(0));
    await expect(range(1001)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && error.argument === 'options.range.start');
    await expect(range(5, 5)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && error.argument === 'options.range.end');
    await expect(range(-1)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error));
  });

  it('downloads to a file checking size and MD5, and refuses to overwrite unless asked', async () => {
    const container = await freshContainer();
    const object = await storage.uploadObjectFromStream(Readable.from([bytes(5000)]), container, 'd.bin');
    const target = join(root, 'downloaded.bin');
    await storage.downloadObject(object, target);
    expect(readFileSync(target)).toEqual(bytes(5000));
    await expect(storage.downloadObject(object, target)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error));
    await storage.downloadObject(object, target, { overwrite: true });
    // The object changed since it was described: the bytes no longer match its hash, and nothing is written.
    await storage.uploadObjectFromStream(Readable.from([bytes(4000)]), container, 'd.bin');
    await expect(storage.downloadObject(object, join(root, 'stale.bin'))).rejects.toSatisfy((error: unknown) => ObjectHashMismatchError.isInstance(error));
    expect(existsSync(join(root, 'stale.bin'))).toBe(false);
  });

  it('describes files put in place by hand, and notices files edited by hand', async () => {
    const container = await freshContainer();
    writeFileSync(join(root, 'storage', container.name, 'dropped.json'), '{"a":1}');
    const dropped = await storage.getObject(container.name, 'dropped.json');
    expect(dropped).toMatchObject({ size: 7, hash: md5(Buffer.from('{"a":1}')), contentType: 'application/json', metadata: {} });
    await storage.uploadObjectFromStream(Readable.from([Buffer.from('one')]), container, 'edited.txt', { metadata: { keep: 'me' } });
    writeFileSync(join(root, 'storage', container.name, 'edited.txt'), 'changed!');
    expect(await storage.getObject(container.name, 'edited.txt')).toMatchObject({ size: 8, hash: md5(Buffer.from('changed!')), metadata: { keep: 'me' } });
  });
});

describe('listings', () => {
  it('pages through objects in UTF-8 byte order, with prefixes, never listing sidecars', async () => {
    const paged = createLocalStorage({ root, pageSize: 3 });
    const container = await freshContainer();
    const names = ['ab', 'a-b', 'a/b', 'a/c/d', 'b', 'z', 'é', '日', 'x y/1', 'x y/2', 'x-y'];
    for (const name of names) await paged.uploadObjectFromStream(Readable.from([Buffer.from(name)]), container, name);
    const expected = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    // Folder-by-folder order would give a/b, a/c/d before a-b; byte order puts "-" (0x2d) before "/" (0x2f).
    expect(expected.slice(0, 4)).toEqual(['a-b', 'a/b', 'a/c/d', 'ab']);
    const iterated: string[] = [];
    for await (const object of paged.iterateObjects(container)) iterated.push(object.name);
    expect(iterated).toEqual(expected);
    expect((await paged.listObjects(container, { prefix: 'a/' })).map((object) => object.name)).toEqual(['a/b', 'a/c/d']);
    expect((await paged.listObjects(container, { prefix: 'x' })).map((object) => object.name)).toEqual(['x y/1', 'x y/2', 'x-y']);
    expect((await paged.listObjects(container, { prefix: '../' })).map((object) => object.name)).toEqual([]);
    expect((await paged.listObjects(container, { prefix: '.multicloud' })).map((object) => object.name)).toEqual([]);
  });

  it('reads the next page lazily: objects deleted before it are skipped, and stopping early reads no more', async () => {
    const paged = createLocalStorage({ root, pageSize: 2 });
    const container = await freshContainer();
    for (const name of ['1', '2', '3', '4', '5']) await paged.uploadObjectFromStream(Readable.from([Buffer.from(name)]), container, name);
    const seen: string[] = [];
    for await (const object of paged.iterateObjects(container)) {
      seen.push(object.name);
      if (object.name === '2') await paged.deleteObject(await paged.getObject(container.name, '3'));
      if (object.name === '4') break;
    }
    expect(seen).toEqual(['1', '2', '4']);
  });

  it('refuses a bad page size or root', () => {
    expect(() => createLocalStorage({ root, pageSize: 0 })).toThrow(ValidationError);
    expect(() => createLocalStorage({ root: '  ' })).toThrow(ValidationError);
  });
});
