import {
  NotFoundError,
  createErrorClassifier,
  createTransport,
  parseJson,
  staticTokenAuth,
  type ProviderErrorClass,
  type Transport,
  type TransportSettings,
} from '@multicloud/core';
import { asRecord, type JsonRecord } from './json-fields.js';
import { OCEAN_ERROR_TABLE, parseOceanError } from './ocean-errors.js';
import { OCEAN, type ResolvedOceanSettings } from './ocean-settings.js';

/** Options of one Ocean API call. */
export interface OceanCallOptions {
  /** A JSON request body. */
  readonly json?: unknown;
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** The error class for an HTTP 404 (default `NotFoundError`), e.g. `NodeDoesNotExistError` on droplet paths. */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A client for the Ocean API: JSON in and out, a bearer token, typed errors from {@link OCEAN_ERROR_TABLE}. */
export interface OceanClient {
  /** The transport (for tests and `ex` operations). */
  readonly transport: Transport;
  /** Calls `method path` (`path` with its query, e.g. `/v2/droplets?per_page=200`); resolves the parsed JSON, or undefined for 204. */
  call(method: string, path: string, options?: OceanCallOptions): Promise<unknown>;
}

/** Creates the Ocean client. No I/O, and a missing token is only reported on the first call. */
export function createOceanClient(resolved: ResolvedOceanSettings, settings: TransportSettings): OceanClient {
  const transport = createTransport({
    ...settings,
    provider: OCEAN,
    auth: staticTokenAuth(resolved.token, { header: 'Authorization' }),
    classifyError: createErrorClassifier({ parse: parseOceanError, table: OCEAN_ERROR_TABLE }),
  });
  return {
    transport,
    async call(method, path, options = {}) {
      const hasBody = options.json !== undefined;
      const response = await transport.request({
        method,
        url: `${resolved.baseUrl}${path}`,
        headers: hasBody ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body: hasBody ? JSON.stringify(options.json) : undefined,
        signal: options.signal,
        acceptStatus: (status) => status === 404 && options.notFound !== undefined,
      });
      if (response.status === 404) {
        const parsed = parseOceanError(response);
        const errorClass = options.notFound ?? NotFoundError;
        const requestId = parsed?.requestId ?? response.headers['x-request-id'];
        throw new errorClass({ provider: OCEAN, status: 404, providerCode: parsed?.code, providerMessage: parsed?.message, requestId, retryable: false });
      }
      return response.status === 204 || response.body === '' ? undefined : parseJson(response.body, { provider: OCEAN, status: response.status });
    },
  };
}

/**
 * The next page of a listing: the path and query of its `links.pages.next` URL, to be resolved against the
 * configured endpoint — the token only ever goes to the endpoint the user chose, whatever host the answer names.
 * @throws MalformedResponseError when `links` or `links.pages` is not an object
 */
export function nextPageOf(page: JsonRecord, what: string): string | undefined {
  const next = asRecord(asRecord(page.links ?? {}, `${what}.links`).pages ?? {}, `${what}.links.pages`).next;
  if (typeof next !== 'string' || next === '') return undefined;
  const url = new URL(next, 'https://next.invalid');
  return `${url.pathname}${url.search}`;
}
