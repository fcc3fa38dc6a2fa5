import { ValidationError } from '../../errors/errors.js';
import type { HttpRequest } from '../../http/http-request.js';
import { getHeader } from '../../http/http-request.js';
import { canonicalHeaders } from './canonical-headers.js';
import { computeSignature } from './compute-signature.js';
import { credentialScope } from './credential-scope.js';
import { formatAmzDate } from './format-amz-date.js';
import { hashPayload, UNSIGNED_PAYLOAD } from './hash-payload.js';
import type { SignV4Options } from './sign-v4.js';
import { splitUrl } from './split-url.js';
import { SIGV4_ALGORITHM } from './string-to-sign.js';
import { uriEncode } from './uri-encode.js';

/** Options of {@link presignV4}: those of `signV4` (`contentSha256Header` is ignored) plus the lifetime. */
export interface PresignV4Options extends SignV4Options {
  /** How long the URL stays valid, 1 to 604800 seconds (7 days, the SigV4 maximum). */
  readonly expiresInSeconds: number;
}

/** The longest lifetime SigV4 allows for a presigned URL: 7 days. */
export const MAX_PRESIGN_EXPIRY_SECONDS = 604_800;

// Query parameters this function writes; stale ones from an earlier presigning are dropped first (a caller's
// own X-Amz-Security-Token is kept unless a session token replaces it).
const AUTH_PARAMETERS = new Set(['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires',
  'x-amz-signedheaders', 'x-amz-signature']);

/**
 * Presigns a request with AWS Signature Version 4 (query-string form): the returned URL carries the credential,
 * time, lifetime and signature, so anyone holding it can make the request until it expires. `x-amz-*` headers
 * move into the query, since a URL travels without headers; other headers (at least `host`) are signed and
 * must be sent unchanged. For S3 the payload is `UNSIGNED-PAYLOAD` unless `payloadHash` says otherwise.
 *
 * @param request - The request to authorize; its URL must be exactly what goes on the wire.
 * @param options - As for `signV4`, plus `expiresInSeconds`.
 * @returns The presigned URL (its query in canonical order).
 * @throws ValidationError (`expiresInSeconds`) when the lifetime is not a whole number from 1 to 604800.
 *
 * @example
 * ```ts
 * const url = presignV4(
 *   { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: {} },
 *   { accessKeyId, secretAccessKey, region: 'us-east-1', service: 's3', date: new Date(), expiresInSeconds: 3600,
 *     uriEscapePath: false, normalizePath: false },
 * );
 * ```
 */
export function presignV4(request: HttpRequest, options: PresignV4Options): string {
  const { expiresInSeconds } = options;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_PRESIGN_EXPIRY_SECONDS) {
    throw new ValidationError('expiresInSeconds', `must be a whole number from 1 to ${MAX_PRESIGN_EXPIRY_SECONDS}, got ${expiresInSeconds}`);
  }
  const url = splitUrl(request.url);
  const amzDate = formatAmzDate(options.date);
  const scope = credentialScope(amzDate.slice(0, 8), options.region, options.service);
  const token = options.sessionToken || undefined;
  const signToken = token !== undefined && options.signSessionToken !== false;

  const isStale = (lowerCaseName: string): boolean =>
    AUTH_PARAMETERS.has(lowerCaseName) || (token !== undefined && lowerCaseName === 'x-amz-security-token');
  const query = url.query.split('&').filter((parameter) => parameter !== '' && !isStale(parameterName(parameter)));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const lowerCaseName = name.toLowerCase();
    if (lowerCaseName === 'authorization' || isStale(lowerCaseName)) continue;
    if (lowerCaseName.startsWith('x-amz-')) query.push(`${uriEncode(name)}=${uriEncode(value)}`);
    else headers[name] = value;
  }
  if (getHeader(headers, 'host') === undefined) headers['host'] = url.host;

  query.push(
    `X-Amz-Algorithm=${SIGV4_ALGORITHM}`,
    `X-Amz-Credential=${uriEncode(`${options.accessKeyId}/${scope}`)}`,
    `X-Amz-Date=${amzDate}`,
    `X-Amz-Expires=${expiresInSeconds}`,
    `X-Amz-SignedHeaders=${uriEncode(canonicalHeaders(headers).signedHeaders)}`,
  );
  if (signToken) query.push(`X-Amz-Security-Token=${uriEncode(token)}`);

  const payloadHash = options.payloadHash
    ?? getHeader(request.headers, 'x-amz-content-sha256')
    ?? (options.service === 's3' ? UNSIGNED_PAYLOAD : hashPayload(request.body));
  const result = computeSignature({
    method: request.method,
    path: url.path,
    query: query.join('&'),
    headers,
    payloadHash,
    amzDate,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: options.service,
    normalizePath: options.normalizePath,
    uriEscapePath: options.uriEscapePath,
  });
  const unsignedToken = token !== undefined && !signToken ? `&X-Amz-Security-Token=${uriEncode(token)}` : '';
  return `${url.origin}${url.path}?${result.canonicalQuery}&X-Amz-Signature=${result.signature}${unsignedToken}`;
}

function parameterName(parameter: string): string {
  const equals = parameter.indexOf('=');
  return (equals === -1 ? parameter : parameter.slice(0, equals)).toLowerCase();
}
