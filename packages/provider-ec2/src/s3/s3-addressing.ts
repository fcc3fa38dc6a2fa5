import { awsDnsSuffix } from '../aws/aws-regions.js';

/** How bucket URLs are formed. */
export interface S3Addressing {
  /** Base URL of the service: the endpoint override, or `https://s3.<region>.<suffix>`. */
  readonly endpoint: string;
  /** Put the bucket in the path (`/bucket/key`) instead of the host name (`bucket.s3…`). */
  readonly pathStyle: boolean;
}

/**
 * Percent-encodes an object key for the URL path: everything but RFC 3986 unreserved characters and `/`. This is
 * exactly the form S3's SigV4 signs (S3 does not double-encode paths), so URL and signature always agree.
 */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%2F/g, '/');
}

/** The default S3 endpoint of a region. */
export function s3Endpoint(region: string): string {
  return `https://s3.${region}.${awsDnsSuffix(region)}`;
}

/**
 * The URL of a bucket (and optionally a key and query). Virtual-hosted style unless path style is asked for, or the
 * bucket name has dots (a dotted name breaks the wildcard TLS certificate of virtual hosts).
 */
export function s3Url(addressing: S3Addressing, bucket: string, key?: string, query?: string): string {
  const path = key === undefined ? '/' : `/${encodeS3Key(key)}`;
  const search = query ? `?${query}` : '';
  if (addressing.pathStyle || bucket.includes('.')) {
    return `${addressing.endpoint}/${encodeURIComponent(bucket)}${key === undefined ? '' : path}${search}`;
  }
  const url = new URL(addressing.endpoint);
  return `${url.protocol}//${bucket}.${url.host}${url.pathname.replace(/\/$/, '')}${path}${search}`;
}

/** A query string from pairs, RFC 3986-encoded, keeping pairs without a value as bare names (`?uploads`). */
export function s3Query(pairs: Readonly<Record<string, string | number | undefined>>): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(pairs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (value === '' ? encode(name) : `${encode(name)}=${encode(String(value))}`))
    .join('&');
}
