import { createHash } from 'node:crypto';
import { stampProvider } from '@multicloud/core';
import { ObjectHashMismatchError, type StorageObject, type UploadOptions } from '@multicloud/storage';
import { parseSwiftDate, type SwiftObjectExtra } from './convert-swift-models.js';
import type { SwiftClient } from './swift-client.js';

/** How a stream upload is cut and verified. */
export interface SwiftUploadSettings extends UploadOptions {
  /** Segment size; a stream that ends within the first segment is one PUT. */
  readonly segmentSize: number;
  /** Segments in flight at once. */
  readonly concurrency: number;
  /** Most segments per object. */
  readonly maxSegments: number;
  /** Names this upload's segments (default: the time and a random suffix); tests pin it. */
  readonly uploadId?: string | undefined;
}

/** The MD5 hex of some bytes. */
export const md5Hex = (bytes: Uint8Array | string): string => createHash('md5').update(bytes).digest('hex');

/** What an upload returns: the object as written (no extra request). */
export function uploadedObject(
  client: Pick<SwiftClient, 'provider'>,
  target: { container: string; name: string; size: number; hash: string; contentType: string; lastModified: string | undefined },
  metadata: Readonly<Record<string, string>> | undefined,
  extra: SwiftObjectExtra,
): StorageObject {
  const lastModified = parseSwiftDate(target.lastModified);
  return stampProvider({
    name: target.name,
    size: target.size,
    hash: target.hash,
    contentType: target.contentType,
    ...(lastModified ? { lastModified } : {}),
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key.toLowerCase(), value])),
    containerName: target.container,
    extra,
  }, client.provider);
}

/** The error for an ETag that does not match the bytes sent (or a 422: Swift found they did not match ours). */
export function hashMismatch(client: Pick<SwiftClient, 'provider'>, objectName: string, expected: string, actual: string): ObjectHashMismatchError {
  return new ObjectHashMismatchError({ provider: client.provider, objectName, expected, actual });
}
