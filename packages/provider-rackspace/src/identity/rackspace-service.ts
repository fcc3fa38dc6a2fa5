import {
  createTransport,
  identityTokenAuth,
  parseGenericErrorBody,
  parseJson,
  type ErrorClassifier,
  type ErrorResponse,
  type IdentityCache,
  type ParsedErrorBody,
  type ProviderError,
  type ProviderErrorClass,
  type Transport,
} from '@multicloud/core';
import { catalogUrl, checkServiceReachable, createRackspaceIdentity, type RackspaceCatalogService } from './rackspace-identity.js';
import type { RackspaceRegion } from './rackspace-regions.js';
import { RACKSPACE, resolveRackspaceSettings, type RackspaceSettings } from './rackspace-settings.js';

/** How one Rackspace API is reached and how its errors read. */
export interface RackspaceServiceApi extends RackspaceCatalogService {
  /** Turns error responses into typed errors (an OpenStack classifier with the API's table). */
  readonly classifyError: ErrorClassifier;
  /** Reads the API's error body (for the does-not-exist errors built per call). */
  readonly parseError: (response: ErrorResponse) => ParsedErrorBody | undefined;
}

/** Options of one JSON call. */
export interface ServiceCallOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** A JSON body. */
  readonly body?: unknown;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>> | undefined;
  /** Whether the call may be repeated; default by method. */
  readonly idempotent?: boolean | undefined;
  /** The error to throw for HTTP 404 (e.g. `NodeDoesNotExistError`); default `NotFoundError`. */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A JSON answer: status, headers, the body as text and parsed (undefined when empty). */
export interface ServiceAnswer {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as received. */
  readonly text: string;
  /** The body parsed as JSON; undefined for an empty body. */
  readonly body: unknown;
}

/** A JSON client for one catalog service, authenticated with the driver's identity session. */
export interface ServiceClient {
  /** The service's base URL (including the tenant), from the catalog or the `endpoint` setting. */
  baseUrl(signal?: AbortSignal): Promise<string>;
  /** Calls `method` on `baseUrl + path`. @throws the API's typed errors; MalformedResponseError for a non-JSON body */
  call(method: string, path: string, options?: ServiceCallOptions): Promise<ServiceAnswer>;
}

/** The wiring of one Rackspace driver: region, transport, identity cache and the client of its main service. */
export interface RackspaceService extends ServiceClient {
  /** The region in force. */
  readonly region: RackspaceRegion;
  /** The driver's transport (token auth, retries, typed errors). */
  readonly transport: Transport;
  /** The driver's identity cache (one per driver). */
  readonly identity: IdentityCache;
  /** A client of another catalog service of the same account and region, sharing transport and token. */
  otherService(service: RackspaceCatalogService): ServiceClient;
}

const REQUEST_ID_HEADERS = ['x-compute-request-id', 'x-openstack-request-id', 'x-response-id', 'x-request-id'];

/**
 * Wires a Rackspace driver: checks the settings (no I/O), creates its identity cache and transport (token in
 * `X-Auth-Token`, renewed on 401), and a JSON client whose base URL is looked up in the catalog on first call.
 * @throws ValidationError for bad settings
 */
export function createRackspaceService(api: RackspaceServiceApi, settings: RackspaceSettings): RackspaceService {
  const resolved = resolveRackspaceSettings(settings);
  checkServiceReachable(resolved, api);
  const identity = createRackspaceIdentity(resolved);
  const transport = createTransport({
    provider: RACKSPACE,
    dispatcher: settings.dispatcher,
    timeoutMs: settings.timeoutMs,
    retry: settings.retry,
    tls: settings.tls,
    logger: settings.logger,
    auth: identityTokenAuth(identity),
    classifyError: api.classifyError,
  });

  const client = (baseUrl: (signal?: AbortSignal) => Promise<string>): ServiceClient => ({
    baseUrl,
    async call(method, path, options = {}) {
      const url = `${await baseUrl(options.signal)}${path}${queryString(options.query)}`;
      const hasBody = options.body !== undefined;
      const notFound = options.notFound;
      const response = await transport.request({
        method,
        url,
        headers: hasBody ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
        idempotent: options.idempotent,
        acceptStatus: notFound ? (status) => status === 404 : undefined,
      });
      if (notFound && response.status === 404) {
        throw notFoundError(notFound, api, { status: 404, headers: response.headers, body: transport.scrub(response.body) });
      }
      const body = response.body.trim() === '' ? undefined : parseJson(response.body, { provider: RACKSPACE, status: response.status });
      return { status: response.status, headers: response.headers, text: response.body, body };
    },
  });

  const main = client(catalogUrl(identity, transport, resolved, api, resolved.endpoint));
  return {
    ...main,
    region: resolved.region,
    transport,
    identity,
    otherService: (service) => client(catalogUrl(identity, transport, resolved, service, undefined)),
  };
}

function queryString(query: ServiceCallOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A does-not-exist error of the class the call asked for, with the provider's code, message and request id. */
function notFoundError(errorClass: ProviderErrorClass, api: RackspaceServiceApi, response: ErrorResponse): ProviderError {
  const parsed = api.parseError(response) ?? parseGenericErrorBody(response.body);
  const requestId = parsed.requestId ?? REQUEST_ID_HEADERS.map((name) => response.headers[name]).find(Boolean);
  return new errorClass({ provider: RACKSPACE, status: response.status, providerCode: parsed.code, providerMessage: parsed.message, requestId });
}
