import {
  ValidationError,
  createIdentityCache,
  findEndpoint,
  keystoneV1Exchange,
  keystoneV2Exchange,
  type IdentityCache,
  type Transport,
} from '@multicloud/core';
import type { ResolvedRackspaceSettings } from './rackspace-settings.js';

/** A service of the Rackspace catalog, e.g. `{ type: 'compute', name: 'cloudServersOpenStack' }`. */
export interface RackspaceCatalogService {
  /** Catalog type, e.g. `compute`, `rax:load-balancer`, `object-store`. */
  readonly type: string;
  /** Catalog name, e.g. `cloudServersOpenStack`, `cloudLoadBalancers`, `cloudFiles`. */
  readonly name: string;
}

/**
 * The services a v1.0 session knows (it has no real catalog, only the URLs of its answer headers). Next-gen
 * servers and load balancers are not among them, so with `authVersion: '1.0'` those drivers need `endpoint`.
 */
const V1_SERVICES: readonly string[] = ['cloudFiles', 'cloudFilesCDN'];

/**
 * The identity cache of one driver: a Keystone v2.0 (or v1.0) exchange behind core's single-flight cache. Each
 * driver gets its own, so two drivers of the same account make one token exchange each.
 */
export function createRackspaceIdentity(resolved: ResolvedRackspaceSettings): IdentityCache {
  const exchange = resolved.authVersion === '1.0'
    ? keystoneV1Exchange({ authUrl: resolved.authUrl, credentials: () => asApiKey(resolved.credentials()) })
    : keystoneV2Exchange({ authUrl: resolved.authUrl, credentials: resolved.credentials });
  return createIdentityCache(exchange);
}

/** v1.0 sends the secret as `X-Auth-Key` whichever kind it is. */
function asApiKey(credentials: ReturnType<ResolvedRackspaceSettings['credentials']>): { username: string; apiKey: string } {
  return 'apiKey' in credentials ? credentials : { username: credentials.username, apiKey: credentials.password };
}

/** @throws ValidationError at construction when the service cannot be found without `endpoint` */
export function checkServiceReachable(resolved: ResolvedRackspaceSettings, service: RackspaceCatalogService): void {
  if (resolved.authVersion === '1.0' && resolved.endpoint === undefined && !V1_SERVICES.includes(service.name)) {
    throw new ValidationError('endpoint', `authVersion '1.0' gives no catalog entry for ${service.name}; set \`endpoint\` to its URL (or use authVersion '2.0')`);
  }
}

/**
 * Resolves a service URL lazily: on first use it takes the session (exchanging credentials if needed, through the
 * driver's transport) and looks the service up in the catalog for the driver's region; the URL is kept once found.
 * An `endpoint` setting short-circuits the lookup.
 */
export function catalogUrl(
  identity: IdentityCache,
  transport: Transport,
  resolved: ResolvedRackspaceSettings,
  service: RackspaceCatalogService,
  override: string | undefined,
): (signal?: AbortSignal) => Promise<string> {
  let found: string | undefined = override;
  return async (signal) => {
    if (found !== undefined) return found;
    const session = await identity.current(transport.authContext(signal));
    found = findEndpoint(session.catalog, { type: service.type, name: service.name, region: resolved.region }).replace(/\/+$/, '');
    return found;
  };
}
