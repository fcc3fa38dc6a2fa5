import { createHash, randomBytes } from 'node:crypto';
import { ProviderError, ValidationError } from '@multicloud/core';
import { forEachPart, unquoteEtag, type StorageObject } from '@multicloud/storage';
import type { SwiftClient } from './swift-client.js';
import { hashMismatch, md5Hex, uploadedObject, type SwiftUploadSettings } from './swift-upload-common.js';
import { MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES } from './swift-validation.js';

/** The suffix of the container that holds a container's large-object segments (python-swiftclient's convention). */
export const SEGMENT_CONTAINER_SUFFIX = '_segments';

/** One entry of a Static Large Object manifest. */
export interface SloSegment {
  /** `/<segment container>/<segment name>`, not URL-encoded. */
  readonly path: string;
  /** The segment's MD5 hex; Swift checks it when the manifest is stored. */
  readonly etag: string;
  /** The segment's size; Swift checks it too. */
  readonly size_bytes: number;
}

type Client = Pick<SwiftClient, 'provider' | 'request'>;
type SloSettings = SwiftUploadSettings & { readonly headers: Record<string, string>; readonly contentType: string; readonly verify: boolean };

/** The segment container of `container`. @throws ValidationError when the name would be too long */
export function segmentContainerOf(container: string): string {
  const name = `${container}${SEGMENT_CONTAINER_SUFFIX}`;
  if (Buffer.byteLength(name, 'utf8') > MAX_CONTAINER_NAME_BYTES) {
    throw new ValidationError('container', `large objects need a "${SEGMENT_CONTAINER_SUFFIX}" container beside it; its name leaves no room for that suffix`);
  }
  return name;
}

/**
 * Segment names: `<object>/slo/<upload id>/<segment size>/<index, 8 digits>` (after python-swiftclient), so segments
 * of one object sort together and two uploads never share one. An object name too long for that is replaced by its
 * SHA-256.
 */
export function segmentName(object: string, uploadId: string, segmentSize: number, index: number): string {
  const suffix = `/slo/${uploadId}/${segmentSize}/${String(index).padStart(8, '0')}`;
  const base = Buffer.byteLength(object + suffix, 'utf8') > MAX_OBJECT_NAME_BYTES ? createHash('sha256').update(object).digest('hex') : object;
  return `${base}${suffix}`;
}

/** The ETag Swift gives an SLO: the MD5 of its segments' MD5 hex strings, concatenated. */
export function sloEtag(segments: readonly SloSegment[]): string {
  return md5Hex(segments.map((segment) => segment.etag).join(''));
}

