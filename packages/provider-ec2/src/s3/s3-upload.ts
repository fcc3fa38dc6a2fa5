import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ValidationError } from '@multicloud/core';
import {
  ObjectHashMismatchError,
  crc32Base64,
  forEachPart,
  guessContentType,
  isPlainMd5,
  unquoteEtag,
  uploadInParts,
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

const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

function objectHeaders(key: string, options: UploadOptions): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? guessContentType(key) };
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    if (!/^[a-z0-9-]+$/i.test(name)) throw new ValidationError(`options.metadata.${name}`, 'metadata keys may hold only letters, digits and dashes');
    headers[`x-amz-meta-${name.toLowerCase()}`] = value;
  }
  return headers;
}

/**
 * Checks what the service says it stored. A service that knows flexible checksums (S3) echoes the CRC32 it verified
 * (it refused the request had the bytes differed); one that does not (Swift's s3api before 2.34) ignored it, and then
 * its ETag, when a plain MD5, is compared with the MD5 of the bytes: integrity is never weaker than with
 * Content-MD5, and MD5 is only paid there. Returns the echoed CRC32.
 * @throws ObjectHashMismatchError naming both checksums
 */
function checkStored(headers: Readonly<Record<string, string>>, body: Uint8Array, sent: string, name: string): string | undefined {
  const echoed = headers['x-amz-checksum-crc32'];
  if (echoed !== undefined) {
    if (echoed !== sent) throw new ObjectHashMismatchError({ provider: S3, objectName: name, expected: `CRC32 ${sent}`, actual: `CRC32 ${echoed}` });
    return echoed;
  }
  const etag = unquoteEtag(headers.etag);
  if (isPlainMd5(etag)) {
    const expected = md5Hex(body);
    if (etag.toLowerCase() !== expected) throw new ObjectHashMismatchError({ provider: S3, objectName: name, expected, actual: etag });
  }
  return undefined;
}

/** Settings of one upload, as the driver resolved them. */
type UploadSettings = UploadOptions & { readonly partSize: number; readonly concurrency: number };

/**
 * Uploads a byte stream: one PUT when it ends within the first part, else a multipart upload with `concurrency`
 * parts in flight, in about `concurrency` reused part buffers. Every body goes with its CRC32
 * (`x-amz-checksum-crc32`: ~7 GB/s where MD5 is ~0.9 GB/s) and what the service stored is checked (see
 * `checkStored`); `verifyHash: false` sends and checks nothing. Whatever way it fails (a mismatch, a provider error,
 * the caller's abort, even one that lands while the server is carrying out a request), nothing is left behind: no
 * mismatching object, no multipart upload in progress, no completed object, no open source.
 */
export async function uploadS3Stream(client: S3Client, source: AsyncIterable<Uint8Array>, bucket: string, key: string, options: UploadSettings): Promise<StorageObject> {
  const headers = objectHeaders(key, options);
  const pool = new PartPool(options.partSize);
  return uploadInParts(source, options.partSize, {
    whole: (body) => putWhole(client, body, bucket, key, headers, options),
    multipart: (parts) => putMultipart(client, parts, pool, bucket, key, headers, options),
  }, () => pool.take());
}

/** The CRC32 a body goes with, unless `verifyHash: false`. */
function checksumOf(bytes: Uint8Array, options: UploadSettings): string | undefined {
  return options.verifyHash === false ? undefined : crc32Base64(crc32(bytes));
}

async function putWhole(client: S3Client, body: Buffer, bucket: string, key: string, headers: Record<string, string>, options: UploadSettings): Promise<StorageObject> {
  const checksum = checksumOf(body, options);
  const response = await client.request({
    method: 'PUT', bucket, key, body, signal: options.signal,
    headers: checksum === undefined ? headers : { ...headers, 'x-amz-checksum-crc32': checksum },
  });
  try {
    if (checksum !== undefined) checkStored(response.headers, body, checksum, key);
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
  const created = await client.request({
    method: 'POST', bucket, key, query: 'uploads', idempotent: false,
    headers: options.verifyHash === false ? headers : { ...headers, 'x-amz-checksum-algorithm': 'CRC32' },
  });
  const uploadId = text(client.xml(created, 'InitiateMultipartUploadResult'), 'UploadId');
  if (!uploadId) throw new ValidationError('response', 'S3 returned no UploadId');
  let completed = false;
  try {
    signal?.throwIfAborted();
    let size = 0;
    const stored = await forEachPart(parts, async (part, index, partSignal) => {
      try {
        size += part.length;
        const checksum = checksumOf(part, options);
        const response = await client.request({
          method: 'PUT', bucket, key, body: part, signal: partSignal,
          query: s3Query({ partNumber: index + 1, uploadId }),
          headers: checksum === undefined ? {} : { 'x-amz-checksum-crc32': checksum },
        });
        const crc = checksum === undefined ? undefined : checkStored(response.headers, part, checksum, `${key} (part ${index + 1})`);
        return { etag: unquoteEtag(response.headers.etag), crc };
      } finally {
        pool.release(part); // the request has settled: nothing reads the buffer any more
      }
    }, { concurrency: options.concurrency, signal });
    signal?.throwIfAborted();
    // A part's CRC32 only when the service echoed it, as the AWS SDK does: one that ignores flexible checksums
    // (Swift 2.30's s3api) refuses <ChecksumCRC32> as MalformedXML.
    const manifest = `<CompleteMultipartUpload>${stored.map(({ etag, crc }, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>"${etag}"</ETag>${crc === undefined ? '' : `<ChecksumCRC32>${crc}</ChecksumCRC32>`}</Part>`).join('')}</CompleteMultipartUpload>`;
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
