import type { Readable } from 'node:stream';
import { CloudError } from '../errors/cloud-error.js';
import { NetworkError, RequestTimeoutError } from '../errors/errors.js';

/** Failures that happen before the request reached the server: safe to retry whatever the method. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Failures after which an idempotent request may be repeated. */
const TRANSIENT_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** The most specific error code in the cause chain: a system code (ECONNRESET) beats undici's generic UND_ERR_SOCKET. */
function codeOf(error: unknown): string | undefined {
  const codes: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes.find((code) => code !== 'UND_ERR_SOCKET') ?? codes[0];
}

/** Whether a thrown value came from the network stack (undici or a socket), not from a caller or a consumer. */
function isNetworkFailure(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('UND_ERR_') || TRANSIENT_CODES.has(code));
}

/**
 * Makes the errors a streamed response body fails with the SDK's typed errors: undici fails a body by destroying
 * it with its own error (a reset, a body timeout, a short body), which would otherwise reach whoever reads the
 * stream raw. Errors a consumer destroys the stream with are left as they are.
 */
export function typeBodyErrors(body: Readable, context: { provider: string; timeoutMs: number; signal?: AbortSignal | undefined }): void {
  const destroy = body.destroy.bind(body);
  body.destroy = (error?: Error, ...rest: unknown[]) => {
    const typed = error !== undefined && isNetworkFailure(error) ? (toTransportError(error, context) as Error) : error;
    return (destroy as (error?: Error, ...rest: unknown[]) => Readable)(typed, ...rest);
  };
}

/** Whether a failure with this network error means the request never reached the server. */
export function wasNeverSent(error: unknown): boolean {
  return NetworkError.isInstance(error) && error.code !== undefined && NOT_SENT_CODES.has(error.code);
}

/**
 * Turns whatever undici or Node threw into the SDK's typed errors. Typed errors and abort reasons pass through.
 * @param error - the thrown value
 * @param context - provider id and the timeout in force
 */
export function toTransportError(error: unknown, context: { provider: string; timeoutMs: number; signal?: AbortSignal | undefined }): unknown {
  if (context.signal?.aborted) return context.signal.reason;
  if (CloudError.isInstance(error)) return error;
  const code = codeOf(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new RequestTimeoutError({ provider: context.provider, timeoutMs: context.timeoutMs, what: 'response headers', cause: error });
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return new RequestTimeoutError({ provider: context.provider, timeoutMs: context.timeoutMs, what: 'response body data', cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError({
    provider: context.provider,
    code,
    retryable: code !== undefined && TRANSIENT_CODES.has(code),
    message: `connection failed: ${message}`,
    cause: error,
  });
}
