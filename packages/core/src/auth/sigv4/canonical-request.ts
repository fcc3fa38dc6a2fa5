/** The already-canonical pieces a canonical request is made of. */
export interface CanonicalRequestParts {
  /** HTTP method, upper case. */
  readonly method: string;
  /** From {@link canonicalUri}. */
  readonly uri: string;
  /** From {@link canonicalQuery}. */
  readonly query: string;
  /** `canonical` from {@link canonicalHeaders}. */
  readonly headers: string;
  /** `signedHeaders` from {@link canonicalHeaders}. */
  readonly signedHeaders: string;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  readonly payloadHash: string;
}

/**
 * Assembles the SigV4 canonical request: method, URI, query, header lines, a blank line (the header block
 * ends with a newline of its own), signed header list and payload hash, one per line.
 *
 * @returns The canonical request text whose SHA-256 goes into the string to sign.
 *
 * @example
 * ```ts
 * canonicalRequest({ method: 'GET', uri: '/', query: '', headers: 'host:example.com', signedHeaders: 'host', payloadHash: 'e3b0…' });
 * // 'GET\n/\n\nhost:example.com\n\nhost\ne3b0…'
 * ```
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return `${parts.method}\n${parts.uri}\n${parts.query}\n${parts.headers}\n\n${parts.signedHeaders}\n${parts.payloadHash}`;
}
