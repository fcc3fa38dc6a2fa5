import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/errors.js';
import type { HttpRequest } from '../http/http-request.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';

/**
 * The GoGrid API signature: hex MD5 of API key, shared secret and the Unix time in whole seconds, concatenated.
 * GoGrid accepts it for a few minutes around the given time.
 *
 * @param apiKey - The GoGrid API key.
 * @param sharedSecret - The shared secret that goes with the key.
 * @param date - The request time.
 * @returns 32 lower-case hex digits.
 * @throws ValidationError (`date`) when the date is invalid.
 *
 * @example
 * ```ts
 * goGridSignature('key', 'secret', new Date(1_700_000_000_000)); // md5('keysecret1700000000')
 * ```
 */
export function goGridSignature(apiKey: string, sharedSecret: string, date: Date): string {
  const milliseconds = date.getTime();
  if (Number.isNaN(milliseconds)) throw new ValidationError('date', 'must be a valid Date');
  const epochSeconds = Math.floor(milliseconds / 1000);
  return createHash('md5').update(`${apiKey}${sharedSecret}${epochSeconds}`, 'utf8').digest('hex');
}

/** GoGrid credentials as a credentials function returns them. */
export interface GoGridCredentials {
  /** The GoGrid API key (public part). */
  readonly apiKey: string;
  /** The shared secret (never sent; only hashed into `sig`). */
  readonly sharedSecret: string;
}

/** Settings of {@link goGridAuth}. */
export interface GoGridAuthSettings {
  /** Returns the current credentials; called on every request. May throw. */
  readonly credentials: () => GoGridCredentials;
  /** The `v` parameter when the request has none; default `1.8`. */
  readonly apiVersion?: string | undefined;
}

/** A GoGrid strategy; `secrets` is always present. */
export interface GoGridAuthStrategy extends AuthStrategy {
  /** The shared secrets used so far, for redaction. */
  secrets(): readonly string[];
}

// Parameters this strategy owns: earlier values (from a retried request, say) are replaced, not duplicated.
const OWNED_PARAMETERS = new Set(['api_key', 'sig']);

/**
 * An {@link AuthStrategy} for the GoGrid API, which authenticates through the query string: it appends
 * `api_key`, `v` and `format=json` (unless the request sets them) and `sig` (see {@link goGridSignature}),
 * keeping the existing query as it is. `secrets()` lists the shared secrets it has used.
 *
 * @example
 * ```ts
 * const auth = goGridAuth({ credentials: () => ({ apiKey: 'key', sharedSecret: 'secret' }) });
 * // GET https://api.gogrid.com/api/grid/server/list
 * //   → …/list?api_key=key&v=1.8&format=json&sig=<md5>
 * ```
 */
export function goGridAuth(settings: GoGridAuthSettings): GoGridAuthStrategy {
  const seen = new Set<string>();
  return {
    name: 'gogrid',
    authorize(request: HttpRequest, context: AuthContext): HttpRequest {
      const { apiKey, sharedSecret } = settings.credentials();
      if (sharedSecret) seen.add(sharedSecret);
      const signature = goGridSignature(apiKey, sharedSecret, context.now());
      return { ...request, url: withParameters(request.url, apiKey, settings.apiVersion ?? '1.8', signature) };
    },
    secrets: () => [...seen],
  };
}

function withParameters(url: string, apiKey: string, apiVersion: string, signature: string): string {
  const fragmentStart = url.indexOf('#');
  const fragment = fragmentStart === -1 ? '' : url.slice(fragmentStart);
  const beforeFragment = fragmentStart === -1 ? url : url.slice(0, fragmentStart);
  const queryStart = beforeFragment.indexOf('?');
  const base = queryStart === -1 ? beforeFragment : beforeFragment.slice(0, queryStart);
  const query = queryStart === -1 ? '' : beforeFragment.slice(queryStart + 1);

  const existing = new URLSearchParams(query);
  // Kept as the raw text, so the caller's encoding of the other parameters is not rewritten.
  const kept = query.split('&').filter((parameter) => parameter !== '' && !OWNED_PARAMETERS.has(parameterName(parameter)));
  const added = new URLSearchParams({ api_key: apiKey });
  if (!existing.has('v')) added.append('v', apiVersion);
  if (!existing.has('format')) added.append('format', 'json');
  added.append('sig', signature);
  return `${base}?${[...kept, added.toString()].join('&')}${fragment}`;
}

function parameterName(parameter: string): string {
  return new URLSearchParams(parameter).keys().next().value ?? '';
}
