import { sha256Hex } from './sha256-hex.js';

/** The algorithm name that opens the string to sign and the Authorization header. */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * The SigV4 string to sign: algorithm, request time, credential scope and the hex SHA-256 of the canonical
 * request, one per line.
 *
 * @param amzDate - The request time as `YYYYMMDDTHHMMSSZ` (see {@link formatAmzDate}).
 * @param scope - From {@link credentialScope}.
 * @param canonicalRequestText - From {@link canonicalRequest}.
 *
 * @example
 * ```ts
 * stringToSign('20150830T123600Z', '20150830/us-east-1/service/aws4_request', creq);
 * // 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n<sha256 of creq>'
 * ```
 */
export function stringToSign(amzDate: string, scope: string, canonicalRequestText: string): string {
  return `${SIGV4_ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequestText)}`;
}
