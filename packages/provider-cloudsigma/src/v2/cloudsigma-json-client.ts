import {
  basicAuth,
  createErrorClassifier,
  createTransport,
  NotFoundError,
  parseJson,
  type ProviderErrorClass,
  type Transport,
  type TransportSettings,
} from '@multicloud/core';
import { IS_NOT_FOUND, notFoundError } from '../compute/cloudsigma-not-found.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { ResolvedCloudSigmaSettings } from '../compute/cloudsigma-settings.js';
import { CLOUDSIGMA_V2_ERROR_TABLE, parseCloudSigmaV2Error } from './cloudsigma-v2-errors.js';

/** Query parameters of one call; `undefined` values are left out. */
export type CloudSigmaQuery = Readonly<Record<string, string | number | undefined>>;

/** Options of one API 2.0 call. */
export interface CloudSigmaJsonCallOptions {
  /** Query parameters, sent in the given order. */
  readonly query?: CloudSigmaQuery | undefined;
  /** A JSON body. */
  readonly body?: unknown;
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the call may be repeated; default: by method (GET, PUT, DELETE are). */
  readonly idempotent?: boolean | undefined;
  /** The error class for an HTTP 404 (default `NotFoundError`). */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A client for CloudSigma API 2.0: JSON over HTTPS with HTTP Basic, errors mapped by `error_type`. */
export interface CloudSigmaJsonClient {
  /** The region in force. */
  readonly region: string;
  /** The API base URL (`https://<region>.cloudsigma.com/api/2.0`). */
  readonly baseUrl: string;
  /** How long and how often to poll for state changes. */
  readonly poll: ResolvedCloudSigmaSettings['poll'];
  /** The transport (for tests and `ex` operations). */
  readonly transport: Transport;
  /** Calls `method path` (path relative to the API base, e.g. `/servers/detail/`) and returns the parsed JSON, or `undefined` for an empty answer. */
  call(method: string, path: string, options?: CloudSigmaJsonCallOptions): Promise<unknown>;
}

/** Builds `?a=1&b=2` from the defined parameters, in order. */
export function encodeQuery(query: CloudSigmaQuery = {}): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string | number] => pair[1] !== undefined);
  return pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}`;
}

/** Creates the API 2.0 client. No I/O, and missing credentials are only reported on the first call. */
export function createCloudSigmaJsonClient(resolved: ResolvedCloudSigmaSettings, settings: TransportSettings): CloudSigmaJsonClient {
  const transport = createTransport({
    ...settings,
    provider: CLOUDSIGMA,
    auth: basicAuth(resolved.credentials),
    classifyError: createErrorClassifier({ parse: parseCloudSigmaV2Error, table: CLOUDSIGMA_V2_ERROR_TABLE }),
  });
  return {
    region: resolved.region,
    baseUrl: resolved.baseUrl,
    poll: resolved.poll,
    transport,
    async call(method, path, options = {}) {
      const hasBody = options.body !== undefined;
      const response = await transport.request({
        method,
        url: `${resolved.baseUrl}${path}${encodeQuery(options.query)}`,
        headers: hasBody ? { Accept: 'application/json', 'Content-Type': 'application/json' } : { Accept: 'application/json' },
        body: hasBody ? JSON.stringify(options.body) : undefined,
        signal: options.signal,
        idempotent: options.idempotent,
        acceptStatus: IS_NOT_FOUND,
      });
      if (response.status === 404) {
        const parsed = parseCloudSigmaV2Error({ status: response.status, headers: response.headers, body: response.body });
        throw notFoundError(options.notFound ?? NotFoundError, response, parsed);
      }
      return response.body.trim() === '' ? undefined : parseJson(response.body, { provider: CLOUDSIGMA, status: response.status });
    },
  };
}

/** Runs a `?do=<action>` call on a resource (`/servers/<id>/action/?do=start`, `/drives/<id>/action/?do=clone`). */
export function callAction(client: CloudSigmaJsonClient, resourcePath: string, action: string, options: CloudSigmaJsonCallOptions = {}): Promise<unknown> {
  return client.call('POST', `${resourcePath}action/`, { ...options, query: { do: action, ...options.query } });
}
