/**
 * Headers SigV4 never signs: `authorization` itself, and hop-by-hop or client-managed headers that proxies and
 * HTTP clients may add, drop or rewrite (the same list as the AWS SDK), so the signature survives the trip.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/**
 * Whether a header takes part in the signature.
 *
 * @param lowerCaseName - The header name in lower case.
 */
export function isSignableHeader(lowerCaseName: string): boolean {
  return !UNSIGNABLE_HEADERS.has(lowerCaseName) && !lowerCaseName.startsWith('proxy-') && !lowerCaseName.startsWith('sec-');
}
