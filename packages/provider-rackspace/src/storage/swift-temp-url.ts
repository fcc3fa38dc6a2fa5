import { createHmac } from 'node:crypto';
import { ValidationError } from '@multicloud/core';
import type { StorageObject } from '@multicloud/storage';
import type { SwiftClient } from './swift-client.js';
import { readAccountHeaders } from './swift-objects.js';
import { swiftPath } from './swift-urls.js';

/** The temp URL key of one driver: the setting, or the account's once read (or set through the driver). */
export interface TempUrlKeyState {
  /** The key in force, when known. A secret. */
  key: string | undefined;
}

/** Options of a temp URL. */
export interface TempUrlOptions {
  /** Seconds from now until the URL stops working. */
  readonly expiresInSeconds: number;
  /** The method the URL allows; default `GET` (which also allows HEAD). */
  readonly method?: 'GET' | 'PUT' | undefined;
  /** Cancels reading the key from the account. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Swift's temp URL signature: the hex HMAC-SHA1, with the account's key, of `"<METHOD>\n<expires>\n<path>"`, where
 * the path is the object's *decoded* path (`/v1/<account>/<container>/<object>`, as Swift's middleware sees it).
 */
export function signTempUrl(key: string, method: string, expires: number, path: string): string {
  return createHmac('sha1', key).update(`${method}\n${expires}\n${path}`).digest('hex');
}

/**
 * The account's temp URL key: the setting, else `X-Account-Meta-Temp-Url-Key` (or `-Key-2`) of the account, read
 * once with `GET ?format=json&limit=0` and kept.
 * @throws ValidationError when the account has none
 */
export async function tempUrlKey(client: SwiftClient, state: TempUrlKeyState, signal?: AbortSignal): Promise<string> {
  if (state.key !== undefined) return state.key;
  const headers = await readAccountHeaders(client, { signal });
  const key = headers['x-account-meta-temp-url-key'] || headers['x-account-meta-temp-url-key-2'];
  if (!key) {
    throw new ValidationError('tempUrlKey', 'the account has no temp URL key: set the `tempUrlKey` setting, or give the account one with exSetTempUrlKey(key)');
  }
  state.key = key;
  return key;
}

/**
 * A URL granting `method` on the object without credentials for `expiresInSeconds`, on the account's public URL.
 * @throws ValidationError for a bad expiry or method, or when no key is known
 */
export async function swiftTemporaryUrl(client: SwiftClient, state: TempUrlKeyState, object: StorageObject, options: TempUrlOptions): Promise<string> {
  const method = options.method ?? 'GET';
  if (method !== 'GET' && method !== 'PUT') throw new ValidationError('options.method', `must be GET or PUT, got ${JSON.stringify(method)}`);
  if (!Number.isInteger(options.expiresInSeconds) || options.expiresInSeconds <= 0) {
    throw new ValidationError('options.expiresInSeconds', `must be a whole number of seconds > 0, got ${String(options.expiresInSeconds)}`);
  }
  const key = await tempUrlKey(client, state, options.signal);
  const base = await client.publicStorageUrl(options.signal);
  const expires = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
  const path = `${decodeURIComponent(new URL(base).pathname).replace(/\/+$/, '')}/${object.containerName}/${object.name}`;
  return `${base}${swiftPath(object.containerName, object.name)}?temp_url_sig=${signTempUrl(key, method, expires, path)}&temp_url_expires=${expires}`;
}

/** Sets the account's temp URL key (`POST` the account with `X-Account-Meta-Temp-URL-Key`) and uses it from now on. */
export async function setTempUrlKey(client: SwiftClient, state: TempUrlKeyState, key: string, signal?: AbortSignal): Promise<void> {
  if (typeof key !== 'string' || key === '' || !/^[\x21-\x7e]+$/.test(key)) throw new ValidationError('key', 'must be a non-empty string of printable ASCII without blanks');
  await client.request({ method: 'POST', headers: { 'X-Account-Meta-Temp-URL-Key': key }, signal, idempotent: true });
  state.key = key;
}
