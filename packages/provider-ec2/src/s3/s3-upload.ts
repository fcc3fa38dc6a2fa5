import { createHash } from 'node:crypto';
import { ValidationError } from '@multicloud/core';
import {
  ObjectHashMismatchError,
  cutIntoParts,
  forEachPart,
  guessContentType,
  isPlainMd5,
  unquoteEtag,
  type StorageObject,
  type UploadOptions,
} from '@multicloud/storage';
import { text } from '../aws/xml-fields.js';
import { S3, convertS3ObjectHeaders } from './convert-s3-models.js';
import type { S3Client } from './s3-client.js';
import { s3Query } from './s3-addressing.js';
import { PartPool } from './s3-part-pool.js';

/** S3's smallest part (all but the last). */
export const MIN_PART_SIZE = 5_242_880; // 5 MiB, written out so bundlers can drop it with the module
/** Default part size. */
export const DEFAULT_PART_SIZE = 8_388_608; // 8 MiB

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes);

function objectHeaders(key: string, options: UploadOptions): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? guessContentType(key) };
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    if (!/^[a-z0-9-]+$/i.test(name)) throw new ValidationError(`options.metadata.${name}`, 'metadata keys may hold only letters, digits and dashes');
    headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  }
  return headers;
}

/** Compares an answered ETag with the MD5 sent; an ETag that is no plain MD5 (SSE-KMS, some stores) says nothing. */
function checkEtag(etag: string, expected: string, key: string): void {
  if (isPlainMd5(etag) && etag.toLowerCase() !== expected) {
    throw new ObjectHashMismatchError({ provider: S3, objectName: key, expected, actual: etag });
  }
}

/** Settings of one upload, as the driver resolved them. */
type UploadSettings = UploadOptions & { readonly partSize: number; readonly concurrency: number };

/**
 * Uploads a byte stream: one PUT when it ends within the first part, else a multipart upload with `concurrency`
 * parts in flight, in `concurrency` reused part buffers. Every part goes with its Content-MD5 and its ETag is
 * compared (`verifyHash: false`: no MD5 at all). Whatever way it fails (a mismatch, a provider error, the caller's
 * abort, even one that lands while the server is carrying out a request), nothing is left behind: no mismatching
 * object, no multipart upload in progress, no completed object, no open source.
 */
export async function uploadS3Stream(client: S3Client, source: AsyncIterable<Uint8Array>, bucket: string, key: string, options: UploadSettings): Promise<StorageObject> {
  const headers = objectHeaders(key, options);
  const pool = new PartPool(options.partSize);
  const parts = cutIntoParts(source, options.partSize, () => pool.take())[Symbol.asyncIterator]();
  try {
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? first : await parts.next();
    if (second.done) return await putWhole(client, firstPart, bucket, key, headers, options);
    async function* allParts(): AsyncGenerator<Buffer> {
      yield firstPart;
      yield second.value as Buffer;
      for (let next = await parts.next(); !next.done; next = await parts.next()) yield next.value;
    }
    return await putMultipart(client, allParts(), pool, bucket, key, headers, options);
  } finally {
    // Stopped early (failure, abort), the source is still open (a file's ReadStream): close it.
    await parts.return(undefined);
  }
}

/** MD5 of what is sent, when it is compared (~1.2 s of CPU per GiB otherwise spent for nothing). */
function digestOf(bytes: Uint8Array, options: UploadSettings): Buffer | undefined {
  return options.verifyHash === false ? undefined : md5(bytes).digest();
}

async function putWhole(client: S3Client, body: Buffer, bucket: string, key: string, headers: Record<string, string>, options: UploadSettings): Promise<StorageObject> {
  const digest = digestOf(body, options);
  const response = await client.request({
    method: 'PUT', bucket, key, body, signal: options.signal,
    headers: digest ? { ...headers, 'Content-MD5': digest.toString('base64') } : headers,
  });
  try {
    if (digest) checkEtag(unquoteEtag(response.headers.etag), digest.toString('hex'), key);
  } catch (error) {
    // Stored, but not the bytes we sent: remove it (without the caller's signal) rather than leave it for good.
    await deleteQuietly(client, bucket, key);
    throw error;
  }
  return convertS3ObjectHeaders({ ...response.headers, 'content-length': String(body.length), ...lower(headers) }, bucket, key);
}

async function putMultipart(client: S3Client, parts: AsyncIterable<Buffer>, pool: PartPool, bucket: string, key: string, headers: Record<string, string>, options: UploadSettings): Promise<StorageObject> {
  const { signal } = options;
  signal?.throwIfAborted();
  // Create and complete go without the caller's signal: aborted while in flight, the server may carry them out
  // anyway, and only a request that was answered tells us what to undo. The abort is honoured right after.
  const created = await client.request({ method: 'POST', bucket, key, query: 'uploads', headers, idempotent: false });
  const uploadId = text(client.xml(created, 'InitiateMultipartUploadResult'), 'UploadId');
  if (!uploadId) throw new ValidationError('response', 'S3 returned no UploadId');
  let completed = false;
  try {
    signal?.throwIfAborted();
    let size = 0;
    const etags = await forEachPart(parts, async (part, index, partSignal) => {
      try {
        size += part.length;
        const digest = digestOf(part, options);
        const response = await client.request({
          method: 'PUT', bucket, key, body: part, signal: partSignal,
          query: s3Query({ partNumber: index + 1, uploadId }),
          headers: digest ? { 'Content-MD5': digest.toString('base64') } : {},
        });
        const etag = unquoteEtag(response.headers.etag);
        if (digest) checkEtag(etag, digest.toString('hex'), `${key} (part ${index + 1})`);
        return etag;
      } finally {
        pool.release(part); // the request has settled: nothing reads the buffer any more
      }
    }, { concurrency: options.concurrency, signal });
    signal?.throwIfAborted();
    const manifest = `<CompleteMultipartUpload>${etags.map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>"${etag}"</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    const answer = await client.request({
      method: 'POST', bucket, key, query: s3Query({ uploadId }), body: manifest,
      headers: { 'Content-Type': 'application/xml' }, idempotent: true,
    });
    completed = true;
    signal?.throwIfAborted();
    const etag = unquoteEtag(text(client.xml(answer, 'CompleteMultipartUploadResult'), 'ETag'));
    return convertS3ObjectHeaders({ etag, 'content-length': String(size), ...lower(headers) }, bucket, key);
  } catch (error) {
    // Without a signal: the clean-up must happen even when the caller's signal is what stopped the upload.
    if (completed) await deleteQuietly(client, bucket, key);
    else await client.request({ method: 'DELETE', bucket, key, query: s3Query({ uploadId }), idempotent: true }).catch(() => undefined);
    throw error;
  }
}

/** Best effort: a failing delete must not hide the upload's own error. */
async function deleteQuietly(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.request({ method: 'DELETE', bucket, key, idempotent: true }).catch(() => undefined);
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
