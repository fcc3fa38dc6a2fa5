import { ValidationError } from '../../errors/errors.js';

/** One endpoint of a catalog service: its region and the URLs it is reachable at. */
export interface CatalogEndpoint {
  /** Region, e.g. `ORD`; absent for global services (Rackspace's first-generation `cloudServers`). */
  readonly region?: string | undefined;
  /** The tenant (project) the URLs belong to. */
  readonly tenantId?: string | undefined;
  /** URL for callers on the internet. */
  readonly publicUrl?: string | undefined;
  /** URL inside the provider's network (Rackspace ServiceNet), often free of bandwidth charges. */
  readonly internalUrl?: string | undefined;
  /** URL for administrative operations. */
  readonly adminUrl?: string | undefined;
}

/** One service of the catalog, e.g. `{ type: 'object-store', name: 'cloudFiles' }`. */
export interface CatalogService {
  /** Service type, e.g. `object-store`, `compute`, `rax:load-balancer`. */
  readonly type: string;
  /** Service name, e.g. `cloudFiles`, `cloudServersOpenStack`, `nova`. */
  readonly name: string;
  /** Where the service is offered. */
  readonly endpoints: readonly CatalogEndpoint[];
}

/** The services an identity exchange said the account may use, normalised across Keystone v1 and v2. */
export type ServiceCatalog = readonly CatalogService[];

/** Which URL of an endpoint to use. */
export type EndpointInterface = 'public' | 'internal' | 'admin';

/** What {@link findEndpoint} looks for. Give `type`, `name`, or both. */
export interface EndpointQuery {
  /** Service type, e.g. `object-store`. */
  readonly type?: string | undefined;
  /** Service name, e.g. `cloudFiles`. */
  readonly name?: string | undefined;
  /** Region, compared case-insensitively; endpoints without a region match any region. */
  readonly region?: string | undefined;
  /** Which URL to return; default `public`. */
  readonly interface?: EndpointInterface | undefined;
}

const URL_FIELD = { public: 'publicUrl', internal: 'internalUrl', admin: 'adminUrl' } as const;

/**
 * Finds the URL of a service in a catalog. A region-specific endpoint wins over a global (region-less) one.
 *
 * @returns the URL of the requested interface
 * @throws ValidationError (`service`) when no service matches, or several different services do (pass `name`);
 *   (`region`) when the service is not offered in the region, or is offered in several and none was given;
 *   (`interface`) when the endpoint has no URL of that kind. Each message lists what the catalog does offer.
 *
 * @example
 * ```ts
 * const storage = findEndpoint(session.catalog, { name: 'cloudFiles', region: 'ord', interface: 'internal' });
 * const compute = findEndpoint(session.catalog, { type: 'compute', name: 'cloudServersOpenStack', region: 'DFW' });
 * ```
 */
export function findEndpoint(catalog: ServiceCatalog, query: EndpointQuery): string {
  if (query.type === undefined && query.name === undefined) throw new ValidationError('service', 'give a service type, a name, or both');
  const wanted = describeQuery(query);
  const services = catalog.filter(
    (service) => (query.type === undefined || service.type === query.type) && (query.name === undefined || service.name === query.name),
  );
  if (services.length === 0) throw new ValidationError('service', `no service ${wanted} in the catalog; it offers: ${describeCatalog(catalog)}`);

  const region = query.region?.toLowerCase();
  const inRegion = (endpoint: CatalogEndpoint) => region !== undefined && endpoint.region?.toLowerCase() === region;
  const global = (endpoint: CatalogEndpoint) => endpoint.region === undefined;
  // Region-specific endpoints first, then global ones: a service offered in ORD beats a global one of the same type.
  let candidates = matching(services, inRegion);
  if (candidates.length === 0) candidates = matching(services, global);
  if (candidates.length === 0 && region === undefined) candidates = matching(services, () => true);
  if (candidates.length === 0) {
    throw new ValidationError('region', `service ${wanted} is not offered in region ${JSON.stringify(query.region)}; it is offered in: ${describeCatalog(services)}`);
  }

  const names = [...new Set(candidates.map((candidate) => candidate.service))];
  if (names.length > 1) {
    throw new ValidationError('service', `${wanted} is ambiguous: ${names.map(describeService).join('; ')}; give the service name as well`);
  }
  const regions = [...new Set(candidates.map((candidate) => candidate.endpoint.region))];
  if (regions.length > 1) {
    throw new ValidationError('region', `service ${wanted} is offered in several regions (${regions.join(', ')}); give one`);
  }

  const kind = query.interface ?? 'public';
  const chosen = candidates.find((candidate) => candidate.endpoint[URL_FIELD[kind]] !== undefined);
  const url = chosen?.endpoint[URL_FIELD[kind]];
  if (url === undefined) {
    const offered = (['public', 'internal', 'admin'] as const).filter((other) => candidates.some((candidate) => candidate.endpoint[URL_FIELD[other]]));
    throw new ValidationError('interface', `service ${wanted} has no ${kind} URL${query.region ? ` in ${query.region}` : ''}; it has: ${offered.join(', ') || 'no URLs'}`);
  }
  return url;
}

/** Every endpoint of `services` that passes `test`, with the service it belongs to. */
function matching(services: readonly CatalogService[], test: (endpoint: CatalogEndpoint) => boolean) {
  return services.flatMap((service) => service.endpoints.filter(test).map((endpoint) => ({ service, endpoint })));
}

function describeQuery(query: EndpointQuery): string {
  const parts = [query.name === undefined ? undefined : `named ${JSON.stringify(query.name)}`, query.type === undefined ? undefined : `of type ${JSON.stringify(query.type)}`];
  return parts.filter(Boolean).join(' ');
}

/** `cloudFiles (object-store): ORD, LON`; a service without regions is offered in `all regions`. */
function describeService(service: CatalogService): string {
  const regions = [...new Set(service.endpoints.map((endpoint) => endpoint.region ?? 'all regions'))];
  return `${service.name} (${service.type}): ${regions.join(', ') || 'no endpoints'}`;
}

function describeCatalog(catalog: ServiceCatalog): string {
  return catalog.length === 0 ? 'nothing (the catalog is empty)' : catalog.map(describeService).join('; ');
}
