import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { ValidationError } from '@multicloud/core';
import { ObjectHashMismatchError, isPlainMd5, type ByteRange, type StorageObject } from '@multicloud/storage';
import { S3 } from './convert-s3-models.js';
import type { S3Client } from './s3-client.js';

/** The `Range` header for a byte range whose `end` is exclusive. @throws ValidationError for a bad range */
export function rangeHeader(range: ByteRange): string {
  const { start, end } = range;
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('options.range.start', `must be a whole number ≥ 0, got ${String(start)}`);
  if (end !== undefined && (!Number.isInteger(end) || end <= start)) {
    throw new ValidationError('options.range.end', `must be a whole number > start (it is exclusive), got ${String(end)}`);
  }
  return `bytes=${start}-${end === undefined ? '' : end - 1}`;
}

/**
 * A pass-through that counts and hashes the bytes and fails the stream at its end when they do not match what the
 * object said (size always; MD5 when the ETag is a plain MD5 and the whole object was read).
 */
export function verifyingStream(object: StorageObject, expectedSize: number, checkHash: boolean): Transform {
  const hash = checkHash && isPlainMd5(object.hash) ? createHash('md5') : undefined;
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      hash?.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      if (size !== expectedSize) {
        callback(new ObjectHashMismatchError({ provider: S3, objectName: object.name, expected: `${expectedSize} bytes`, actual: `${size} bytes` }));
        return;
      }
      const actual = hash?.digest('hex');
      if (actual !== undefined && actual !== object.hash.toLowerCase()) {
        callback(new ObjectHashMismatchError({ provider: S3, objectName: object.name, expected: object.hash, actual }));
        return;
      }
      callback();
    },
  });
}

/** GETs an object (or a range of it) as a verified stream. */
export async function downloadS3Stream(client: S3Client, object: StorageObject, options: { range?: ByteRange | undefined; signal?: AbortSignal | undefined } = {}): Promise<Readable> {
  const range = options.range === undefined ? undefined : rangeHeader(options.range);
  const response = await client.stream({
    method: 'GET', bucket: object.containerName, key: object.name, signal: options.signal,
    headers: range === undefined ? {} : { Range: range },
  });
  const expected = Number(response.headers['content-length'] ?? Number.NaN);
  const verify = verifyingStream(object, Number.isNaN(expected) ? object.size : expected, range === undefined && response.status === 200);
  response.body.on('error', (error) => verify.destroy(error));
  return response.body.pipe(verify);
}
