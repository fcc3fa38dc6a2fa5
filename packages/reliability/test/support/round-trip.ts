import { Readable } from 'node:stream';
import { CloudError, ProviderError, ValidationError } from '@multicloud/core';
import type { StorageDriver } from '@multicloud/storage';
import fc from 'fast-check';
import { expect } from 'vitest';

/** Object names of any Unicode, weighted towards what breaks encoders, paths and XML listings. */
export const objectName = fc.array(fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom('/', ' ', '+', '%', '%20', '?', '#', '&', '=', ';', '~', '*', "'", '"', '<', '>', '\\', '.', '..', '..', '😀', 'é', 'e\u0301', '中文', '\u00a0', '\u200b', '\ufeff', '\t') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }) },
), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));

/** What happened to one name. */
export type RoundTrip = 'refused' | 'round-tripped';

/**
 * Uploads `bytes` under `name`, then reads the object back by name, finds it in a prefix listing and downloads it.
 * A name may be refused — by the driver (ValidationError, before any request) or by the server (a typed 4xx
 * ProviderError) — but a name that is stored must come back exactly (name, size, bytes). The object is deleted
 * afterwards.
 */
export async function roundTrip(driver: StorageDriver, containerName: string, name: string, bytes: Buffer): Promise<RoundTrip> {
  const container = await driver.getContainer(containerName);
  let uploaded;
  try {
    uploaded = await driver.uploadObjectFromStream(Readable.from([bytes]), container, name);
  } catch (error) {
    expect(CloudError.isInstance(error), `refusing ${JSON.stringify(name)}: ${String(error)}`).toBe(true);
    const refusedByServer = ProviderError.isInstance(error) && error.status >= 400 && error.status < 500;
    expect(ValidationError.isInstance(error) || refusedByServer, `refusing ${JSON.stringify(name)}: ${String(error)}`).toBe(true);
    return 'refused';
  }
  try {
    expect(uploaded.name).toBe(name);
    const described = await driver.getObject(containerName, name);
    expect(described.name).toBe(name);
    expect(described.size).toBe(bytes.length);
    const listed = await driver.listObjects(container, { prefix: name });
    expect(listed.map((object) => object.name)).toContain(name);
    const chunks: Buffer[] = [];
    for await (const chunk of await driver.downloadObjectAsStream(described)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  } finally {
    await driver.deleteObject(uploaded).catch(() => undefined);
  }
  return 'round-tripped';
}
