import { Readable } from 'node:stream';
import { isPlainMd5, rangeHeader, unquoteEtag, verifiedBytes, type ByteRange, type StorageObject } from '@multicloud/storage';
import { S3 } from './convert-s3-models.js';
import type { S3Client } from './s3-client.js';

/**
 * GETs an object (or a range of it) as a stream that fails at its end when the bytes do not match: the announced
 * size always; the MD5 too when the whole object was read and its ETag is a plain MD5 (not a multipart ETag).
 */
export async function downloadS3Stream(client: S3Client, object: StorageObject, options: { range?: ByteRange | undefined; signal?: AbortSignal | undefined } = {}): Promise<Readable> {
  const range = options.range === undefined ? undefined : rangeHeader(options.range);
  const response = await client.stream({
    method: 'GET', bucket: object.containerName, key: object.name, signal: options.signal,
    headers: range === undefined ? {} : { Range: range },
  });
  const announced = Number(response.headers['content-length'] ?? Number.NaN);
  const etag = unquoteEtag(response.headers.etag ?? object.hash);
  const md5 = range === undefined && response.status === 200 && isPlainMd5(etag) ? etag : undefined;
  return Readable.from(verifiedBytes(response.body as AsyncIterable<Uint8Array>, {
    provider: S3, objectName: object.name, size: Number.isNaN(announced) ? object.size : announced, md5,
  }), { objectMode: false });
}
