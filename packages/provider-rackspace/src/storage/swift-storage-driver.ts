import { createReadStream } from 'node:fs';
import { UnsupportedOperationError, assertOwnModel, collect } from '@multicloud/core';
import { toByteIterable, writeStreamToFile, type CallOptions, type Container, type StorageDriver, type StorageFeatures, type StorageObject } from '@multicloud/storage';
import { hasContentMd5 } from './convert-swift-models.js';
import { enableSwiftContainerCdn, swiftObjectCdnUrl, type CdnEnableOptions, type CdnUris, type CdnUrlOptions } from './swift-cdn.js';
import type { SwiftClient } from './swift-client.js';
import { downloadSwiftStream } from './swift-download.js';
import { iterateSwiftContainers, iterateSwiftObjects, type ListingPageSize } from './swift-listing.js';
import {
  accountInfo,
  createSwiftContainer,
  deleteSwiftContainer,
  deleteSwiftObject,
  getSwiftContainer,
  getSwiftObject,
  readAccountHeaders,
  type SwiftAccountInfo,
} from './swift-objects.js';
import type { ResolvedSwiftStorageOptions } from './swift-settings.js';
import { setTempUrlKey, swiftTemporaryUrl, type TempUrlKeyState } from './swift-temp-url.js';
import { uploadSwiftStream } from './swift-upload.js';
import { checkContainerName, checkObjectName } from './swift-validation.js';

/** A Swift storage driver (Cloud Files or generic OpenStack Swift): the portable contract plus `ex` methods. */
export interface SwiftStorageDriver extends StorageDriver {
  /** Publishes a container on the CDN (`exTtlSeconds`: the CDN's cache time). Cloud Files only. */
  enableContainerCdn(container: Container, options?: CdnEnableOptions): Promise<void>;
  /** The CDN URL of an object (`exSsl`: the HTTPS one). Cloud Files only. */
  getObjectCdnUrl(object: StorageObject, options?: CdnUrlOptions): Promise<string>;
  /** Sets the account's temp URL key (`X-Account-Meta-Temp-URL-Key`) and signs temp URLs with it from now on. */
  exSetTempUrlKey(key: string, options?: CallOptions): Promise<void>;
  /** The account's container, object and byte counts and its metadata. */
  exGetAccountInfo(options?: CallOptions): Promise<SwiftAccountInfo>;
}

/**
 * The one Swift implementation behind `createCloudFilesStorage` and `createOpenStackSwiftStorage`: containers,
 * paged JSON listings, streamed uploads (single PUT or Static Large Object), verified downloads and range reads,
 * temp URLs and, when the client has a CDN service, the Cloud Files CDN.
 */
export function createSwiftStorageDriver(client: SwiftClient, options: ResolvedSwiftStorageOptions, features: StorageFeatures): SwiftStorageDriver {
  const provider = client.provider;
  const pageSize: ListingPageSize = { value: options.listingLimit };
  const keyState: TempUrlKeyState = { key: options.tempUrlKey };
  const cdnUris: CdnUris = new Map();
  const own = (argument: string, model: Container | StorageObject) => {
    assertOwnModel(argument, model, provider);
    checkContainerName(provider, 'containerName' in model ? model.containerName : model.name);
  };
  const noCdn = (operation: string) => new UnsupportedOperationError({ provider, operation, reason: 'OpenStack Swift has no CDN API of its own (Cloud Files has: use the cloudfiles driver)' });

  const driver: SwiftStorageDriver = {
    provider,
    features,
    listContainers: (call) => collect(iterateSwiftContainers(client, pageSize, call)),
    iterateContainers: (call) => iterateSwiftContainers(client, pageSize, call),
    async getContainer(name, call) {
      checkContainerName(provider, name);
      return getSwiftContainer(client, name, call);
    },
    async createContainer(name, call) {
      checkContainerName(provider, name);
      return createSwiftContainer(client, name, call);
    },
    async deleteContainer(container, call) {
      own('container', container);
      await deleteSwiftContainer(client, container.name, call);
    },
    async listObjects(container, call) {
      own('container', container);
      return collect(iterateSwiftObjects(client, pageSize, container.name, call));
    },
    iterateObjects(container, call) {
      own('container', container);
      return iterateSwiftObjects(client, pageSize, container.name, call);
    },
    async getObject(containerName, objectName, call) {
      checkContainerName(provider, containerName);
      checkObjectName('objectName', objectName);
      return getSwiftObject(client, containerName, objectName, call);
    },
    async uploadObject(filePath, container, objectName, upload = {}) {
      return driver.uploadObjectFromStream(createReadStream(filePath, { highWaterMark: 1 << 20 }), container, objectName, upload);
    },
    async uploadObjectFromStream(source, container, objectName, upload = {}) {
      own('container', container);
      checkObjectName('objectName', objectName);
      return uploadSwiftStream(client, toByteIterable(source), container.name, objectName, {
        ...upload, segmentSize: options.segmentSize, concurrency: options.segmentConcurrency, maxSegments: options.maxSegments,
      });
    },
    async downloadObject(object, destinationPath, download = {}) {
      own('object', object);
      const stream = await downloadSwiftStream(client, object, { signal: download.signal });
      await writeStreamToFile(stream, destinationPath, {
        provider, objectName: object.name, expectedSize: object.size, ...(hasContentMd5(object) ? { expectedHash: object.hash } : {}), ...download,
      });
    },
    async downloadObjectAsStream(object, download) {
      own('object', object);
      return downloadSwiftStream(client, object, download);
    },
    async deleteObject(object, call) {
      own('object', object);
      await deleteSwiftObject(client, object, call);
    },
    async getObjectTemporaryUrl(object, temp) {
      own('object', object);
      return swiftTemporaryUrl(client, keyState, object, temp);
    },
    async enableContainerCdn(container, cdn) {
      if (!features.cdn) throw noCdn('enableContainerCdn');
      own('container', container);
      await enableSwiftContainerCdn(client, container, cdn);
    },
    async getObjectCdnUrl(object, cdn) {
      if (!features.cdn) throw noCdn('getObjectCdnUrl');
      own('object', object);
      return swiftObjectCdnUrl(client, cdnUris, object, cdn);
    },
    exSetTempUrlKey: (key, call) => setTempUrlKey(client, keyState, key, call?.signal),
    exGetAccountInfo: async (call) => accountInfo(await readAccountHeaders(client, call)),
  };
  return driver;
}
