import { uriEncode } from './uri-encode.js';

/** How {@link canonicalUri} treats the path. S3 turns both off. */
export interface CanonicalUriOptions {
  /** Remove `.` and `..` segments and empty segments (`//`); default `true`. */
  readonly normalizePath?: boolean | undefined;
  /** Percent-encode each segment again (so `%2F` becomes `%252F`); default `true`. */
  readonly uriEscapePath?: boolean | undefined;
}

/**
 * The canonical URI of SigV4: the path, normalised and percent-encoded per segment. Every service except S3
 * wants the already-encoded wire path encoded a second time; S3 wants the path exactly as sent.
 *
 * @param path - The raw path from the request line, e.g. `/example space/` or `//a/../b`.
 * @param options - Whether to normalise and to encode (both default to `true`).
 * @returns The canonical URI, always starting with `/` when the path does.
 *
 * @example
 * ```ts
 * canonicalUri('//example//'); // '/example/'
 * canonicalUri('/a%20b');      // '/a%2520b'
 * canonicalUri('/a//b', { normalizePath: false, uriEscapePath: false }); // '/a//b' (S3)
 * ```
 */
export function canonicalUri(path: string, options: CanonicalUriOptions = {}): string {
  const { normalizePath = true, uriEscapePath = true } = options;
  let result = path === '' ? '/' : path;
  if (normalizePath) result = removeDotSegments(result);
  // Encoding segment by segment keeps the separators while encoding everything else, `%` included.
  if (uriEscapePath) result = result.split('/').map(uriEncode).join('/');
  return result;
}

/** Resolves `.`/`..`, drops empty segments, keeps a trailing slash (the same rules as the AWS SDK). */
function removeDotSegments(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `${leading}${segments.join('/')}${trailing}`;
}
