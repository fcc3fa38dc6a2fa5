import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { NotFoundError, stampProvider } from '@multicloud/core';
import { describeConformance, type ConformanceCheck } from '@multicloud/core/testing';
import type { ByteRange, CallOptions, Container, StorageDriver, StorageObject, UploadOptions, UploadSource } from '@multicloud/storage';
import { storageConformanceChecks } from '@multicloud/storage/testing';
import { describe, expect, it } from 'vitest';
import { MEMORY, MemoryStorageDriver } from './memory-storage-driver.js';

type RangeOptions = CallOptions & { readonly range?: ByteRange | undefined };
const CONTENT = 'Hello World from multicloud!\n';

function kit(createDriver: () => StorageDriver): ConformanceCheck[] {
  return storageConformanceChecks({ provider: MEMORY, createDriver });
}

/**
 * The storage kit's checks share state in order, so to run one check against a driver this runs every check before
 * it first (they must pass), then returns the named check's run.
 */
async function runThrough(name: string, driver: StorageDriver): Promise<void> {
  const checks = kit(() => driver);
  const index = checks.findIndex((candidate) => candidate.name === name);
  const target = checks[index];
  if (!target) throw new Error(`the storage kit has no check named "${name}"`);
  for (const earlier of checks.slice(0, index)) await earlier.run();
  await target.run();
}

const shared = new MemoryStorageDriver();
describeConformance('memory storage', kit(() => shared));

describe('the storage kit', () => {
  it('runs its seven steps in order against one driver', async () => {
    const driver = new MemoryStorageDriver();
    const checks = kit(() => driver);
    expect(checks.map((check) => check.name)).toEqual([
      'reports its provider id',
      'creates a container and finds it',
      'uploads a stream and describes the object',
      'downloads the object byte-exact, whole and as a range',
      'refuses to delete a container that is not empty',
      'deletes the object, then reports it missing',
      'deletes the container, then reports it missing',
    ]);
    for (const check of checks) await check.run();
    expect(await driver.listContainers()).toEqual([]);
  });

  it('needs one driver across checks: with a fresh driver per check the upload step finds no container', async () => {
    const fresh = kit(() => new MemoryStorageDriver());
    for (const check of fresh.slice(0, 2)) await check.run();
    await expect(fresh[2]?.run()).rejects.toThrow(/memory: container multicloud-conformance does not exist \(HTTP 404\)/);
  });
});

describe('the storage kit fails a broken driver', () => {
  it('whose provider id is not the expected one', async () => {
    class OtherProvider extends MemoryStorageDriver {
      override readonly provider = 's3';
    }
    await expect(runThrough('reports its provider id', new OtherProvider())).rejects.toThrow(/provider must be "memory", got "s3"/);
  });

  it('whose created container carries another name', async () => {
    class Renaming extends MemoryStorageDriver {
      override async createContainer(name: string): Promise<Container> {
        return stampProvider({ ...(await super.createContainer(name)), name: 'elsewhere' }, MEMORY);
      }
    }
    await expect(runThrough('creates a container and finds it', new Renaming())).rejects.toThrow(/created container must be named multicloud-conformance/);
  });

  it('whose hash is not the MD5 of the bytes', async () => {
    class Sha1Hash extends MemoryStorageDriver {
      override async getObject(containerName: string, objectName: string): Promise<StorageObject> {
        const object = await super.getObject(containerName, objectName);
        return stampProvider({ ...object, hash: createHash('sha1').update(CONTENT).digest('hex') }, MEMORY);
      }
    }
    const md5 = createHash('md5').update(CONTENT).digest('hex');
    await expect(runThrough('uploads a stream and describes the object', new Sha1Hash())).rejects.toThrow(
      new RegExp(`getObject hash must be the MD5 ${md5}, got [0-9a-f]{40}`),
    );
  });

  it('that drops user metadata', async () => {
    class DropsMetadata extends MemoryStorageDriver {
      override async uploadObjectFromStream(source: UploadSource, container: Container, objectName: string, options?: UploadOptions): Promise<StorageObject> {
        return super.uploadObjectFromStream(source, container, objectName, { ...options, metadata: undefined });
      }
    }
    await expect(runThrough('uploads a stream and describes the object', new DropsMetadata())).rejects.toThrow(/metadata must round-trip/);
  });

  it('whose prefix listing only matches whole names', async () => {
    class WholeNamePrefix extends MemoryStorageDriver {
      override async listObjects(container: Container, options?: CallOptions & { readonly prefix?: string | undefined }): Promise<StorageObject[]> {
        return (await super.listObjects(container)).filter((object) => options?.prefix === undefined || object.name === options.prefix);
      }
    }
    await expect(runThrough('uploads a stream and describes the object', new WholeNamePrefix())).rejects.toThrow(/listObjects with a prefix must include the object/);
  });

  it('whose download returns the wrong bytes', async () => {
    class WrongBytes extends MemoryStorageDriver {
      override async downloadObjectAsStream(object: StorageObject, options?: RangeOptions): Promise<Readable> {
        return options?.range ? super.downloadObjectAsStream(object, options) : Readable.from([Buffer.from(CONTENT.toUpperCase())]);
      }
    }
    await expect(runThrough('downloads the object byte-exact, whole and as a range', new WrongBytes())).rejects.toThrow(/downloaded bytes must equal uploaded bytes/);
  });

  it('whose range end is inclusive', async () => {
    class InclusiveEnd extends MemoryStorageDriver {
      override async downloadObjectAsStream(object: StorageObject, options?: RangeOptions): Promise<Readable> {
        const range = options?.range;
        return super.downloadObjectAsStream(object, range?.end === undefined ? options : { range: { start: range.start, end: range.end + 1 } });
      }
    }
    await expect(runThrough('downloads the object byte-exact, whole and as a range', new InclusiveEnd())).rejects.toThrow(/range \{1,4\} must be bytes 1\.\.3, got "ello"/);
  });

  it('that deletes a container that is not empty', async () => {
    class DeletesAnything extends MemoryStorageDriver {
      override async deleteContainer(container: Container): Promise<void> {
        this.buckets.get(container.name)?.objects.clear();
        return super.deleteContainer(container);
      }
    }
    await expect(runThrough('refuses to delete a container that is not empty', new DeletesAnything())).rejects.toThrow(
      /deleteContainer on a non-empty container: expected a rejection, but it resolved/,
    );
  });

  it('whose getObject still resolves after delete', async () => {
    class NeverDeletes extends MemoryStorageDriver {
      override async deleteObject(): Promise<void> {}
    }
    await expect(runThrough('deletes the object, then reports it missing', new NeverDeletes())).rejects.toThrow(
      /getObject after delete: expected a rejection, but it resolved/,
    );
  });

  it('that reports a deleted container with the generic NotFoundError', async () => {
    class GenericNotFound extends MemoryStorageDriver {
      override async getContainer(name: string): Promise<Container> {
        if (!this.buckets.has(name)) throw new NotFoundError({ provider: MEMORY, status: 404, providerMessage: `no ${name}` });
        return super.getContainer(name);
      }
    }
    await expect(runThrough('deletes the container, then reports it missing', new GenericNotFound())).rejects.toThrow(
      /getContainer after delete: rejected with the wrong error: NotFoundError/,
    );
  });
});
