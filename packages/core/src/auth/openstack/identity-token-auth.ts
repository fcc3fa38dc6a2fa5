import { ValidationError } from '../../errors/errors.js';
import { getHeader, withHeaders } from '../../http/http-request.js';
import type { AuthStrategy } from '../auth-strategy.js';
import type { IdentityCache } from './identity-cache.js';

/** Settings of {@link identityTokenAuth}. */
export interface IdentityTokenAuthOptions {
  /** The header that carries the token; default `X-Auth-Token` (Swift also accepts `X-Storage-Token`). */
  readonly header?: string | undefined;
}

/** RFC 9110 token characters: what a header name may consist of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Authorizes requests with the token of an identity session (Keystone v1 or v2), exchanging credentials when
 * needed. On a 401 it drops the token the refused request carried (only if it is still the cached one) and has
 * the transport repeat the request, which then gets a fresh token. `secrets()` covers the token and the
 * exchange's API key or password, so none of them reaches a log event or an error message.
 *
 * @throws ValidationError when `header` is not a valid header name
 *
 * @example
 * ```ts
 * const cache = createIdentityCache(keystoneV2Exchange({
 *   authUrl: 'https://identity.api.rackspacecloud.com/v2.0',
 *   credentials: () => ({ username, apiKey }),
 * }));
 * const transport = createTransport({ provider: 'rackspace', auth: identityTokenAuth(cache) });
 * const session = await cache.current(transport.authContext());
 * const files = findEndpoint(session.catalog, { name: 'cloudFiles', region: 'ORD' });
 * await transport.request({ method: 'GET', url: `${files}?format=json` });
 * ```
 */
export function identityTokenAuth(cache: IdentityCache, options: IdentityTokenAuthOptions = {}): AuthStrategy {
  const header = options.header ?? 'X-Auth-Token';
  if (!HEADER_NAME.test(header)) throw new ValidationError('header', `is not a valid HTTP header name: ${JSON.stringify(header)}`);
  return {
    name: 'keystone',
    async authorize(request, context) {
      const session = await cache.current(context);
      return withHeaders(request, { [header]: session.token });
    },
    async onUnauthorized(failed) {
      const token = getHeader(failed.headers, header);
      if (token !== undefined) cache.invalidate(token);
      // Repeat even when another caller already replaced the token: the repeat picks up the new one.
      return true;
    },
    secrets: () => cache.secrets(),
  };
}
