import {
  NotFoundError,
  basicAuth,
  createErrorClassifier,
  createTransport,
  parseJson,
  type ProviderErrorClass,
  type Transport,
  type TransportSettings,
} from '@multicloud/core';
import { parseBlueboxError } from './bluebox-errors.js';
import { BLUEBOX, type ResolvedBlueboxSettings } from './bluebox-settings.js';

/** Options of one Blocks API call. */
export interface BlueboxCallOptions {
  /** Form fields, sent `application/x-www-form-urlencoded` in the given order (undefined ones left out). */
  readonly form?: Readonly<Record<string, string | undefined>> | undefined;
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** The error class for an HTTP 404 (default `NotFoundError`). */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A client for the Blocks API: JSON answers, form-encoded bodies, HTTP Basic with customer id and API key. */
export interface BlueboxClient {
  /** The transport (for tests and `ex` operations). */
  readonly transport: Transport;
  /** Calls `method path` (e.g. `/api/blocks.json`) and returns the parsed JSON. */
  call(method: string, path: string, options?: BlueboxCallOptions): Promise<unknown>;
}

/** Encodes form fields in order, leaving out undefined ones. */
export function encodeForm(form: Readonly<Record<string, string | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) if (value !== undefined) params.append(key, value);
  return params.toString();
}

/** Creates the Blocks API client. No I/O, and missing credentials are only reported on the first call. */
export function createBlueboxClient(resolved: ResolvedBlueboxSettings, settings: TransportSettings): BlueboxClient {
  const transport = createTransport({
    ...settings,
    provider: BLUEBOX,
    auth: basicAuth(resolved.credentials),
    classifyError: createErrorClassifier({ parse: parseBlueboxError }),
  });
  return {
    transport,
    async call(method, path, options = {}) {
      const body = options.form === undefined ? undefined : encodeForm(options.form);
      const response = await transport.request({
        method,
        url: `${resolved.baseUrl}${path}`,
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
        signal: options.signal,
        acceptStatus: (status) => status === 404,
      });
      if (response.status === 404) {
        const parsed = parseBlueboxError(response);
        const errorClass = options.notFound ?? NotFoundError;
        throw new errorClass({ provider: BLUEBOX, status: 404, providerMessage: parsed.message, requestId: response.headers['x-request-id'], retryable: false });
      }
      return parseJson(response.body, { provider: BLUEBOX, status: response.status });
    },
  };
}
