import { createHash, randomBytes } from 'node:crypto';
import type { TransportEvent } from '@multicloud/core';
import type { LiveSwift } from '@multicloud/fixture-server';
import type { Container, StorageDriver, StorageObject } from '@multicloud/storage';
import { createOpenStackSwiftStorage, type OpenStackSwiftSettings, type OpenStackSwiftStorageDriver } from '../../src/index.js';

/** A container name unique to this run (Swift is shared by every test run on the machine). */
export function uniqueName(label: string): string {
  return `mc-${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A driver on the live Swift (v1.0 tempauth), with the requests it sends collected when `events` is given. */
export function liveDriver(live: LiveSwift, settings: OpenStackSwiftSettings = {}, events?: TransportEvent[]): OpenStackSwiftStorageDriver {
  return createOpenStackSwiftStorage({
    authUrl: live.swift.authUrl,
    username: live.swift.user,
    apiKey: live.swift.key,
    authVersion: '1.0',
    ...(events ? { logger: (event: TransportEvent) => events.push(event) } : {}),
    ...settings,
  });
}

/**
 * `total` pseudo-random bytes from a seed (xorshift32), made chunk by chunk as they are read, and their MD5 — so a
 * 200 MiB body is never held in memory and its expected hash is known without a second pass.
 */
export function seededBytes(total: number, seed: number, chunkSize = 1 << 20): { readonly stream: AsyncIterable<Uint8Array>; md5(): string } {
  const hash = createHash('md5');
  let state = seed >>> 0 || 1;
  async function* stream(): AsyncGenerator<Uint8Array> {
    for (let sent = 0; sent < total; sent += chunkSize) {
      const size = Math.min(chunkSize, total - sent);
      const words = new Uint32Array(Math.ceil(size / 4));
      for (let index = 0; index < words.length; index++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        words[index] = state >>> 0;
      }
      const chunk = new Uint8Array(words.buffer, 0, size);
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: stream(), md5: () => hash.digest('hex') };
}

/** Size and MD5 of a downloaded stream, read chunk by chunk. */
export async function digest(stream: AsyncIterable<Uint8Array>): Promise<{ size: number; md5: string }> {
  const hash = createHash('md5');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { size, md5: hash.digest('hex') };
}

/** The whole stream as a Buffer (small objects only). */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Runs `work` over `items` with at most `limit` at once; the first failure rejects once all have settled. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T).catch((error: unknown) => failures.push(error));
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}

/** Deletes the containers (and their objects, 16 at a time) if they exist; failures are ignored. */
export async function removeContainers(driver: StorageDriver, names: readonly string[]): Promise<void> {
  for (const name of names) {
    let container: Container;
    try {
      container = await driver.getContainer(name);
    } catch {
      continue;
    }
    const objects: StorageObject[] = await driver.listObjects(container).catch(() => []);
    await eachLimited(objects, 16, (object) => driver.deleteObject(object)).catch(() => undefined);
    await driver.deleteContainer(container).catch(() => undefined);
  }
}
