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

function checkEtag(etag: string, expected: string, key: string, verify: boolean): void {
  if (verify && isPlainMd5(etag) && etag.toLowerCase() !== expected) {
    throw new ObjectHashMismatchError({ provider: S3, objectName: key, expected, actual: etag });
  }
}

/**
 * Uploads a byte stream: one PUT when it ends within the first part, else a multipart upload with `concurrency`
 * parts in flight. Every part goes with its Content-MD5 and its ETag is compared; on any failure (or abort) the
 * multipart upload is aborted, so no orphaned parts are left.
 */
export async function uploadS3Stream(
  client: S3Client,
  source: AsyncIterable<Uint8Array>,
  bucket: string,
  key: string,
  options: UploadOptions & { readonly partSize: number; readonly concurrency: number },
): Promise<StorageObject> {
  const headers = objectHeaders(key, options);
  const verify = options.verifyHash !== false;
  const parts = cutIntoParts(source, options.partSize)[Symbol.asyncIterator]();
  const first = await parts.next();
  const firstPart = first.done ? Buffer.alloc(0) : first.value;
  const second = first.done ? first : await parts.next();
  if (second.done) {
    const digest = md5(firstPart).digest();
    const response = await client.request({
      method: 'PUT', bucket, key, body: firstPart, signal: options.signal,
      headers: { ...headers, 'Content-MD5': digest.toString('base64') },
    });
    checkEtag(unquoteEtag(response.headers.etag), digest.toString('hex'), key, verify);
    return convertS3ObjectHeaders({ ...response.headers, 'content-length': String(firstPart.length), ...lower(headers) }, bucket, key);
  }

  const created = await client.request({ method: 'POST', bucket, key, query: 'uploads', headers, signal: options.signal, idempotent: false });
  const uploadId = text(client.xml(created, 'InitiateMultipartUploadResult'), 'UploadId');
  if (!uploadId) throw new ValidationError('response', 'S3 returned no UploadId');
  let size = 0;
  try {
    async function* allParts() {
      yield firstPart;
      yield second.value as Buffer;
      for (let next = await parts.next(); !next.done; next = await parts.next()) yield next.value;
    }
    const etags = await forEachPart(allParts(), async (part, index, signal) => {
      size += part.length;
      const digest = md5(part).digest();
      const response = await client.request({
        method: 'PUT', bucket, key, body: part, signal,
        query: s3Query({ partNumber: index + 1, uploadId }),
        headers: { 'Content-MD5': digest.toString('base64') },
      });
      const etag = unquoteEtag(response.headers.etag);
      checkEtag(etag, digest.toString('hex'), `${key} (part ${index + 1})`, verify);
      return etag;
    }, { concurrency: options.concurrency, signal: options.signal });
    const manifest = `<CompleteMultipartUpload>${etags.map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>"${etag}"</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    const completed = await client.request({
      method: 'POST', bucket, key, query: s3Query({ uploadId }), body: manifest, signal: options.signal,
      headers: { 'Content-Type': 'application/xml' }, idempotent: true,
    });
    const etag = unquoteEtag(text(client.xml(completed, 'CompleteMultipartUploadResult'), 'ETag'));
    return convertS3ObjectHeaders({ etag, 'content-length': String(size), ...lower(headers) }, bucket, key);
  } catch (error) {
    // Without a signal: the abort must happen even when the caller's signal is what stopped the upload.
    await client.request({ method: 'DELETE', bucket, key, query: s3Query({ uploadId }), idempotent: true }).catch(() => undefined);
    throw error;
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
