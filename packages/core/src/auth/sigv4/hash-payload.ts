import type { RequestBody } from '../../http/http-request.js';
import { sha256Hex } from './sha256-hex.js';

/** The payload hash that tells AWS the body is not signed (streams, and S3 presigned URLs). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** Hex SHA-256 of an empty body. */
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * The SigV4 payload hash of a body: hex SHA-256 of text (UTF-8) or bytes, the empty hash when there is no body,
 * and `UNSIGNED-PAYLOAD` for a stream, which cannot be read twice (once to hash, once to send).
 *
 * @param body - The request body, if any.
 * @returns 64 hex digits or `UNSIGNED-PAYLOAD`.
 *
 * @example
 * ```ts
 * hashPayload('Param1=value1'); // '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e'
 * ```
 */
export function hashPayload(body: RequestBody | undefined): string {
  if (body === undefined) return EMPTY_PAYLOAD_SHA256;
  if (typeof body === 'string' || body instanceof Uint8Array) return sha256Hex(body);
  return UNSIGNED_PAYLOAD;
}
