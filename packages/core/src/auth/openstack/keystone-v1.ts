import type { AuthContext } from '../auth-strategy.js';
import { checkAuthUrl, credentialSecrets, readCredentials, type ApiKeyCredentials } from './identity-credentials.js';
import { malformedIdentityResponse } from './identity-response.js';
import type { IdentityExchange, IdentitySession } from './identity-session.js';
import type { CatalogService } from './service-catalog.js';

/** Settings of {@link keystoneV1Exchange}. */
export interface KeystoneV1Options {
  /** The full v1.0 auth URL, e.g. `https://auth.api.rackspacecloud.com/v1.0` or Swift's `http://host:8080/auth/v1.0`. */
  readonly authUrl: string;
  /** Returns the credentials (for Swift tempauth: `account:user` and the key); called per exchange. */
  readonly credentials: () => ApiKeyCredentials;
}

/**
 * The v1 URL headers, the `endpoints` key each fills, and the synthetic catalog service it becomes. The names are
 * Rackspace's (v1.0 is Rackspace's original protocol, which Swift tempauth copies), so lookups by type or name
 * give the same answer for a v1 and a v2 session.
 */
const URL_HEADERS = [
  { header: 'x-storage-url', key: 'storage', type: 'object-store', name: 'cloudFiles' },
  { header: 'x-server-management-url', key: 'compute', type: 'compute', name: 'cloudServers' },
  { header: 'x-cdn-management-url', key: 'cdn', type: 'rax:object-cdn', name: 'cloudFilesCDN' },
] as const;

/**
 * Creates a v1.0 exchange (Rackspace's first auth API, OpenStack Swift tempauth/swauth): `GET authUrl` with
 * `X-Auth-User` and `X-Auth-Key`, answered by headers only. The URLs go into `endpoints` (`storage`, `compute`,
 * `cdn`) and into a region-less catalog (`object-store`, `compute`, `rax:object-cdn`) for `findEndpoint`.
 *
 * @throws ValidationError at once when `authUrl` is not an http(s) URL; per exchange for unusable credentials
 *
 * @example
 * ```ts
 * const exchange = keystoneV1Exchange({ authUrl: 'http://swift:8080/auth/v1.0', credentials: () => ({ username: 'test:tester', apiKey: 'testing' }) });
 * const session = await createIdentityCache(exchange).current(transport.authContext());
 * const storageUrl = findEndpoint(session.catalog, { type: 'object-store' });
 * ```
 */
export function keystoneV1Exchange(options: KeystoneV1Options): IdentityExchange {
  const authUrl = checkAuthUrl(options.authUrl);
  const secrets = () => credentialSecrets(options.credentials);

  const exchange = async (context: AuthContext): Promise<IdentitySession> => {
    const credentials = readCredentials(options.credentials);
    const apiKey = 'apiKey' in credentials ? credentials.apiKey : credentials.password;
    const response = await context.request({
      method: 'GET',
      url: authUrl,
      headers: { 'X-Auth-User': credentials.username, 'X-Auth-Key': apiKey },
    });
    const body = response.body;
    const provider = context.provider;
    const headers = response.headers;
    const token = headers['x-auth-token'] || headers['x-storage-token'];
    const answer = { provider, status: response.status, body, secrets: () => [...secrets(), token] };
    if (!token) throw malformedIdentityResponse(answer, 'no X-Auth-Token or X-Storage-Token header');

    const endpoints: Record<string, string> = {};
    const catalog: CatalogService[] = [];
    for (const { header, key, type, name } of URL_HEADERS) {
      const url = headers[header];
      if (!url) continue;
      endpoints[key] = url;
      catalog.push({ type, name, endpoints: [{ publicUrl: url }] });
    }
    const expiresAt = parseExpiry(headers['x-auth-token-expires'], context.now());
    if (expiresAt === null) throw malformedIdentityResponse(answer, 'X-Auth-Token-Expires is not a number of seconds');
    return { token, ...(expiresAt === undefined ? {} : { expiresAt }), catalog, endpoints };
  };
  return Object.assign(exchange, { secrets });
}

/** `X-Auth-Token-Expires` holds the token's remaining lifetime in seconds; null when it holds anything else. */
function parseExpiry(value: string | undefined, now: Date): Date | undefined | null {
  if (value === undefined) return undefined;
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  return new Date(now.getTime() + Number(value) * 1000);
}
