import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UnsupportedOperationError, ValidationError, assertNonEmptyString, assertOwnModel, collect, paginate } from '@multicloud/core';
import { toByteIterable, writeStreamToFile, type Container, type StorageDriver, type StorageFeatures, type StorageObject } from '@multicloud/storage';
import { LOCAL, resolveLocalRoot } from '../local-root.js';
import { createLocalContainer, deleteLocalContainer, getLocalContainer, listLocalContainers } from './local-containers.js';
import { openLocalObject } from './local-download.js';
import { checkContainerName, checkObjectName, storageLayout } from './local-names.js';
import { DEFAULT_PAGE_SIZE, deleteLocalObject, iterateLocalObjects } from './local-objects.js';
import { describeObject } from './local-sidecar.js';
import { checkUploadOptions, uploadLocalObject } from './local-upload.js';

/** Settings of {@link createLocalStorage}. */
export interface LocalStorageSettings {
  /**
   * The root directory; containers are folders under `<root>/storage`. Default: the `MULTICLOUD_LOCAL_ROOT`
   * environment variable, else `<os temp dir>/multicloud-local`. Created on first use.
   */
  readonly root?: string | undefined;
  /** Objects per page of `iterateObjects` (1–10000). Default 1000. */
  readonly pageSize?: number | undefined;
}

/** The local storage driver: containers are folders, objects are files. */
export interface LocalStorageDriver extends StorageDriver {
  /** The absolute root directory in force. */
  readonly root: string;
}

const FEATURES: StorageFeatures = Object.freeze({ temporaryUrls: false, cdn: false });

const NO_URLS = 'local storage is not served over HTTP; read objects with downloadObject or downloadObjectAsStream';
const NO_CDN = 'local storage has no CDN';

/**
 * Creates a local storage driver: containers are folders under `<root>/storage`, objects are files (a `/` in a name
 * is a sub-folder), each with a sidecar holding its MD5, content type and metadata. Uploads are atomic. No I/O happens
 * until the first call.
 *
 * @example
 * ```ts
 * const storage = createLocalStorage({ root: './.cloud' });
 * const container = await storage.createContainer('photos');
 * await storage.uploadObject('./cat.jpg', container, '2026/cat.jpg');
 * ```
 * @throws ValidationError for a bad `root` or `pageSize`
 */
export function createLocalStorage(settings: LocalStorageSettings = {}): LocalStorageDriver {
  const root = resolveLocalRoot(settings.root);
  const pageSize = settings.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) throw new ValidationError('pageSize', 'must be a whole number from 1 to 10000');
  const layout = storageLayout(root);
  const ownContainer = (container: Container): void => {
    assertOwnModel('container', container, LOCAL);
    checkContainerName(container.name);
  };
  const ownObject = (object: StorageObject): void => {
    assertOwnModel('object', object, LOCAL);
    checkContainerName(object.containerName);
    checkObjectName('object.name', object.name);
  };

  const driver: LocalStorageDriver = {
    provider: LOCAL,
    root,
    features: FEATURES,
    listContainers: (options) => listLocalContainers(layout, options),
    iterateContainers: (options) => paginate(async () => ({ items: await listLocalContainers(layout, options) })),
    getContainer: (name, options) => getLocalContainer(layout, name, options),
    createContainer: (name, options) => createLocalContainer(layout, name, options),
    async deleteContainer(container, options) {
      ownContainer(container);
      await deleteLocalContainer(layout, container.name, options);
    },
    listObjects: async (container, options = {}) => {
      ownContainer(container);
      return collect(iterateLocalObjects(layout, container.name, options, pageSize));
    },
    iterateObjects(container, options = {}) {
      ownContainer(container);
      return iterateLocalObjects(layout, container.name, options, pageSize);
    },
    async getObject(containerName, objectName, options = {}) {
      checkContainerName(containerName);
      checkObjectName('objectName', objectName);
      options.signal?.throwIfAborted();
      return describeObject(layout, containerName, objectName, options.signal);
    },
    async uploadObject(filePath, container, objectName, options = {}) {
      assertNonEmptyString('filePath', filePath);
      const stats = await stat(filePath).catch(() => undefined);
      if (!stats?.isFile()) throw new ValidationError('filePath', `${filePath} is not a readable file`);
      return driver.uploadObjectFromStream(createReadStream(filePath, { highWaterMark: 1 << 20 }), container, objectName, options);
    },
    async uploadObjectFromStream(source, container, objectName, options = {}) {
      ownContainer(container);
      checkObjectName('objectName', objectName);
      const checked = checkUploadOptions(options);
      return uploadLocalObject(layout, toByteIterable(source), container.name, objectName, { ...checked, signal: options.signal });
    },
    async downloadObject(object, destinationPath, options = {}) {
      ownObject(object);
      assertNonEmptyString('destinationPath', destinationPath);
      const stream = await openLocalObject(layout, object.containerName, object.name, { signal: options.signal });
      try {
        await writeStreamToFile(stream, destinationPath, { provider: LOCAL, objectName: object.name, expectedSize: object.size, expectedHash: object.hash, ...options });
      } finally {
        stream.destroy();
      }
    },
    async downloadObjectAsStream(object, options = {}) {
      ownObject(object);
      return openLocalObject(layout, object.containerName, object.name, options);
    },
    async deleteObject(object, options) {
      ownObject(object);
      await deleteLocalObject(layout, object.containerName, object.name, options);
    },
    getObjectTemporaryUrl: async () => {
      throw new UnsupportedOperationError({ provider: LOCAL, operation: 'getObjectTemporaryUrl', reason: NO_URLS });
    },
    enableContainerCdn: async () => {
      throw new UnsupportedOperationError({ provider: LOCAL, operation: 'enableContainerCdn', reason: NO_CDN });
    },
    getObjectCdnUrl: async () => {
      throw new UnsupportedOperationError({ provider: LOCAL, operation: 'getObjectCdnUrl', reason: NO_CDN });
    },
  };
  return driver;
}
