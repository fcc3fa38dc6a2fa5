import type { HttpRequest } from '../../http/http-request.js';
import { getHeader, withHeaders } from '../../http/http-request.js';
import type { SignatureResult } from './compute-signature.js';
import { computeSignature } from './compute-signature.js';
import { formatAmzDate } from './format-amz-date.js';
import { hashPayload } from './hash-payload.js';
import { splitUrl } from './split-url.js';
import { SIGV4_ALGORITHM } from './string-to-sign.js';

/** Credentials, scope and service quirks for {@link signV4}. */
export interface SignV4Options {
  /** The access key id, e.g. `AKIA…`. */
  readonly accessKeyId: string;
  /** The secret access key (never sent; only used to derive the signing key). */
  readonly secretAccessKey: string;
  /** Temporary-credential token; sent as `X-Amz-Security-Token`. */
  readonly sessionToken?: string | undefined;
  /** e.g. `us-east-1`. */
  readonly region: string;
  /** Signing name of the service, e.g. `ec2`, `s3`, `elasticloadbalancing`. */
  readonly service: string;
  /** The request time; the signature is valid for about 15 minutes around it. */
  readonly date: Date;
  /** A precomputed hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`; otherwise derived from the body. */
  readonly payloadHash?: string | undefined;
  /** Encode the path again per segment; default `true`. S3 passes `false`. */
  readonly uriEscapePath?: boolean | undefined;
  /** Remove `.`, `..` and empty path segments; default `true`. S3 passes `false`. */
  readonly normalizePath?: boolean | undefined;
  /** Send the payload hash as `x-amz-content-sha256` (S3 requires it); default `false`. */
  readonly contentSha256Header?: boolean | undefined;
  /** Sign `X-Amz-Security-Token` (default `true`); `false` adds it after signing, as a few services want. */
  readonly signSessionToken?: boolean | undefined;
}

/** The signed request together with the intermediate values, for diagnosis and tests. */
export interface SignV4Details extends SignatureResult {
  /** The signed request. */
  readonly request: HttpRequest;
}

const TOKEN_HEADER = 'X-Amz-Security-Token';

/**
 * Signs a request with AWS Signature Version 4 (header form) and also returns the canonical request and string
 * to sign — what AWS echoes in a `SignatureDoesNotMatch` error, so they can be compared.
 *
 * @returns The signed request and the intermediate values.
 */
export function signV4WithDetails(request: HttpRequest, options: SignV4Options): SignV4Details {
  const url = splitUrl(request.url);
  const amzDate = formatAmzDate(options.date);
  // A caller (or the S3 driver) that already put the hash in a header has said what the payload is.
  const payloadHash = options.payloadHash ?? getHeader(request.headers, 'x-amz-content-sha256') ?? hashPayload(request.body);
  const token = options.sessionToken || undefined;
  const signToken = token !== undefined && options.signSessionToken !== false;

  const added: Record<string, string> = { 'X-Amz-Date': amzDate };
  if (getHeader(request.headers, 'host') === undefined) added['Host'] = url.host;
  if (signToken) added[TOKEN_HEADER] = token;
  if (options.contentSha256Header === true) added['x-amz-content-sha256'] = payloadHash;
  let prepared = withHeaders(request, added);
  // A token that is added after signing must not be signed, even if the caller left a copy on the request.
  if (token !== undefined && !signToken) prepared = withoutHeader(prepared, TOKEN_HEADER);

  const result = computeSignature({
    method: request.method,
    path: url.path,
    query: url.query,
    headers: prepared.headers,
    payloadHash,
    amzDate,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: options.service,
    normalizePath: options.normalizePath,
    uriEscapePath: options.uriEscapePath,
  });
  const authorization = `${SIGV4_ALGORITHM} Credential=${options.accessKeyId}/${result.credentialScope}, `
    + `SignedHeaders=${result.signedHeaders}, Signature=${result.signature}`;
  // withHeaders replaces any Authorization the caller had, whatever its case.
  const signed = withHeaders(prepared, { Authorization: authorization, ...(token !== undefined && !signToken ? { [TOKEN_HEADER]: token } : {}) });
  return { ...result, request: signed };
}

/**
 * Signs a request with AWS Signature Version 4, returning a new request with `Authorization`, `X-Amz-Date`,
 * `Host` (when missing), `X-Amz-Security-Token` (with a session token) and `x-amz-content-sha256` (when asked).
 * Pure and synchronous: the input is not changed, and the same input and date give the same output.
 *
 * @param request - The unsigned request; its URL must be exactly what goes on the wire.
 * @param options - Credentials, region, service, time and service quirks.
 * @returns The signed request.
 * @throws ValidationError for a URL that is not absolute, a malformed query or an invalid date.
 *
 * @example
 * ```ts
 * const signed = signV4(
 *   { method: 'GET', url: 'https://ec2.us-east-1.amazonaws.com/?Action=DescribeRegions&Version=2016-11-15', headers: {} },
 *   { accessKeyId, secretAccessKey, region: 'us-east-1', service: 'ec2', date: new Date() },
 * );
 * // S3: add { uriEscapePath: false, normalizePath: false, contentSha256Header: true }
 * ```
 */
export function signV4(request: HttpRequest, options: SignV4Options): HttpRequest {
  return signV4WithDetails(request, options).request;
}

function withoutHeader(request: HttpRequest, name: string): HttpRequest {
  const unwanted = name.toLowerCase();
  return { ...request, headers: Object.fromEntries(Object.entries(request.headers).filter(([key]) => key.toLowerCase() !== unwanted)) };
}
