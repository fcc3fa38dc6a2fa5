import {
  UnsupportedOperationError,
  createTransport,
  findEndpoint,
  identityTokenAuth,
  type EndpointInterface,
  type EndpointQuery,
  type HttpResponse,
  type IdentityCache,
  type ProviderError,
  type ProviderErrorClass,
  type RequestBody,
  type TextResponse,
  type Transport,
  type TransportSettings,
} from '@multicloud/core';
import { createSwiftErrorClassifier, parseSwiftError } from './swift-errors.js';
import { swiftPath, swiftQuery } from './swift-urls.js';

/** How a Swift driver is wired: who it is, its identity session, and where its services are in the catalog. */
export interface SwiftWiring {
  /** Provider id of the driver, its models and errors (`cloudfiles`, `openstack-swift`). */
  readonly provider: string;
  /** The driver's identity cache (Keystone v2.0 or v1.0). */
  readonly identity: IdentityCache;
  /** The user's transport settings. */
  readonly transport: TransportSettings;
  /** The object store in the catalog (type, name, region). */
  readonly storage: EndpointQuery;
  /** Which URL of the object store to use for requests. */
  readonly storageInterface: EndpointInterface;
  /** A storage URL replacing the catalog's (the `endpoint` setting). */
  readonly endpoint?: string | undefined;
  /** The CDN management service in the catalog (Cloud Files only). */
  readonly cdn?: EndpointQuery | undefined;
}

/** One Swift request: a target below the account (or CDN) URL, and what to do with some statuses. */
export interface SwiftRequest {
  /** HTTP method. */
  readonly method: string;
  /** Container; absent for the account itself. */
  readonly container?: string | undefined;
  /** Object in the container. */
  readonly object?: string | undefined;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>> | undefined;
  /** Request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Request body (bytes are replayable, so they are retried and re-sent after a token renewal). */
  readonly body?: RequestBody | undefined;
  /** Cancels the request. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the request may be repeated; default by method. */
  readonly idempotent?: boolean | undefined;
  /** Statuses (≥ 300) handed back instead of thrown. */
  readonly acceptStatus?: ((status: number) => boolean) | undefined;
  /** The error to throw for 404 (`ContainerDoesNotExistError`, `ObjectDoesNotExistError`); default `NotFoundError`. */
  readonly notFound?: ProviderErrorClass | undefined;
  /** Send to the CDN management URL instead of the storage URL. */
  readonly cdn?: boolean | undefined;
}

/** An authenticated client of one Swift account. */
export interface SwiftClient {
  /** Provider id. */
  readonly provider: string;
  /** The transport (token auth, retries, typed errors). */
  readonly transport: Transport;
  /** The account URL requests go to (catalog or `endpoint`), without a trailing slash. */
  storageUrl(signal?: AbortSignal): Promise<string>;
  /** The account's public URL (for temp URLs, which must work from anywhere). */
  publicStorageUrl(signal?: AbortSignal): Promise<string>;
  /** The CDN management URL; undefined when the driver has no CDN. */
  cdnUrl(signal?: AbortSignal): Promise<string> | undefined;
  /** Sends a request and reads the whole body as text. */
  request(request: SwiftRequest): Promise<TextResponse>;
  /** Sends a request and returns once headers arrive; the body streams. */
  stream(request: SwiftRequest): Promise<HttpResponse>;
  /** The error `errorClass` for an error answer, with Swift's message and request id. */
  errorFor(errorClass: ProviderErrorClass, response: { status: number; headers: Readonly<Record<string, string>>; body: string }): ProviderError;
}

/**
 * Creates the client of a Swift driver: a transport with `X-Auth-Token` from the identity cache (renewed once on
 * 401), Swift's error classifier, and catalog lookups made on first use and kept.
 */
export function createSwiftClient(wiring: SwiftWiring): SwiftClient {
  const { provider, identity } = wiring;
  const transport = createTransport({
    provider,
    dispatcher: wiring.transport.dispatcher,
    timeoutMs: wiring.transport.timeoutMs,
    retry: wiring.transport.retry,
    tls: wiring.transport.tls,
    logger: wiring.transport.logger,
    auth: identityTokenAuth(identity),
    classifyError: createSwiftErrorClassifier(),
  });
  const lookup = (query: EndpointQuery, kind: EndpointInterface, override?: string) => {
    let found = override;
    return async (signal?: AbortSignal): Promise<string> => {
      if (found !== undefined) return found;
      const session = await identity.current(transport.authContext(signal));
      found = findEndpoint(session.catalog, { ...query, interface: kind }).replace(/\/+$/, '');
      return found;
    };
  };
  const storageUrl = lookup(wiring.storage, wiring.storageInterface, wiring.endpoint);
  const publicStorageUrl = wiring.storageInterface === 'public' ? storageUrl : lookup(wiring.storage, 'public', wiring.endpoint);
  const cdnUrl = wiring.cdn === undefined ? undefined : lookup(wiring.cdn, 'public');

  const errorFor: SwiftClient['errorFor'] = (errorClass, response) => {
    const parsed = parseSwiftError({ ...response, body: transport.scrub(response.body) });
    return new errorClass({ provider, status: response.status, providerCode: parsed.code, providerMessage: parsed.message, requestId: parsed.requestId });
  };

  const toTransport = async (request: SwiftRequest) => {
    if (request.cdn && cdnUrl === undefined) throw new UnsupportedOperationError({ provider, operation: 'CDN', reason: 'this driver has no CDN service' });
    const base = await (request.cdn && cdnUrl ? cdnUrl : storageUrl)(request.signal);
    return {
      method: request.method,
      url: `${base}${swiftPath(request.container, request.object)}${swiftQuery(request.query)}`,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      idempotent: request.idempotent,
      acceptStatus: (status: number) => (request.notFound !== undefined && status === 404) || request.acceptStatus?.(status) === true,
    };
  };

  return {
    provider,
    transport,
    storageUrl,
    publicStorageUrl,
    cdnUrl: (signal) => cdnUrl?.(signal),
    errorFor,
    async request(request) {
      const response = await transport.request(await toTransport(request));
      if (request.notFound && response.status === 404) throw errorFor(request.notFound, response);
      return response;
    },
    async stream(request) {
      const response = await transport.send(await toTransport(request));
      if (request.notFound && response.status === 404) {
        throw errorFor(request.notFound, { ...response, body: await response.text().catch(() => '') });
      }
      return response;
    },
  };
}
