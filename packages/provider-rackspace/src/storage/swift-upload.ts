import { guessContentType, unquoteEtag, uploadInParts, type StorageObject } from '@multicloud/storage';
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
  return uploadInParts(source, options.segmentSize, {
    whole: (body) => putWhole(client, body, { container, name, headers, contentType }, options),
    multipart: (parts) => uploadSwiftSegments(client, parts, container, name, { ...options, headers, contentType, verify }),
  });
}

async function putWhole(
  client: Pick<SwiftClient, 'provider' | 'request'>,
  body: Buffer,
  target: { readonly container: string; readonly name: string; readonly headers: Record<string, string>; readonly contentType: string },
  options: SwiftUploadSettings,
): Promise<StorageObject> {
  const { container, name, headers, contentType } = target;
  const md5 = md5Hex(body);
  const response = await client.request({
    method: 'PUT', container, object: name, body, signal: options.signal,
    headers: { ...headers, ETag: md5 }, acceptStatus: (status) => status === 422,
  });
  const etag = unquoteEtag(response.headers.etag);
  if (response.status === 422) throw hashMismatch(client, name, md5, etag || 'refused by the server (HTTP 422)');
  if (options.verifyHash !== false && etag !== '' && etag.toLowerCase() !== md5) {
    // Stored, but not the bytes we sent: remove it (without the caller's signal; best effort) rather than leave it.
    await client.request({ method: 'DELETE', container, object: name, idempotent: true, acceptStatus: (status) => status === 404 }).catch(() => undefined);
    throw hashMismatch(client, name, md5, etag);
  }
  return uploadedObject(client, { container, name, size: body.length, hash: md5, contentType, lastModified: response.headers['last-modified'] }, options.metadata, { staticLargeObject: false });
}
