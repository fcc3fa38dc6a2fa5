import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { check, checkRejects, type ConformanceCheck } from '@multicloud/core/testing';
import { ContainerDoesNotExistError, ContainerIsNotEmptyError, ObjectDoesNotExistError } from '../storage-errors.js';
import type { StorageDriver } from '../storage-driver.js';

/** What the storage kit needs to know about the driver under test. */
export interface StorageConformanceOptions {
  /** Provider id the driver must report. */
  readonly provider: string;
  /**
   * Builds a driver wired to replay recordings or a live test server. Called once per check, and the checks form
   * one round trip (create, upload, read, delete), so every driver it returns must see the same storage.
   */
  readonly createDriver: () => StorageDriver | Promise<StorageDriver>;
  /** Container the round trip creates and deletes. Default `multicloud-conformance`. */
  readonly containerName?: string | undefined;
  /** Object name used by the round trip (include a space and non-ASCII to prove encoding). Default `dir/hello wörld.txt`. */
  readonly objectName?: string | undefined;
  /** The object's bytes. Default: a short text. */
  readonly content?: Uint8Array | undefined;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * The portable behaviour every storage driver must show: a container and object round trip with byte-exact
 * content, hashes, range reads and the typed not-found / not-empty errors. Checks run in order and share state
 * (the round trip), so run them all.
 */
export function storageConformanceChecks(options: StorageConformanceOptions): ConformanceCheck[] {
  const containerName = options.containerName ?? 'multicloud-conformance';
  const objectName = options.objectName ?? 'dir/hello wörld.txt';
  const content = Buffer.from(options.content ?? new TextEncoder().encode('Hello World from multicloud!\n'));
  const md5 = createHash('md5').update(content).digest('hex');
  const step = (name: string, run: (driver: StorageDriver) => Promise<void>): ConformanceCheck => ({
    name,
    run: async () => run(await options.createDriver()),
  });

  return [
    step('reports its provider id', async (driver) => {
      check(driver.provider === options.provider, `provider must be "${options.provider}", got "${driver.provider}"`);
    }),
    step('creates a container and finds it', async (driver) => {
      const created = await driver.createContainer(containerName);
      check(created.name === containerName, `created container must be named ${containerName}`);
      check((await driver.getContainer(containerName)).name === containerName, 'getContainer must find the new container');
      check((await driver.listContainers()).some((container) => container.name === containerName), 'listContainers must include it');
    }),
    step('uploads a stream and describes the object', async (driver) => {
      const container = await driver.getContainer(containerName);
      const uploaded = await driver.uploadObjectFromStream(Readable.from([content]), container, objectName, { metadata: { purpose: 'conformance' } });
      check(uploaded.name === objectName && uploaded.size === content.length, `uploaded object must be ${objectName} with ${content.length} bytes`);
      const described = await driver.getObject(containerName, objectName);
      check(described.size === content.length, `getObject size must be ${content.length}, got ${described.size}`);
      check(described.hash === md5, `getObject hash must be the MD5 ${md5}, got ${described.hash}`);
      check(described.metadata.purpose === 'conformance', 'metadata must round-trip');
      const listed = await driver.listObjects(container, { prefix: objectName.split('/')[0] });
      check(listed.some((object) => object.name === objectName), 'listObjects with a prefix must include the object');
    }),
    step('downloads the object byte-exact, whole and as a range', async (driver) => {
      const object = await driver.getObject(containerName, objectName);
      check((await readAll(await driver.downloadObjectAsStream(object))).equals(content), 'downloaded bytes must equal uploaded bytes');
      const range = await readAll(await driver.downloadObjectAsStream(object, { range: { start: 1, end: 4 } }));
      check(range.equals(content.subarray(1, 4)), `range {1,4} must be bytes 1..3, got ${JSON.stringify(range.toString())}`);
    }),
    step('refuses to delete a container that is not empty', async (driver) => {
      const container = await driver.getContainer(containerName);
      await checkRejects(() => driver.deleteContainer(container), (error) => ContainerIsNotEmptyError.isInstance(error), 'deleteContainer on a non-empty container');
    }),
    step('deletes the object, then reports it missing', async (driver) => {
      await driver.deleteObject(await driver.getObject(containerName, objectName));
      await checkRejects(() => driver.getObject(containerName, objectName), (error) => ObjectDoesNotExistError.isInstance(error), 'getObject after delete');
    }),
    step('deletes the container, then reports it missing', async (driver) => {
      await driver.deleteContainer(await driver.getContainer(containerName));
      await checkRejects(() => driver.getContainer(containerName), (error) => ContainerDoesNotExistError.isInstance(error), 'getContainer after delete');
    }),
  ];
}
