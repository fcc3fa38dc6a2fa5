import {
  MalformedResponseError,
  createTransport,
  goGridAuth,
  parseJson,
  type ErrorClassifier,
  type ErrorTable,
  type ProviderErrorClass,
  type Transport,
} from '@multicloud/core';
import { createGoGridErrorClassifier, narrowNotFound, type GoGridMessageRule } from './gogrid-errors.js';
import { isObject, objectList, type GoGridObject } from './gogrid-fields.js';
import { resolveGoGridSettings, type GoGridSettings } from './gogrid-settings.js';

/** The GoGrid API version this package speaks (the `v` parameter). */
export const GOGRID_API_VERSION = '1.8';

/** Query parameters of one call; `undefined` values are left out. Keys keep their order on the wire. */
export type GoGridParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** How to reach one GoGrid API (compute or load balancer). */
export interface GoGridApi {
  /** Provider id for errors and events. */
  readonly provider: string;
  /** `errorcode` → error class. */
  readonly errorTable: ErrorTable;
  /** Message rules, tried before the table. */
  readonly messageRules: readonly GoGridMessageRule[];
}

/** Options of one call. */
export interface GoGridCallOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the call changes something: it is then sent as a POST and never repeated. Default false (a GET). */
  readonly mutating?: boolean | undefined;
  /** The class a "no such object" answer becomes for this call (e.g. `NodeDoesNotExistError`). */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A successful GoGrid answer: `{ list, method, status: "success", summary }`. */
export interface GoGridAnswer {
  /** The objects of the answer. */
  readonly list: readonly GoGridObject[];
  /** The whole document, for fields beyond `list`. */
  readonly document: GoGridObject;
}

/** A signed client for the GoGrid API, shared by the compute and load-balancer drivers. */
export interface GoGridClient {
  /** Provider id. */
  readonly provider: string;
  /** The transport (for tests and `ex` operations). */
  readonly transport: Transport;
  /** Pause between polls, in ms (`pollIntervalMs`). */
  readonly pollIntervalMs: number;
  /** Longest wait of a poll, in ms (`pollTimeoutMs`). */
  readonly pollTimeoutMs: number;
  /**
   * Calls `method` (e.g. `grid/server/list`) with `params` and returns the answer's list.
   * @throws a typed `ProviderError` for an error status or a `"status": "failure"` body (even with HTTP 200)
   * @throws MalformedResponseError for a body that is not a GoGrid JSON document
   */
  call(method: string, params?: GoGridParams, options?: GoGridCallOptions): Promise<GoGridAnswer>;
}

function queryString(params: GoGridParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.append(key, String(value));
  return query.toString();
}

/**
 * Creates a GoGrid client: query-string requests signed by `goGridAuth` (`api_key`, `v=1.8`, `format=json`,
 * `sig = md5(apiKey + sharedSecret + epochSeconds)`), JSON answers, errors classified by the API's rules and table.
 * Constructing it does no I/O and never fails for missing credentials.
 * @throws ValidationError for blank credentials, a malformed endpoint or bad timings
 */
export function createGoGridClient(api: GoGridApi, settings: GoGridSettings): GoGridClient {
  const resolved = resolveGoGridSettings(api.provider, settings);
  const classify: ErrorClassifier = createGoGridErrorClassifier(api.errorTable, api.messageRules);
  const transport = createTransport({
    ...settings,
    provider: api.provider,
    auth: goGridAuth({ credentials: resolved.credentials, apiVersion: GOGRID_API_VERSION }),
    classifyError: classify,
  });

  async function send(method: string, params: GoGridParams, options: GoGridCallOptions): Promise<GoGridAnswer> {
    const query = queryString(params);
    const response = await transport.request({
      method: options.mutating ? 'POST' : 'GET',
      url: `${resolved.endpoint}/${method}${query === '' ? '' : `?${query}`}`,
      signal: options.signal,
      idempotent: !options.mutating,
    });
    const document = parseJson<unknown>(response.body, { provider: api.provider, status: response.status });
    if (!isObject(document) || typeof document.status !== 'string') {
      throw new MalformedResponseError({ provider: api.provider, status: response.status, body: response.body, reason: 'not a GoGrid answer (no "status")' });
    }
    if (document.status !== 'success') {
      throw classify({ status: response.status, headers: response.headers, body: transport.scrub(response.body) }, { provider: api.provider, now: new Date() });
    }
    return { list: objectList(document), document };
  }

  return {
    provider: api.provider,
    transport,
    pollIntervalMs: resolved.pollIntervalMs,
    pollTimeoutMs: resolved.pollTimeoutMs,
    async call(method, params = {}, options = {}) {
      try {
        return await send(method, params, options);
      } catch (error) {
        throw narrowNotFound(error, options.notFound);
      }
    },
  };
}
