import type { Dispatcher } from 'undici';
import type { AuthStrategy, TlsSettings } from '../auth/auth-strategy.js';
import type { ErrorClassifier } from '../errors/error-table.js';
import type { RetrySettings } from './retry-policy.js';
import type { TransportLogger } from './transport-event.js';

/** The transport settings every driver accepts from its user (see the contract's "Settings every driver accepts"). */
export interface TransportSettings {
  /** An undici Dispatcher that carries every request of the driver (tests, proxies, custom pools). */
  readonly dispatcher?: Dispatcher | undefined;
  /** Longest wait for response headers, and for each next chunk of a body, in ms. Default 30 000. */
  readonly timeoutMs?: number | undefined;
  /** Retry settings for idempotent requests, or `false` to never retry. */
  readonly retry?: Partial<RetrySettings> | false | undefined;
  /** Client certificate (mutual TLS) or a CA to trust. Cannot be combined with `dispatcher`. */
  readonly tls?: TlsSettings | undefined;
  /** Receives redacted request/response events. */
  readonly logger?: TransportLogger | undefined;
}

/** Everything a driver gives {@link createTransport}: the user's settings plus its own wiring. */
export interface TransportOptions extends TransportSettings {
  /** Provider id, used in User-Agent, errors and events. */
  readonly provider: string;
  /** How requests are authorized; default: sent as they are. */
  readonly auth?: AuthStrategy | undefined;
  /** Turns error responses into typed errors; default: by HTTP status. */
  readonly classifyError?: ErrorClassifier | undefined;
  /** The clock (signatures, Retry-After dates); default `() => new Date()`. */
  readonly now?: (() => Date) | undefined;
  /** Random source for backoff jitter, in [0, 1); default Math.random. */
  readonly random?: (() => number) | undefined;
}

/** One request given to the transport. */
export interface TransportRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Absolute URL as on the wire. */
  readonly url: string;
  /** Request headers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Request body; streams are never retried. */
  readonly body?: import('./http-request.js').RequestBody | undefined;
  /** Overrides the method's idempotency (e.g. a POST carrying an idempotency token is safe to repeat). */
  readonly idempotent?: boolean | undefined;
  /** Cancels the request, its body and any wait between retries. */
  readonly signal?: AbortSignal | undefined;
  /** Per-request timeout override, in ms. */
  readonly timeoutMs?: number | undefined;
  /** Statuses (≥ 300) to hand back instead of throwing, e.g. `(status) => status === 404` for an existence check. */
  readonly acceptStatus?: ((status: number) => boolean) | undefined;
  /** Send without the auth strategy (identity exchanges). Default false. */
  readonly anonymous?: boolean | undefined;
}
