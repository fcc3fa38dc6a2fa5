import { MalformedResponseError, ValidationError } from '@multicloud/core';
import type { Container, StorageObject } from '@multicloud/storage';
import type { SwiftClient } from './swift-client.js';
import { encodeObjectName } from './swift-urls.js';

/** Options of `enableContainerCdn` on Cloud Files. */
export interface CdnEnableOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** How long the CDN caches objects, in seconds (`X-TTL`; Cloud Files: 900 to 31 536 000, default 259 200). */
  readonly exTtlSeconds?: number | undefined;
}

/** Options of `getObjectCdnUrl` on Cloud Files. */
export interface CdnUrlOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** The HTTPS URL (`X-Cdn-Ssl-Uri`) instead of the HTTP one (`X-Cdn-Uri`). */
  readonly exSsl?: boolean | undefined;
}

/** The CDN URIs of CDN-enabled containers, by name (they never change once given). */
export type CdnUris = Map<string, { readonly uri: string | undefined; readonly sslUri: string | undefined }>;

/** Publishes a container on the CDN: `PUT` on the CDN management URL with `X-CDN-Enabled: True`. */
export async function enableSwiftContainerCdn(client: SwiftClient, container: Container, options: CdnEnableOptions = {}): Promise<void> {
  const ttl = options.exTtlSeconds;
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0)) throw new ValidationError('options.exTtlSeconds', `must be a whole number of seconds > 0, got ${String(ttl)}`);
  await client.request({
    method: 'PUT', container: container.name, cdn: true, signal: options.signal,
    headers: { 'X-CDN-Enabled': 'True', ...(ttl === undefined ? {} : { 'X-TTL': String(ttl) }) },
  });
}

/**
 * The CDN URL of an object: its container's `X-Cdn-Uri` (a `HEAD` on the CDN management URL, kept per container)
 * plus `/` and the encoded object name.
 * @throws ValidationError when the container is not CDN-enabled
 */
export async function swiftObjectCdnUrl(client: SwiftClient, uris: CdnUris, object: StorageObject, options: CdnUrlOptions = {}): Promise<string> {
  let known = uris.get(object.containerName);
  if (known === undefined) {
    const response = await client.request({ method: 'HEAD', container: object.containerName, cdn: true, signal: options.signal, acceptStatus: (status) => status === 404 });
    if (response.status === 404 || (response.headers['x-cdn-enabled'] ?? '').toLowerCase() !== 'true') {
      throw new ValidationError('object', `container "${object.containerName}" is not CDN-enabled; call enableContainerCdn first`);
    }
    known = { uri: response.headers['x-cdn-uri'], sslUri: response.headers['x-cdn-ssl-uri'] };
    uris.set(object.containerName, known);
  }
  const uri = options.exSsl ? known.sslUri : known.uri;
  if (!uri) {
    throw new MalformedResponseError({ provider: client.provider, body: '', reason: `the CDN answered no ${options.exSsl ? 'X-Cdn-Ssl-Uri' : 'X-Cdn-Uri'} for container "${object.containerName}"` });
  }
  return `${uri.replace(/\/+$/, '')}/${encodeObjectName(object.name)}`;
}
