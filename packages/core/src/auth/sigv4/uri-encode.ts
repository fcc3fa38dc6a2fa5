/**
 * Percent-encodes a string as UTF-8, leaving only the RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
 * This is the strict encoding SigV4 uses for path segments and query components.
 *
 * @example
 * ```ts
 * uriEncode("it's (a) test*"); // 'it%27s%20%28a%29%20test%2A'
 * ```
 */
export function uriEncode(text: string): string {
  // encodeURIComponent leaves !'()* alone, but AWS encodes them; they are all single-byte, so upper-hex them.
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
