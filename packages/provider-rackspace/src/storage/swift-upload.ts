import { cutIntoParts, guessContentType, unquoteEtag, type StorageObject } from '@multicloud/storage';
import type { SwiftClient } from './swift-client.js';
import { uploadSwiftSegments } from './swift-slo.js';
import { hashMismatch, md5Hex, uploadedObject, type SwiftUploadSettings } from './swift-upload-common.js';
import { metadataHeaders } from './swift-validation.js';

/**
 * Uploads a byte stream. A stream that ends within the first `segmentSize` bytes is one PUT with its MD5 as
 * `ETag` (Swift refuses mismatching bytes with 422); a longer one becomes a Static Large Object (see
 * `uploadSwiftSegments`). Content type from the option, else guessed from the name.
 * @throws ObjectHashMismatchError when Swift refuses the bytes or answers another ETag
 */
export async function uploadSwiftStream(
  client: Pick<SwiftClient, 'provider' | 'request'>,
  source: AsyncIterable<Uint8Array>,
  container: string,
  name: string,
  options: SwiftUploadSettings,
): Promise<StorageObject> {
  const contentType = options.contentType ?? guessContentType(name);
  const headers = { 'Content-Type': contentType, ...metadataHeaders(options.metadata) };
  const verify = options.verifyHash !== false;
  const parts = cutIntoParts(source, options.segmentSize)[Symbol.asyncIterator]();
  const first = await parts.next();
  const firstPart = first.done ? Buffer.alloc(0) : first.value;
  const second = first.done ? first : await parts.next();
  if (!second.done) {
    async function* allParts(): AsyncGenerator<Buffer> {
      yield firstPart;
      yield second.value as Buffer;
      for (let next = await parts.next(); !next.done; next = await parts.next()) yield next.value;
    }
    return uploadSwiftSegments(client, allParts(), container, name, { ...options, headers, contentType, verify });
  }

  const md5 = md5Hex(firstPart);
  const response = await client.request({
    method: 'PUT', container, object: name, body: firstPart, signal: options.signal,
    headers: { ...headers, ETag: md5 }, acceptStatus: (status) => status === 422,
  });
  const etag = unquoteEtag(response.headers.etag);
  if (response.status === 422) throw hashMismatch(client, name, md5, etag || 'refused by the server (HTTP 422)');
  if (verify && etag !== '' && etag.toLowerCase() !== md5) throw hashMismatch(client, name, md5, etag);
  return uploadedObject(client, { container, name, size: firstPart.length, hash: md5, contentType, lastModified: response.headers['last-modified'] }, options.metadata, { staticLargeObject: false });
}
