import { createReadStream } from 'node:fs';
import { UnsupportedOperationError, ValidationError, assertOwnModel, collect } from '@multicloud/core';
import { toByteIterable, writeStreamToFile, type Container, type StorageDriver, type StorageFeatures, type StorageObject } from '@multicloud/storage';
import { S3, s3Container } from './convert-s3-models.js';
import { createS3Client, type S3Settings } from './s3-client.js';
import { downloadS3Stream } from './s3-download.js';
import { getS3Object, iterateS3Objects, listS3Buckets } from './s3-objects.js';
import { DEFAULT_PART_SIZE, MIN_PART_SIZE, uploadS3Stream } from './s3-upload.js';
import { checkBucketName, checkObjectKey } from './s3-validation.js';

/** The S3 storage driver. */
export interface S3StorageDriver extends StorageDriver {
  /** The region in force. */
  readonly region: string;
}

// Marked pure so a bundle that never creates an S3 driver drops it (top-level calls are otherwise kept).
const FEATURES: StorageFeatures = /* @__PURE__ */ Object.freeze({ temporaryUrls: true, cdn: false });

/**
 * Creates an S3 storage driver (AWS, or any S3-compatible service through `endpoint`). No I/O until the first call.
 *
 * @example
 * ```ts
 * const s3 = createS3Storage({ region: 'eu-west-1' });
 * const bucket = await s3.getContainer('my-bucket');
 * await s3.uploadObject('./report.pdf', bucket, 'reports/2026/report.pdf');
 * ```
 * @throws ValidationError for a bad region, endpoint, credential, part size or concurrency
 */
export function createS3Storage(settings: S3Settings = {}): S3StorageDriver {
  const partSize = settings.partSize ?? DEFAULT_PART_SIZE;
  const concurrency = settings.partConcurrency ?? 4;
  if (!Number.isInteger(partSize) || partSize < MIN_PART_SIZE) throw new ValidationError('partSize', `must be a whole number of bytes ≥ ${MIN_PART_SIZE} (5 MiB)`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ValidationError('partConcurrency', 'must be a whole number ≥ 1');
  const client = createS3Client(settings);
  const own = (argument: string, model: Container | StorageObject) => {
    assertOwnModel(argument, model, S3);
    checkBucketName('containerName' in model ? model.containerName : model.name);
  };

  const driver: S3StorageDriver = {
    provider: S3,
    region: client.region,
    features: FEATURES,
    listContainers: (options) => listS3Buckets(client, options),
    iterateContainers: (options) => ({ async *[Symbol.asyncIterator]() { yield* await listS3Buckets(client, options); } }),
    async getContainer(name, options) {
      checkBucketName(name);
      const response = await client.request({ method: 'GET', bucket: name, query: 'list-type=2&max-keys=0', signal: options?.signal });
      return s3Container(name, { region: response.headers['x-amz-bucket-region'] });
    },
    async createContainer(name, options) {
      checkBucketName(name);
      const body = client.region === 'us-east-1' ? undefined
        : `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${client.region}</LocationConstraint></CreateBucketConfiguration>`;
      await client.request({ method: 'PUT', bucket: name, body, signal: options?.signal, idempotent: false });
      return s3Container(name, { region: client.region });
    },
    async deleteContainer(container, options) {
      own('container', container);
      await client.request({ method: 'DELETE', bucket: container.name, signal: options?.signal });
    },
    listObjects: (container, options) => collect(iterateS3Objects(client, container.name, options)),
    iterateObjects: (container, options) => iterateS3Objects(client, container.name, options),
    async getObject(containerName, objectName, options) {
      checkBucketName(containerName);
      checkObjectKey('objectName', objectName);
      return getS3Object(client, containerName, objectName, options);
    },
    async uploadObject(filePath, container, objectName, options = {}) {
      return driver.uploadObjectFromStream(createReadStream(filePath, { highWaterMark: 1 << 20 }), container, objectName, options);
    },
    async uploadObjectFromStream(source, container, objectName, options = {}) {
      own('container', container);
      checkObjectKey('objectName', objectName);
      return uploadS3Stream(client, toByteIterable(source), container.name, objectName, { ...options, partSize, concurrency });
    },
    async downloadObject(object, destinationPath, options = {}) {
      own('object', object);
      const stream = await downloadS3Stream(client, object, { signal: options.signal });
      await writeStreamToFile(stream, destinationPath, { provider: S3, objectName: object.name, expectedSize: object.size, ...options });
    },
    async downloadObjectAsStream(object, options) {
      own('object', object);
      return downloadS3Stream(client, object, options);
    },
    async deleteObject(object, options) {
      own('object', object);
      await client.request({ method: 'DELETE', bucket: object.containerName, key: object.name, signal: options?.signal });
    },
    async getObjectTemporaryUrl(object, options) {
      own('object', object);
      return client.presign(options.method ?? 'GET', object.containerName, object.name, options.expiresInSeconds);
    },
    enableContainerCdn: async () => {
      throw new UnsupportedOperationError({ provider: S3, operation: 'enableContainerCdn', reason: 'S3 has no CDN of its own; use CloudFront' });
    },
    getObjectCdnUrl: async () => {
      throw new UnsupportedOperationError({ provider: S3, operation: 'getObjectCdnUrl', reason: 'S3 has no CDN of its own; use CloudFront' });
    },
  };
  return driver;
}
