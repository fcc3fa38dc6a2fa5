import { stampProvider } from '@multicloud/core';
import { unquoteEtag, type Container, type StorageObject } from '@multicloud/storage';
import { isRecord, num, text, type JsonRecord } from '../identity/json-fields.js';

/** The `extra` of a Swift object. */
export type SwiftObjectExtra = {
  /** A Static Large Object (segments + manifest): its hash is not the content's MD5. */
  readonly staticLargeObject: boolean;
  /** A Dynamic Large Object's segment prefix (`X-Object-Manifest`), when it is one. */
  readonly objectManifest?: string | undefined;
  /** Swift's `X-Timestamp` of the object's last write (seconds since the epoch), when known. */
  readonly timestamp?: string | undefined;
  /** Where an SLO uploaded by this driver keeps its segments (`<container>_segments`). */
  readonly segmentContainer?: string | undefined;
  /** How many segments an SLO uploaded by this driver has. */
  readonly segmentCount?: number | undefined;
};

/** Swift timestamps without a zone (`2011-01-25T22:01:50.351810`) are UTC; `Date` would read them as local time. */
export function parseSwiftDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const optionalDate = (date: Date | undefined) => (date === undefined ? {} : { lastModified: date });

/** A container model. */
export function swiftContainer(provider: string, name: string, extra: Record<string, unknown> = {}): Container {
  return stampProvider({ name, extra }, provider);
}

/** An account listing entry (`{ name, count, bytes, last_modified? }`) → Container. */
export function convertListedContainer(provider: string, entry: JsonRecord): Container {
  const lastModified = parseSwiftDate(text(entry, 'last_modified'));
  return swiftContainer(provider, text(entry, 'name') ?? '', {
    objectCount: num(entry, 'count'),
    bytes: num(entry, 'bytes'),
    ...(lastModified ? { lastModified } : {}),
  });
}

/** The headers of a container GET → Container (counts, creation time, `X-Container-Meta-*`). */
export function convertContainerHeaders(provider: string, name: string, headers: Readonly<Record<string, string>>): Container {
  const metadata: Record<string, string> = {};
  for (const [header, value] of Object.entries(headers)) {
    if (header.startsWith('x-container-meta-')) metadata[header.slice('x-container-meta-'.length)] = value;
  }
  const timestamp = Number(headers['x-timestamp']);
  return swiftContainer(provider, name, {
    objectCount: headers['x-container-object-count'] === undefined ? undefined : Number(headers['x-container-object-count']),
    bytes: headers['x-container-bytes-used'] === undefined ? undefined : Number(headers['x-container-bytes-used']),
    ...(Number.isFinite(timestamp) ? { created: new Date(timestamp * 1000) } : {}),
    metadata,
  });
}

/**
 * A container listing entry → StorageObject (listings carry no metadata). An SLO lists with `slo_etag`, its real
 * ETag (the entry's `hash` is the manifest's MD5), so its hash matches what `getObject` says.
 */
export function convertListedObject(provider: string, entry: JsonRecord, container: string): StorageObject {
  const sloEtag = text(entry, 'slo_etag');
  const contentType = text(entry, 'content_type');
  const extra: SwiftObjectExtra = { staticLargeObject: sloEtag !== undefined };
  return stampProvider({
    name: text(entry, 'name') ?? '',
    size: num(entry, 'bytes') ?? 0,
    hash: unquoteEtag(sloEtag ?? text(entry, 'hash')),
    ...(contentType ? { contentType } : {}),
    ...optionalDate(parseSwiftDate(text(entry, 'last_modified'))),
    metadata: {},
    containerName: container,
    extra,
  }, provider);
}

/** Whether a listing entry is an object (not a `subdir` pseudo-folder of a delimited listing). */
export function isObjectEntry(entry: unknown): entry is JsonRecord {
  return isRecord(entry) && typeof entry.name === 'string';
}

/**
 * Object response headers → StorageObject: the size from `Content-Range` when ranged, metadata from
 * `X-Object-Meta-*` with lower-case keys (Swift title-cases them), SLO and DLO flagged in `extra`.
 */
export function convertObjectHeaders(provider: string, headers: Readonly<Record<string, string>>, container: string, name: string): StorageObject {
  const total = /\/(\d+)$/.exec(headers['content-range'] ?? '')?.[1];
  const metadata: Record<string, string> = {};
  for (const [header, value] of Object.entries(headers)) {
    if (header.startsWith('x-object-meta-')) metadata[header.slice('x-object-meta-'.length).toLowerCase()] = value;
  }
  const contentType = headers['content-type'];
  const extra: SwiftObjectExtra = {
    staticLargeObject: (headers['x-static-large-object'] ?? '').toLowerCase() === 'true',
    ...(headers['x-object-manifest'] ? { objectManifest: headers['x-object-manifest'] } : {}),
    ...(headers['x-timestamp'] ? { timestamp: headers['x-timestamp'] } : {}),
  };
  return stampProvider({
    name,
    size: Number(total ?? headers['content-length'] ?? 0),
    hash: unquoteEtag(headers.etag),
    ...(contentType ? { contentType } : {}),
    ...optionalDate(headers['last-modified'] ? parseSwiftDate(headers['last-modified']) : undefined),
    metadata,
    containerName: container,
    extra,
  }, provider);
}

/** Whether an object's hash is the MD5 of its content (not an SLO or DLO). */
export function hasContentMd5(object: StorageObject): boolean {
  return object.extra.staticLargeObject !== true && object.extra.objectManifest === undefined;
}
