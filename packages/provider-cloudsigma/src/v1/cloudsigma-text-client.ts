import {
  NotFoundError,
  basicAuth,
  createErrorClassifier,
  createTransport,
  type ProviderErrorClass,
  type Transport,
  type TransportSettings,
} from '@multicloud/core';
import { IS_NOT_FOUND, notFoundError } from '../compute/cloudsigma-not-found.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { ResolvedCloudSigmaSettings } from '../compute/cloudsigma-settings.js';
import { parseCloudSigmaV1Error } from './cloudsigma-v1-errors.js';
import { formatCloudSigmaText, parseCloudSigmaEntries, parseCloudSigmaText, type CloudSigmaTextEntries } from './cloudsigma-text-codec.js';

/** Options of one API 1.0 call. */
export interface CloudSigmaTextCallOptions {
  /** Objects to send as a text body. */
  readonly body?: readonly Readonly<Record<string, string>>[] | undefined;
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** The error class for an HTTP 404 (default `NotFoundError`). */
  readonly notFound?: ProviderErrorClass | undefined;
}

/** A client for CloudSigma API 1.0: plain-text key/value bodies over HTTPS with HTTP Basic. */
export interface CloudSigmaTextClient {
  /** The region in force. */
  readonly region: string;
  /** How long and how often to poll for state changes. */
  readonly poll: ResolvedCloudSigmaSettings['poll'];
  /** The transport (for tests and `ex` operations). */
  readonly transport: Transport;
  /** Calls `method path` and returns the answer's objects (`[]` for an empty answer such as 204). */
  call(method: string, path: string, options?: CloudSigmaTextCallOptions): Promise<Record<string, string>[]>;
  /** Like `call`, but keeps repeated keys (list answers such as `resources/ip/list`). */
  callEntries(method: string, path: string, options?: CloudSigmaTextCallOptions): Promise<CloudSigmaTextEntries[]>;
}

/** Creates the API 1.0 client. No I/O, and missing credentials are only reported on the first call. */
export function createCloudSigmaTextClient(resolved: ResolvedCloudSigmaSettings, settings: TransportSettings): CloudSigmaTextClient {
  const transport = createTransport({
    ...settings,
    provider: CLOUDSIGMA,
    auth: basicAuth(resolved.credentials),
    classifyError: createErrorClassifier({ parse: parseCloudSigmaV1Error }),
  });
  const send = async (method: string, path: string, options: CloudSigmaTextCallOptions) => {
    const body = options.body === undefined ? undefined : formatCloudSigmaText(options.body);
    const response = await transport.request({
      method,
      url: `${resolved.baseUrl}${path}`,
      headers: body === undefined ? { Accept: 'text/plain' } : { Accept: 'text/plain', 'Content-Type': 'text/plain; charset=utf-8' },
      body,
      signal: options.signal,
      acceptStatus: IS_NOT_FOUND,
    });
    if (response.status === 404) throw notFoundError(options.notFound ?? NotFoundError, response, parseCloudSigmaV1Error(response));
    return response;
  };
  return {
    region: resolved.region,
    poll: resolved.poll,
    transport,
    async call(method, path, options = {}) {
      const response = await send(method, path, options);
      return parseCloudSigmaText(response.body, { provider: CLOUDSIGMA, status: response.status });
    },
    async callEntries(method, path, options = {}) {
      const response = await send(method, path, options);
      return parseCloudSigmaEntries(response.body, { provider: CLOUDSIGMA, status: response.status });
    },
  };
}
