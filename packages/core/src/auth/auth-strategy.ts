import type { HttpRequest } from '../http/http-request.js';
import type { TextResponse } from '../http/http-response.js';

/** What a strategy may use while authorizing: the provider id, the clock, the caller's signal, and an unauthenticated client. */
export interface AuthContext {
  /** Provider id of the driver, for errors. */
  readonly provider: string;
  /** The caller's abort signal, if any. */
  readonly signal?: AbortSignal | undefined;
  /** The current time; injectable so signatures are testable. */
  now(): Date;
  /**
   * Sends a request through the driver's transport *without* authorization and reads the whole body, for identity
   * exchanges (Keystone). Timeouts, retries (when `idempotent`) and typed errors work as for any other request.
   */
  request(request: HttpRequest, options?: { readonly signal?: AbortSignal | undefined; readonly idempotent?: boolean | undefined }): Promise<TextResponse>;
}

/**
 * How a driver proves who it is. A value, not a class: `authorize` turns an unsigned request into an authorized
 * one (adding headers or query parameters).
 *
 * @example
 * ```ts
 * const auth: AuthStrategy = { name: 'token', authorize: (request) => withHeaders(request, { 'X-Auth-Token': token }) };
 * ```
 */
export interface AuthStrategy {
  /** A short name for logs, e.g. `sigv4` or `keystone-v2`. */
  readonly name: string;
  /** Returns the authorized request. Must not mutate its input. */
  authorize(request: HttpRequest, context: AuthContext): HttpRequest | Promise<HttpRequest>;
  /**
   * Called when an authorized request got HTTP 401. Return `true` to have the transport repeat the request once
   * (after refreshing a token, say). `request` is the one that failed, so a strategy can tell a stale token from
   * one that a concurrent caller has already replaced.
   */
  onUnauthorized?(request: HttpRequest, context: AuthContext): Promise<boolean>;
  /** TLS options for the connection itself (client certificates); see `x509Auth`. */
  readonly tls?: TlsSettings | undefined;
  /** Secret values this strategy knows, so the transport can scrub them from every log event and error message. */
  secrets?(): readonly string[];
}

/** TLS settings for mutual TLS (PEM strings or buffers), or just a custom CA to trust. */
export interface TlsSettings {
  /** Client certificate chain. */
  readonly cert?: string | Uint8Array | undefined;
  /** Client private key. */
  readonly key?: string | Uint8Array | undefined;
  /** Passphrase of the private key. */
  readonly passphrase?: string | undefined;
  /** CA certificates to trust instead of Node's default bundle. */
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[] | undefined;
}

/** A strategy that sends requests as they are (for public endpoints, or when TLS alone authenticates). */
export const noAuth: AuthStrategy = { name: 'none', authorize: (request) => request };
