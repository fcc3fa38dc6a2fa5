import { Readable } from 'node:stream';
import { ObjectDoesNotExistError, isPlainMd5, rangeHeader, unquoteEtag, verifiedBytes, type ByteRange, type StorageObject } from '@multicloud/storage';
import { hasContentMd5 } from './convert-swift-models.js';
import type { SwiftClient } from './swift-client.js';

/** The bytes a GET answer must carry: its `Content-Length`, else the span of its `Content-Range`, else the object's size. */
function expectedSize(status: number, headers: Readonly<Record<string, string>>, objectSize: number): number {
  const length = Number(headers['content-length'] ?? Number.NaN);
  if (Number.isInteger(length)) return length;
  const span = /^bytes (\d+)-(\d+)\//.exec(headers['content-range'] ?? '');
  return status === 206 && span ? Number(span[2]) - Number(span[1]) + 1 : objectSize;
}

/**
 * GETs an object (or a range of it) as a stream that fails at its end when the bytes do not match: the size
 * (`Content-Length`) always; the MD5 of a whole plain object too. A Static or Dynamic Large Object's ETag is not
 * its content's MD5, so only its size is checked. Ranges follow `Array.prototype.slice`: an `end` beyond the object
 * is cut at its end, and a range starting at or after the end yields no bytes (Swift's 416).
 * @throws ObjectDoesNotExistError
 */
export async function downloadSwiftStream(client: SwiftClient, object: StorageObject, options: { readonly range?: ByteRange | undefined; readonly signal?: AbortSignal | undefined } = {}): Promise<Readable> {
  const range = options.range === undefined ? undefined : rangeHeader(options.range);
  const response = await client.stream({
    method: 'GET', container: object.containerName, object: object.name, signal: options.signal,
    headers: range === undefined ? {} : { Range: range }, notFound: ObjectDoesNotExistError,
    acceptStatus: (status) => status === 416 && range !== undefined,
  });
  if (response.status === 416) {
    await response.discard();
    return Readable.from([]);
  }
  const size = expectedSize(response.status, response.headers, object.size);
  const etag = unquoteEtag(response.headers.etag);
  const large = (response.headers['x-static-large-object'] ?? '').toLowerCase() === 'true' || response.headers['x-object-manifest'] !== undefined || !hasContentMd5(object);
  const md5 = response.status === 200 && !large && isPlainMd5(etag) ? etag.toLowerCase() : undefined;
  const body = verifiedBytes(response.body as AsyncIterable<Uint8Array>, { provider: client.provider, objectName: object.name, size, md5 });
  return Readable.from(body, { objectMode: false });
}
