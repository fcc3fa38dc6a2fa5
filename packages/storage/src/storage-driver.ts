import type { Readable } from 'node:stream';
import type { Container, StorageObject } from './models.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call, including waits between retries and streaming. */
  readonly signal?: AbortSignal | undefined;
}

/** Anything a stream upload accepts: a Node `Readable`, a web `ReadableStream`, or any async iterable of bytes. */
export type UploadSource = Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of the uploads. */
export interface UploadOptions extends CallOptions {
  /** Content type; default: guessed from the object name. */
  readonly contentType?: string | undefined;
  /** User metadata to store with the object. */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
  /** Compare the MD5 computed while streaming with the provider's ETag (default true). */
  readonly verifyHash?: boolean | undefined;
}

/** Options of `downloadObject`. */
export interface DownloadOptions extends CallOptions {
  /** Replace an existing file (default false: an existing file is an error). */
  readonly overwrite?: boolean | undefined;
  /** Remove the partial file when the download fails (default true). */
  readonly deleteOnFailure?: boolean | undefined;
}

/** A byte range; `end` is exclusive, as in `Array.prototype.slice`: `{ start: 4, end: 7 }` reads bytes 4, 5, 6. */
export interface ByteRange {
  /** First byte, from 0. */
  readonly start: number;
  /** One past the last byte; default: to the end. */
  readonly end?: number | undefined;
}

/** Which optional operations a storage driver offers. */
export interface StorageFeatures {
  /** `getObjectTemporaryUrl`. */
  readonly temporaryUrls: boolean;
  /** `enableContainerCdn` and `getObjectCdnUrl`. */
  readonly cdn: boolean;
}

/** The portable storage API every storage driver implements. */
export interface StorageDriver {
  /** Provider id, e.g. `s3`. */
  readonly provider: string;
  /** Which optional operations this driver offers. */
  readonly features: StorageFeatures;

  /** Lists all containers (following pages). */
  listContainers(options?: CallOptions): Promise<Container[]>;
  /** Iterates containers, fetching pages as needed. */
  iterateContainers(options?: CallOptions): AsyncIterable<Container>;
  /** Gets a container. @throws ContainerDoesNotExistError */
  getContainer(name: string, options?: CallOptions): Promise<Container>;
  /** Creates a container. @throws ContainerAlreadyExistsError, InvalidContainerNameError */
  createContainer(name: string, options?: CallOptions): Promise<Container>;
  /** Deletes an empty container. @throws ContainerIsNotEmptyError */
  deleteContainer(container: Container, options?: CallOptions): Promise<void>;

  /** Lists all objects of a container, optionally under a prefix. */
  listObjects(container: Container, options?: CallOptions & { readonly prefix?: string | undefined }): Promise<StorageObject[]>;
  /** Iterates the objects of a container, fetching pages as needed. */
  iterateObjects(container: Container, options?: CallOptions & { readonly prefix?: string | undefined }): AsyncIterable<StorageObject>;
  /** Gets an object's description (no body). @throws ObjectDoesNotExistError */
  getObject(containerName: string, objectName: string, options?: CallOptions): Promise<StorageObject>;

  /** Uploads a file. @throws ObjectHashMismatchError */
  uploadObject(filePath: string, container: Container, objectName: string, options?: UploadOptions): Promise<StorageObject>;
  /** Uploads a stream without buffering it; large or unknown-length bodies go multipart/segmented. */
  uploadObjectFromStream(source: UploadSource, container: Container, objectName: string, options?: UploadOptions): Promise<StorageObject>;
  /** Downloads to a file, checking size (and hash where possible). */
  downloadObject(object: StorageObject, destinationPath: string, options?: DownloadOptions): Promise<void>;
  /** Downloads as a stream, optionally a byte range. */
  downloadObjectAsStream(object: StorageObject, options?: CallOptions & { readonly range?: ByteRange | undefined }): Promise<Readable>;
  /** Deletes an object. @throws ObjectDoesNotExistError */
  deleteObject(object: StorageObject, options?: CallOptions): Promise<void>;

  /** A URL that grants access to the object without credentials until it expires (see `features.temporaryUrls`). */
  getObjectTemporaryUrl(object: StorageObject, options: CallOptions & { readonly expiresInSeconds: number; readonly method?: 'GET' | 'PUT' | undefined }): Promise<string>;
  /** Publishes a container through the provider's CDN (see `features.cdn`). */
  enableContainerCdn(container: Container, options?: CallOptions): Promise<void>;
  /** The public CDN URL of an object in a CDN-enabled container. */
  getObjectCdnUrl(object: StorageObject, options?: CallOptions): Promise<string>;
}
