import { Readable } from 'node:stream';
import { isPlainMd5, rangeHeader, unquoteEtag, verifiedBytes, type ByteRange, type StorageObject } from '@multicloud/storage';
import { S3 } from './convert-s3-models.js';
import type { S3Client } from './s3-client.js';

/**
 * GETs an object (or a range of it) as a stream that fails at its end when the bytes do not match: the announced
 * size always; when the whole object was read, its full-object CRC32 if the service sent one, else its MD5 if the
 * ETag is a plain MD5 (not a multipart ETag).
 */
export async function downloadS3Stream(client: S3Client, object: StorageObject, options: { range?: ByteRange | undefined; signal?: AbortSignal | undefined } = {}): Promise<Readable> {
  const range = options.range === undefined ? undefined : rangeHeader(options.range);
  const response = await client.stream({
    method: 'GET', bucket: object.containerName, key: object.name, signal: options.signal,
    // Ask for the object's checksum: S3 then sends the full-object CRC32 of objects stored with one (the AWS SDK's
    // default since 2025), checked at an eighth of MD5's cost. Services that do not know the header ignore it.
    headers: range === undefined ? { 'x-amz-checksum-mode': 'ENABLED' } : { Range: range },
  });
  const announced = Number(response.headers['content-length'] ?? Number.NaN);
  const etag = unquoteEtag(response.headers.etag ?? object.hash);
  const whole = range === undefined && response.status === 200;
  const md5 = whole && isPlainMd5(etag) ? etag : undefined;
  // A full-object CRC32 only: a composite one (`…-N`, multipart) is a checksum of the parts' checksums.
  const crc = response.headers['x-amz-checksum-crc32'];
  const crc32 = whole && crc && !crc.includes('-') && response.headers['x-amz-checksum-type'] !== 'COMPOSITE' ? crc : undefined;
  return Readable.from(verifiedBytes(response.body as AsyncIterable<Uint8Array>, {
    provider: S3, objectName: object.name, size: Number.isNaN(announced) ? object.size : announced, md5, crc32,
  }), { objectMode: false });
}
