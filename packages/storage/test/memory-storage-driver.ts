/**
 * An in-memory storage driver: a TEST DOUBLE, not a provider. It shows the shape of the `StorageDriver` contract in
 * its smallest correct form — containers and objects kept in Maps, MD5 hashes, user metadata, prefix listings,
 * range reads with an exclusive end, the typed not-found / exists / not-empty errors, file uploads and downloads,
 * stamped models, and `UnsupportedOperationError` for the features it lacks (temporary URLs, CDN).
 * Deterministic: modification times come from a counter on a fixed epoch.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { UnsupportedOperationError, ValidationError, assertNonEmptyString, collect, paginate, providerOf, stampProvider } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
  type ByteRange,
  type CallOptions,
  type Container,
  type DownloadOptions,
  type StorageDriver,
  type StorageFeatures,
  type StorageObject,
  type UploadOptions,
  type UploadSource,
} from '@multicloud/storage';

/** The provider id of the in-memory driver. */
export const MEMORY = 'memory';

const PAGE_SIZE = 2;
const EPOCH_MS = Date.UTC(2024, 0, 1);
/** S3-like rules: 3–63 characters, lower-case letters, digits, dots and dashes, starting and ending alphanumeric. */
const CONTAINER_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const CONTENT_TYPES: Readonly<Record<string, string>> = { txt: 'text/plain', json: 'application/json', html: 'text/html', png: 'image/png' };

type PrefixOptions = CallOptions & { readonly prefix?: string | undefined };
interface Stored { readonly model: StorageObject; readonly bytes: Buffer }
interface Bucket { readonly model: Container; readonly objects: Map<string, Stored> }

const notFound = (kind: typeof ContainerDoesNotExistError | typeof ObjectDoesNotExistError, what: string) =>
  new kind({ provider: MEMORY, status: 404, providerMessage: `${what} does not exist` });

/** A method body for an operation `features` says is absent. */
const absent = (operation: string) => async (): Promise<never> => {
  throw new UnsupportedOperationError({ provider: MEMORY, operation });
};

/** Refuses a model another provider made (storage models have no id, so core's `assertOwnModel` does not apply). */
function assertOwn(argument: string, model: object | undefined): void {
  if (typeof model !== 'object' || model === null) throw new ValidationError(argument, 'is required');
  const owner = providerOf(model);
  if (owner !== undefined && owner !== MEMORY) throw new ValidationError(argument, `comes from provider "${owner}", not "${MEMORY}"`);
}

