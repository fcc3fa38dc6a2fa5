import { createHmac } from 'node:crypto';

/** How many derived keys to keep; a process rarely signs for more secret/day/region/service combinations. */
const CACHE_LIMIT = 50;

// Deriving a key costs four HMACs and the result is valid for a whole UTC day, so it is worth caching on
// the signing hot path. Least recently used entries go first.
const cache = new Map<string, Buffer>();

/**
 * The SigV4 signing key: `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
 * Derived keys are cached in a small bounded map; each call returns a fresh copy, so a caller cannot spoil the
 * cache by writing into the result.
 *
 * @param secretAccessKey - The AWS secret access key.
 * @param dateStamp - `YYYYMMDD` in UTC.
 * @returns The 32-byte key.
 *
 * @example
 * ```ts
 * const key = signingKey(secret, '20150830', 'us-east-1', 'iam');
 * createHmac('sha256', key).update(stringToSign).digest('hex');
 * ```
 */
export function signingKey(secretAccessKey: string, dateStamp: string, region: string, service: string): Uint8Array {
  const cacheKey = JSON.stringify([secretAccessKey, dateStamp, region, service]);
  let key = cache.get(cacheKey);
  if (key === undefined) {
    key = deriveKey(secretAccessKey, dateStamp, region, service);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  } else {
    cache.delete(cacheKey); // re-inserted below, which marks it most recently used
  }
  cache.set(cacheKey, key);
  return Buffer.from(key);
}

function deriveKey(secretAccessKey: string, dateStamp: string, region: string, service: string): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, dateStamp);
  return hmac(hmac(hmac(dateKey, region), service), 'aws4_request');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