/** Runs `work` over `items`, at most `limit` at once, ignoring failures (for best-effort cleanup). */
async function settleEach<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Uploads a long stream as a Static Large Object: each segment is PUT (at most `concurrency` at once, memory about
 * `segmentSize × (concurrency + 1)`) into `<container>_segments` with its MD5 as `ETag` (Swift refuses mismatching
 * bytes with 422, and the answered ETag is compared too), then the JSON manifest is PUT with
 * `?multipart-manifest=put`, and its ETag compared with the MD5 of the segment MD5s. On any failure or abort
 * every segment this upload started is deleted (without the caller's signal, so an abort still cleans up), and
 * the manifest too when it was stored, so nothing is orphaned.
 */
export async function uploadSwiftSegments(client: Client, parts: AsyncIterable<Buffer>, container: string, name: string, settings: SloSettings): Promise<StorageObject> {
  const segmentContainer = segmentContainerOf(container);
  const uploadId = settings.uploadId ?? `${(Date.now() / 1000).toFixed(6)}-${randomBytes(4).toString('hex')}`;
  const started: string[] = [];
  let size = 0;
  let manifest: 'unsent' | 'sent' | 'stored' = 'unsent';
  let expected = '';
  try {
    await client.request({ method: 'PUT', container: segmentContainer, signal: settings.signal });
    const segments = await forEachPart(parts, async (part, index, signal): Promise<SloSegment> => {
      if (index >= settings.maxSegments) {
        throw new ValidationError('source', `is longer than segmentSize × maxSegments (${settings.segmentSize} × ${settings.maxSegments} bytes); raise segmentSize`);
      }
      const segment = segmentName(name, uploadId, settings.segmentSize, index);
      started.push(segment);
      size += part.length;
      const md5 = md5Hex(part);
      const response = await client.request({
        method: 'PUT', container: segmentContainer, object: segment, body: part, signal,
        headers: { 'Content-Type': 'application/octet-stream', ETag: md5 }, acceptStatus: (status) => status === 422,
      });
      const etag = unquoteEtag(response.headers.etag);
      const label = `${name} (segment ${index + 1})`;
      if (response.status === 422) throw hashMismatch(client, label, md5, etag || 'refused by the server (HTTP 422)');
      if (settings.verify && etag.toLowerCase() !== md5) throw hashMismatch(client, label, md5, etag);
      return { path: `/${segmentContainer}/${segment}`, etag: md5, size_bytes: part.length };
    }, { concurrency: settings.concurrency, signal: settings.signal });

    expected = sloEtag(segments);
    manifest = 'sent';
    const response = await client.request({
      method: 'PUT', container, object: name, query: { 'multipart-manifest': 'put' }, body: JSON.stringify(segments),
      headers: settings.headers, signal: settings.signal, idempotent: true,
    });
    manifest = 'stored';
    const etag = unquoteEtag(response.headers.etag);
    if (settings.verify && etag !== '' && etag.toLowerCase() !== expected) throw hashMismatch(client, name, expected, etag);
    return uploadedObject(client, { container, name, size, hash: etag || expected, contentType: settings.contentType, lastModified: response.headers['last-modified'] },
      settings.metadata, { staticLargeObject: true, segmentContainer, segmentCount: segments.length });
  } catch (error) {
    const stored = manifest === 'stored' ? 'yes' : manifest === 'sent' && !refusedByServer(error) ? 'maybe' : 'no';
    await cleanUp(client, { container, name, segmentContainer, started, expected, manifest: stored });
    throw error;
  }
}

/** Whether the server refused the manifest PUT (a 4xx: no manifest was stored; after a 5xx it may have been). */
function refusedByServer(error: unknown): boolean {
  return ProviderError.isInstance(error) && error.status >= 400 && error.status < 500;
}

interface Leftovers {
  readonly container: string;
  readonly name: string;
  readonly segmentContainer: string;
  readonly started: readonly string[];
  readonly expected: string;
  /** Whether the manifest was stored: `maybe` when its PUT failed without an answer (abort, network). */
  readonly manifest: 'yes' | 'maybe' | 'no';
}

/**
 * Removes what a failed upload left: the manifest when it was stored, or may have been and is ours (its ETag is
 * the one this upload computed; an older object of the same name is left alone), then every segment it started
 * (404s ignored). Best effort: a failing delete does not hide the upload's own error.
 */
async function cleanUp(client: Client, left: Leftovers): Promise<void> {
  const removeManifest = () => client.request({ method: 'DELETE', container: left.container, object: left.name, acceptStatus: (status) => status === 404 }).catch(() => undefined);
  if (left.manifest === 'yes') await removeManifest();
  if (left.manifest === 'maybe') {
    const current = await client.request({ method: 'GET', container: left.container, object: left.name, headers: { Range: 'bytes=0-0' }, acceptStatus: (status) => status === 404 || status === 416 }).catch(() => undefined);
    if (current && current.status < 300 && unquoteEtag(current.headers.etag).toLowerCase() === left.expected) await removeManifest();
  }
  await settleEach(left.started, 8, (segment) =>
    client.request({ method: 'DELETE', container: left.segmentContainer, object: segment, idempotent: true, acceptStatus: (status) => status === 404 }));
}
