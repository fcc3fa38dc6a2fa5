import { createHmac } from 'node:crypto';
import { canonicalHeaders } from './canonical-headers.js';
import { canonicalQuery } from './canonical-query.js';
import { canonicalRequest } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { credentialScope } from './credential-scope.js';
import { signingKey } from './signing-key.js';
import { stringToSign } from './string-to-sign.js';

/** Everything the signature depends on, with the headers already as they will be sent. */
export interface SignatureInput {
  readonly method: string;
  /** Raw path, as from `splitUrl`. */
  readonly path: string;
  /** Raw query without `?`. */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payloadHash: string;
  /** `YYYYMMDDTHHMMSSZ`. */
  readonly amzDate: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
  readonly normalizePath?: boolean | undefined;
  readonly uriEscapePath?: boolean | undefined;
}

/** The intermediate values and the result of signing, for the Authorization header, URLs and tests. */
export interface SignatureResult {
  /** The canonical request that was hashed (AWS echoes it in `SignatureDoesNotMatch`). */
  readonly canonicalRequest: string;
  /** The string to sign that was HMACed. */
  readonly stringToSign: string;
  /** Hex HMAC-SHA256 of the string to sign. */
  readonly signature: string;
  /** `;`-joined signed header names. */
  readonly signedHeaders: string;
  /** `<date>/<region>/<service>/aws4_request`. */
  readonly credentialScope: string;
  /** The canonical query string that was signed (presigned URLs reuse it so URL and signature agree). */
  readonly canonicalQuery: string;
}

/**
 * Runs the four SigV4 steps (canonical request, string to sign, signing key, signature) over prepared input.
 * Shared by `signV4` and `presignV4`, which differ only in where the auth values go.
 */
export function computeSignature(input: SignatureInput): SignatureResult {
  const scope = credentialScope(input.amzDate.slice(0, 8), input.region, input.service);
  const headers = canonicalHeaders(input.headers);
  const query = canonicalQuery(input.query);
  const request = canonicalRequest({
    method: input.method,
    uri: canonicalUri(input.path, { normalizePath: input.normalizePath, uriEscapePath: input.uriEscapePath }),
    query,
    headers: headers.canonical,
    signedHeaders: headers.signedHeaders,
    payloadHash: input.payloadHash,
  });
  const toSign = stringToSign(input.amzDate, scope, request);
  const key = signingKey(input.secretAccessKey, input.amzDate.slice(0, 8), input.region, input.service);
  return {
    canonicalRequest: request,
    stringToSign: toSign,
    signature: createHmac('sha256', key).update(toSign, 'utf8').digest('hex'),
    signedHeaders: headers.signedHeaders,
    credentialScope: scope,
    canonicalQuery: query,
  };
}
