import { rmdir, rm, stat, unlink } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { ValidationError, paginate } from '@multicloud/core';
import { ObjectDoesNotExistError, type CallOptions, type StorageObject } from '@multicloud/storage';
import { assertContainer } from './local-containers.js';
import type { StorageLayout } from './local-names.js';
import { describeObject } from './local-sidecar.js';
import { isMissing, noSuchObject } from './local-storage-errors.js';
import { walkObjectNames } from './local-walk.js';

/** Default number of objects per page of `iterateObjects`. */
export const DEFAULT_PAGE_SIZE = 1000;

/** Options of the object listings. */
export type ListObjectsOptions = CallOptions & { readonly prefix?: string | undefined };

/**
 * Iterates the objects of a container in UTF-8 byte order of their names, one page of `pageSize` names at a time
 * (the page token is the last name), describing each from its sidecar. Objects deleted while listing are skipped.
 * @throws ValidationError for a prefix that is not a string or contains NUL (at once)
 * @throws ContainerDoesNotExistError when the container is missing (on the first page)
 */
export function iterateLocalObjects(layout: StorageLayout, containerName: string, options: ListObjectsOptions, pageSize: number): AsyncIterable<StorageObject> {
  const prefix = options.prefix ?? '';
  if (typeof prefix !== 'string' || prefix.includes('\0')) throw new ValidationError('options.prefix', 'must be a string without NUL');
  return paginate(async (token) => {
    options.signal?.throwIfAborted();
    if (token === undefined) await assertContainer(layout, containerName);
    const names: string[] = [];
    for await (const name of walkObjectNames(layout.container(containerName), { prefix, after: token })) {
      names.push(name);
      if (names.length === pageSize) break;
    }
    const items: StorageObject[] = [];
    for (const name of names) {
      try {
        items.push(await describeObject(layout, containerName, name, options.signal));
      } catch (error) {
        if (!ObjectDoesNotExistError.isInstance(error)) throw error;
      }
    }
    return { items, next: names.length === pageSize ? names.at(-1) : undefined };
  });
}

/** Removes the empty folders from `folder` up to (not including) `top`. Stops at the first folder that is not empty. */
async function pruneEmptyFolders(top: string, folder: string): Promise<void> {
  let current = folder;
  while (current.startsWith(`${top}${sep}`)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}

/**
 * Deletes an object's data file and sidecar, then the folders its name leaves empty.
 * @throws ObjectDoesNotExistError, ContainerDoesNotExistError
 */
export async function deleteLocalObject(layout: StorageLayout, containerName: string, objectName: string, options: CallOptions = {}): Promise<void> {
  options.signal?.throwIfAborted();
  const path = layout.object(containerName, objectName);
  try {
    if (!(await stat(path)).isFile()) throw noSuchObject(containerName, objectName);
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
    await assertContainer(layout, containerName);
    throw noSuchObject(containerName, objectName, error);
  }
  const sidecar = layout.sidecar(containerName, objectName);
  await rm(sidecar, { force: true, recursive: true }).catch(() => undefined);
  await pruneEmptyFolders(layout.container(containerName), dirname(path));
  await pruneEmptyFolders(layout.sidecars(containerName), dirname(sidecar));
}
