import { ValidationError } from '../errors/errors.js';
import { withHeaders } from '../http/http-request.js';
import type { AuthStrategy } from './auth-strategy.js';

/** Settings of {@link staticTokenAuth}. */
export interface StaticTokenAuthOptions {
  /**
   * The header that carries the token; default `X-Auth-Token`. `Authorization` (any case) sends
   * `Bearer <token>`, the OAuth 2 form; any other header carries the bare token.
   */
  readonly header?: string | undefined;
}

/** RFC 9110 token characters: what a header name may consist of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Authorizes every request with a token the caller already has (a pre-issued Keystone token, an API token,
 * an OAuth bearer token). Pass a function to hand out a token that changes over time; it is read per request.
 *
 * @param token - the token, or a function returning the current one
 * @param options - which header carries it
 * @throws ValidationError when `header` is not a valid header name (at once), or the token is empty (per request)
 *
 * @example
 * ```ts
 * const transport = createTransport({ provider: 'openstack', auth: staticTokenAuth(process.env.OS_TOKEN ?? '') });
 * const bearer = staticTokenAuth(() => tokens.current, { header: 'Authorization' }); // Authorization: Bearer …
 * ```
 */
export function staticTokenAuth(token: string | (() => string), options: StaticTokenAuthOptions = {}): AuthStrategy {
  const header = options.header ?? 'X-Auth-Token';
  if (!HEADER_NAME.test(header)) throw new ValidationError('header', `is not a valid HTTP header name: ${JSON.stringify(header)}`);
  const bearer = header.toLowerCase() === 'authorization';
  const read = typeof token === 'function' ? token : () => token;
  return {
    name: 'token',
    authorize(request) {
      const value = read();
      if (typeof value !== 'string' || value.length === 0) throw new ValidationError('token', 'is empty');
      return withHeaders(request, { [header]: bearer ? `Bearer ${value}` : value });
    },
    secrets() {
      // A throwing token source must not break log scrubbing; authorize() reports the problem instead.
      try {
        return [read()];
      } catch {
        return [];
      }
    },
  };
}