async function readSource(source: UploadSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(Buffer.from(part.value));
  } else {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The in-memory reference implementation of {@link StorageDriver}. */
export class MemoryStorageDriver implements StorageDriver {
  readonly provider: string = MEMORY;
  readonly features: StorageFeatures = Object.freeze({ temporaryUrls: false, cdn: false });

  protected readonly buckets = new Map<string, Bucket>();
  private clock = 0;

  async listContainers(options?: CallOptions): Promise<Container[]> {
    return collect(this.iterateContainers(options));
  }

  iterateContainers(options?: CallOptions): AsyncIterable<Container> {
    return this.pages(options, () => [...this.buckets.values()].map((bucket) => bucket.model));
  }

  async getContainer(name: string, options?: CallOptions): Promise<Container> {
    return this.bucket(name, options).model;
  }

  async createContainer(name: string, options?: CallOptions): Promise<Container> {
    options?.signal?.throwIfAborted();
    assertNonEmptyString('name', name);
    if (!CONTAINER_NAME.test(name)) throw new InvalidContainerNameError({ provider: MEMORY, status: 400, providerMessage: `invalid container name "${name}"` });
    if (this.buckets.has(name)) throw new ContainerAlreadyExistsError({ provider: MEMORY, status: 409, providerMessage: `container ${name} already exists` });
    const model = stampProvider<Container>({ name, extra: Object.freeze({ createdAt: this.tick().toISOString() }) }, MEMORY);
    this.buckets.set(name, { model, objects: new Map() });
    return model;
  }

  async deleteContainer(container: Container, options?: CallOptions): Promise<void> {
    assertOwn('container', container);
    const bucket = this.bucket(container.name, options);
    if (bucket.objects.size > 0) throw new ContainerIsNotEmptyError({ provider: MEMORY, status: 409, providerMessage: `container ${container.name} is not empty` });
    this.buckets.delete(container.name);
  }

  async listObjects(container: Container, options?: PrefixOptions): Promise<StorageObject[]> {
    return collect(this.iterateObjects(container, options));
  }

  iterateObjects(container: Container, options?: PrefixOptions): AsyncIterable<StorageObject> {
    const prefix = options?.prefix ?? '';
    return this.pages(options, () => {
      assertOwn('container', container);
      return [...this.bucket(container.name).objects.values()]
        .map((stored) => stored.model)
        .filter((object) => object.name.startsWith(prefix))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  }

  async getObject(containerName: string, objectName: string, options?: CallOptions): Promise<StorageObject> {
    return this.stored(containerName, objectName, options).model;
  }

  async uploadObject(filePath: string, container: Container, objectName: string, options?: UploadOptions): Promise<StorageObject> {
    assertNonEmptyString('filePath', filePath);
    return this.put(await readFile(filePath), container, objectName, options);
  }

  async uploadObjectFromStream(source: UploadSource, container: Container, objectName: string, options?: UploadOptions): Promise<StorageObject> {
    return this.put(await readSource(source), container, objectName, options);
  }

  async downloadObject(object: StorageObject, destinationPath: string, options?: DownloadOptions): Promise<void> {
    assertNonEmptyString('destinationPath', destinationPath);
    const { bytes } = this.stored(object.containerName, object.name, options, object);
    try {
      await writeFile(destinationPath, bytes, { flag: options?.overwrite ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ValidationError('destinationPath', `${destinationPath} exists; pass overwrite: true to replace it`, { cause: error });
      if (options?.deleteOnFailure !== false) await rm(destinationPath, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  async downloadObjectAsStream(object: StorageObject, options?: CallOptions & { readonly range?: ByteRange | undefined }): Promise<Readable> {
    const { bytes } = this.stored(object.containerName, object.name, options, object);
    const { start, end = bytes.length } = options?.range ?? { start: 0 };
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > bytes.length) {
      throw new ValidationError('options.range', `must satisfy 0 ≤ start ≤ end ≤ ${bytes.length} (end exclusive), got ${start}..${end}`);
    }
    return Readable.from([bytes.subarray(start, end)]);
  }

  async deleteObject(object: StorageObject, options?: CallOptions): Promise<void> {
    this.stored(object.containerName, object.name, options, object);
    this.bucket(object.containerName).objects.delete(object.name);
  }

  readonly getObjectTemporaryUrl: StorageDriver['getObjectTemporaryUrl'] = absent('getObjectTemporaryUrl');
  readonly enableContainerCdn: StorageDriver['enableContainerCdn'] = absent('enableContainerCdn');
  readonly getObjectCdnUrl: StorageDriver['getObjectCdnUrl'] = absent('getObjectCdnUrl');

  private put(bytes: Buffer, container: Container, objectName: string, options: UploadOptions | undefined): StorageObject {
    assertOwn('container', container);
    assertNonEmptyString('objectName', objectName);
    const bucket = this.bucket(container.name, options);
    const metadata = Object.fromEntries(Object.entries(options?.metadata ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
    const model = stampProvider<StorageObject>({
      name: objectName,
      size: bytes.length,
      hash: createHash('md5').update(bytes).digest('hex'),
      contentType: options?.contentType ?? CONTENT_TYPES[objectName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream',
      lastModified: this.tick(),
      metadata: Object.freeze(metadata),
      containerName: container.name,
      extra: Object.freeze({}),
    }, MEMORY);
    bucket.objects.set(objectName, { model, bytes: Buffer.from(bytes) });
    return model;
  }

  private bucket(name: string, options?: CallOptions): Bucket {
    options?.signal?.throwIfAborted();
    const bucket = this.buckets.get(name);
    if (!bucket) throw notFound(ContainerDoesNotExistError, `container ${name}`);
    return bucket;
  }

  private stored(containerName: string, objectName: string, options?: CallOptions, model?: StorageObject): Stored {
    if (model !== undefined) assertOwn('object', model);
    const stored = this.bucket(containerName, options).objects.get(objectName);
    if (!stored) throw notFound(ObjectDoesNotExistError, `object ${objectName} in container ${containerName}`);
    return stored;
  }

  /** Pages over a snapshot taken when iteration starts, `PAGE_SIZE` items at a time (token = offset). */
  private pages<T>(options: CallOptions | undefined, snapshot: () => T[]): AsyncIterable<T> {
    let all: T[] | undefined;
    return paginate(async (token) => {
      options?.signal?.throwIfAborted();
      all ??= snapshot();
      const start = Number(token ?? 0);
      return { items: all.slice(start, start + PAGE_SIZE), next: start + PAGE_SIZE < all.length ? String(start + PAGE_SIZE) : undefined };
    });
  }

  private tick(): Date {
    return new Date(EPOCH_MS + ++this.clock * 1000);
  }
}
