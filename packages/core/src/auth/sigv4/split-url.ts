import { ValidationError } from '../../errors/errors.js';

/** The parts of an absolute URL that SigV4 needs, cut from the raw text so the path is not normalised. */
export interface UrlParts {
  /** Scheme and authority as written, e.g. `https://example.amazonaws.com:8443`. */
  readonly origin: string;
  /** The `Host` header value a client sends for this URL (lower case, default port dropped). */
  readonly host: string;
  /** The raw path; `/` when the URL has none. */
  readonly path: string;
  /** The raw query without its `?`; empty when there is none. */
  readonly query: string;
}

// scheme://authority, then the path, then ?query; a #fragment is never sent, so it is dropped.
const URL_PATTERN = /^([a-z][a-z\d+.-]*:\/\/[^/?#]*)([^?#]*)(?:\?([^#]*))?/i;

/**
 * Splits an absolute URL by hand: `new URL()` would resolve `/example/..` and percent-encode spaces and
 * non-ASCII, but SigV4 must see the path exactly as it goes on the wire.
 *
 * @param url - An absolute URL, path and query already percent-encoded (or raw, as the test suite has them).
 * @returns Origin, `Host` value, raw path and raw query.
 * @throws ValidationError (`request.url`) when the URL is not absolute.
 */
export function splitUrl(url: string): UrlParts {
  const match = URL_PATTERN.exec(url);
  const origin = match?.[1];
  if (match === null || origin === undefined) {
    throw new ValidationError('request.url', 'must be an absolute URL such as https://host/path');
  }
  return { origin, host: hostOf(origin), path: match[2] || '/', query: match[3] ?? '' };
}

/** The host as the HTTP client will send it; `new URL` is safe here because only the origin is parsed. */
function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch (error) {
    throw new ValidationError('request.url', 'has an invalid host', { cause: error });
  }
}
