import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallOptions, Container } from '@multicloud/storage';
import { localContainer } from './convert-local-models.js';
import { RESERVED_FOLDER, checkContainerName, isContainerName, type StorageLayout } from './local-names.js';
import { errnoCode, isMissing, localStorageError, noSuchContainer } from './local-storage-errors.js';
import { walkObjectNames } from './local-walk.js';

/** Checks that a container's folder exists. @throws ContainerDoesNotExistError */
export async function assertContainer(layout: StorageLayout, name: string): Promise<void> {
  const stats = await stat(layout.container(name)).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw error;
  });
  if (!stats?.isDirectory()) throw noSuchContainer(name);
}

/** Whether a container holds at least one object. */
async function holdsObjects(layout: StorageLayout, name: string): Promise<boolean> {
  for await (const objectName of walkObjectNames(layout.container(name))) return objectName !== '';
  return false;
}

/** Lists the containers: the folders under `<root>/storage` with valid container names, sorted by name. */
export async function listLocalContainers(layout: StorageLayout, options: CallOptions = {}): Promise<Container[]> {
  options.signal?.throwIfAborted();
  const entries = await readdir(layout.storageDir, { withFileTypes: true }).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory() && isContainerName(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => localContainer(name, layout.container(name)));
}

/** Gets a container. @throws InvalidContainerNameError, ContainerDoesNotExistError */
export async function getLocalContainer(layout: StorageLayout, name: string, options: CallOptions = {}): Promise<Container> {
  checkContainerName(name);
  options.signal?.throwIfAborted();
  await assertContainer(layout, name);
  return localContainer(name, layout.container(name));
}

/** Creates a container folder (and its `.multicloud` folder). @throws InvalidContainerNameError, ContainerAlreadyExistsError */
export async function createLocalContainer(layout: StorageLayout, name: string, options: CallOptions = {}): Promise<Container> {
  checkContainerName(name);
  options.signal?.throwIfAborted();
  await mkdir(layout.storageDir, { recursive: true });
  try {
    await mkdir(layout.container(name));
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw localStorageError('ContainerAlreadyExists', `container ${JSON.stringify(name)} already exists`, error);
    throw error;
  }
  await mkdir(join(layout.container(name), RESERVED_FOLDER), { recursive: true });
  return localContainer(name, layout.container(name));
}

/**
 * Deletes an empty container: its folder is first renamed to a hidden name (so it disappears at once), then removed.
 * Empty folders do not count as content.
 * @throws ContainerDoesNotExistError, ContainerIsNotEmptyError
 */
export async function deleteLocalContainer(layout: StorageLayout, name: string, options: CallOptions = {}): Promise<void> {
  checkContainerName(name);
  options.signal?.throwIfAborted();
  await assertContainer(layout, name);
  if (await holdsObjects(layout, name)) throw localStorageError('ContainerNotEmpty', `container ${JSON.stringify(name)} is not empty`);
  const doomed = join(layout.storageDir, `.deleted-${randomBytes(8).toString('hex')}`);
  try {
    await rename(layout.container(name), doomed);
  } catch (error) {
    if (isMissing(error)) throw noSuchContainer(name, error);
    throw error;
  }
  await rm(doomed, { recursive: true, force: true, maxRetries: 3 });
}
