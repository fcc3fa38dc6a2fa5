import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ValidationError, stampProvider } from '@multicloud/core';
import { InvalidContainerNameError, type StorageObject } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { createLocalStorage } from '../src/index.js';
import { temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('names');
const storage = createLocalStorage({ root });
const body = () => Readable.from([Buffer.from('x')]);

describe('container names', () => {
  it.each([
    ['..'], ['.'], ['../escape'], ['a/b'], ['/etc'], ['/etc/passwd'], ['a\\b'], ['..\\x'], ['a\0b'], ['line\nbreak'], ['.hidden'], ['x'.repeat(256)],
  ])('refuses %j everywhere with InvalidContainerNameError', async (name) => {
    await expect(storage.createContainer(name)).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
    await expect(storage.getContainer(name)).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
    await expect(storage.getObject(name, 'x')).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
    const forged = stampProvider({ name, extra: {} }, 'local');
    await expect(storage.deleteContainer(forged)).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
    await expect(storage.uploadObjectFromStream(body(), forged, 'x')).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
  });

  it('refuses an empty name: InvalidContainerNameError by name, ValidationError on a model', async () => {
    await expect(storage.getContainer('')).rejects.toSatisfy((error: unknown) => InvalidContainerNameError.isInstance(error));
    await expect(storage.deleteContainer(stampProvider({ name: '', extra: {} }, 'local'))).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error));
  });

  it('accepts spaces and any Unicode, and lists only valid container folders', async () => {
    await storage.createContainer('Fotos für Oma ☃');
    await storage.createContainer('日本語');
    expect((await storage.listContainers()).map((container) => container.name)).toEqual(['Fotos für Oma ☃', '日本語']);
    // Nothing escaped the storage folder: the root holds it alone, and it holds the two containers alone.
    expect(readdirSync(root)).toEqual(['storage']);
    expect(readdirSync(join(root, 'storage')).sort()).toEqual(['Fotos für Oma ☃', '日本語']);
  });
});

describe('object names', () => {
  it.each([
    ['../x'], ['../../etc/passwd'], ['/etc/passwd'], ['a/../../x'], ['a/./b'], ['a//b'], ['a/'], ['.'], ['..'], ['a\0b'], ['a\\..\\b'], ['.multicloud/meta/x'],
    ['x'.repeat(256)], ['a/'.repeat(600)],
  ])('refuses %j with ValidationError naming the argument', async (name) => {
    const container = await storage.createContainer(`objects-${Math.random().toString(36).slice(2)}`);
    const check = (argument: string) => (error: unknown) => ValidationError.isInstance(error) && error.argument === argument;
    await expect(storage.uploadObjectFromStream(body(), container, name)).rejects.toSatisfy(check('objectName'));
    await expect(storage.getObject(container.name, name)).rejects.toSatisfy(check('objectName'));
    const forged = stampProvider({ name, size: 1, hash: '', metadata: {}, containerName: container.name, extra: {} }, 'local') as StorageObject;
    await expect(storage.deleteObject(forged)).rejects.toSatisfy(check('object.name'));
    await expect(storage.downloadObjectAsStream(forged)).rejects.toSatisfy(check('object.name'));
    expect(existsSync(join(root, 'x'))).toBe(false);
    expect(existsSync(join(root, 'storage', 'x'))).toBe(false);
  });

  it('stores names with spaces, Unicode and folders as nested files', async () => {
    const container = await storage.createContainer('nested');
    const names = ['top.txt', 'a b/c d/ë ☃.txt', '日本/語.md', '.env', 'emoji/🎉.bin'];
    for (const name of names) await storage.uploadObjectFromStream(body(), container, name);
    for (const name of names) expect(existsSync(join(root, 'storage', 'nested', ...name.split('/')))).toBe(true);
    const listed = (await storage.listObjects(container)).map((object) => object.name);
    expect(listed.sort()).toEqual([...names].sort());
    expect((await storage.getObject('nested', 'a b/c d/ë ☃.txt')).contentType).toBe('text/plain');
  });

  it('reports a name that collides with a folder of other objects as a ValidationError, changing nothing', async () => {
    const container = await storage.createContainer('collide');
    await storage.uploadObjectFromStream(body(), container, 'a/b');
    await storage.uploadObjectFromStream(body(), container, 'c');
    await expect(storage.uploadObjectFromStream(body(), container, 'a')).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && /collides/.test(error.message));
    await expect(storage.uploadObjectFromStream(body(), container, 'c/d')).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && /collides/.test(error.message));
    expect((await storage.listObjects(container)).map((object) => object.name)).toEqual(['a/b', 'c']);
    expect(readdirSync(join(root, 'storage', 'collide', '.multicloud', 'tmp'))).toEqual([]);
  });
});
