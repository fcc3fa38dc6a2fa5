import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { guessContentType, type StorageObject } from '@multicloud/storage';
import { localObject } from './convert-local-models.js';
import { assertContainer } from './local-containers.js';
import type { StorageLayout } from './local-names.js';
import { isMissing, noSuchObject } from './local-storage-errors.js';

/**
 * What the driver keeps beside an object's data file. `size` and `mtimeMs` describe the data file it was computed
 * for: when they no longer match (the file was edited or replaced by hand), the hash is computed again.
 */
export interface Sidecar {
  /** Size of the data file. */
  readonly size: number;
  /** Modification time of the data file. */
  readonly mtimeMs: number;
  /** MD5 hex of the data. */
  readonly md5: string;
  /** Content type. */
  readonly contentType: string;
  /** User metadata, lower-case keys. */
  readonly metadata: Readonly<Record<string, string>>;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');

/** Reads a sidecar; undefined when it is missing or unreadable (it is then rebuilt). */
export async function readSidecar(path: string): Promise<Sidecar | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
  const record = parsed as Partial<Sidecar> | null;
  if (typeof record !== 'object' || record === null) return undefined;
  const { size, mtimeMs, md5, contentType, metadata } = record;
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof md5 !== 'string' || typeof contentType !== 'string' || !isStringRecord(metadata)) return undefined;
  return { size, mtimeMs, md5, contentType, metadata };
}

/** Removes stale files or folders of the sidecar tree that stand where `path` (or one of its folders) must go. */
async function clearWay(path: string, sidecarRoot: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  const parts = relative(sidecarRoot, dirname(path)).split(sep).filter(Boolean);
  for (let index = 1; index <= parts.length; index++) {
    const folder = join(sidecarRoot, ...parts.slice(0, index));
    const stats = await stat(folder).catch(() => undefined);
    if (stats !== undefined && !stats.isDirectory()) await rm(folder, { force: true });
  }
}

/** Writes an object's sidecar atomically (temporary file, then rename). */
export async function writeSidecar(layout: StorageLayout, containerName: string, objectName: string, sidecar: Sidecar): Promise<void> {
  const path = layout.sidecar(containerName, objectName);
  const partials = layout.partials(containerName);
  await mkdir(partials, { recursive: true });
  const temporary = join(partials, `${randomBytes(8).toString('hex')}.sidecar`);
  await writeFile(temporary, JSON.stringify(sidecar), { flag: 'wx' });
  try {
    try {
      await mkdir(dirname(path), { recursive: true });
      await rename(temporary, path);
    } catch {
      await clearWay(path, layout.sidecars(containerName));
      await mkdir(dirname(path), { recursive: true });
      await rename(temporary, path);
    }
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** MD5 hex of a file, streamed. */
export async function md5OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Describes a stored object from its data file and sidecar; a missing or stale sidecar is rebuilt (hash computed from
 * the data, content type guessed from the name, metadata kept from the stale sidecar).
 * @throws ObjectDoesNotExistError, ContainerDoesNotExistError
 */
export async function describeObject(layout: StorageLayout, containerName: string, objectName: string, signal?: AbortSignal): Promise<StorageObject> {
  const path = layout.object(containerName, objectName);
  const stats = await stat(path).catch(async (error: unknown) => {
    if (!isMissing(error)) throw error;
    await assertContainer(layout, containerName);
    throw noSuchObject(containerName, objectName, error);
  });
  if (!stats.isFile()) throw noSuchObject(containerName, objectName);
  let sidecar = await readSidecar(layout.sidecar(containerName, objectName));
  if (sidecar === undefined || sidecar.size !== stats.size || sidecar.mtimeMs !== stats.mtimeMs) {
    const md5 = await md5OfFile(path, signal).catch((error: unknown) => {
      throw isMissing(error) ? noSuchObject(containerName, objectName, error) : error;
    });
    sidecar = { size: stats.size, mtimeMs: stats.mtimeMs, md5, contentType: sidecar?.contentType ?? guessContentType(objectName), metadata: sidecar?.metadata ?? {} };
    // The sidecar is a cache of what the data says (plus metadata): failing to write it is not worth failing the read for.
    await writeSidecar(layout, containerName, objectName, sidecar).catch(() => undefined);
  }
  return localObject({ containerName, name: objectName, path, ...sidecar });
}
