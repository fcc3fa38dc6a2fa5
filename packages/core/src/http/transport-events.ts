import type { HttpRequest } from './http-request.js';
import type { HttpResponse } from './http-response.js';
import { redactBody, redactHeaders, redactUrl } from './redact.js';
import type { TransportEvent, TransportLogger } from './transport-event.js';
import type { TransportRequest } from './transport-options.js';

/** Request bodies up to this size are logged (redacted); larger ones and streams are not. */
const LOGGED_BODY_LIMIT = 4096;

/**
 * Builds the redacting emitters the transport calls; with no logger, every emitter is a no-op. Each emitter takes
 * the scrubber for its request, which knows the secrets that request carried.
 */
export function createEventEmitter(provider: string, logger: TransportLogger | undefined) {
  const emit = (event: TransportEvent) => {
    if (!logger) return;
    try {
      logger(event);
    } catch {
      // A logger must never break a request.
    }
  };
  type Scrub = (text: string) => string;
  const url = (value: string, scrub: Scrub) => scrub(redactUrl(value));
  const headers = (value: Readonly<Record<string, string>>, scrub: Scrub) =>
    Object.fromEntries(Object.entries(redactHeaders(value)).map(([name, text]) => [name, scrub(text)]));
  return {
    request(request: HttpRequest, attempt: number, scrub: Scrub) {
      if (!logger) return;
      const body = typeof request.body === 'string' && request.body.length <= LOGGED_BODY_LIMIT ? scrub(redactBody(request.body)) : undefined;
      emit({ type: 'request', provider, attempt, method: request.method, url: url(request.url, scrub), headers: headers(request.headers, scrub), ...(body === undefined ? {} : { body }) });
    },
    response(request: HttpRequest, attempt: number, response: HttpResponse, durationMs: number, scrub: Scrub) {
      if (!logger) return;
      emit({ type: 'response', provider, attempt, method: request.method, url: url(request.url, scrub), status: response.status, headers: headers(response.headers, scrub), durationMs });
    },
    retry(request: TransportRequest, attempt: number, delayMs: number, reason: unknown, scrub: Scrub) {
      if (!logger) return;
      emit({ type: 'retry', provider, attempt, method: request.method, url: url(request.url, scrub), delayMs, reason: scrub(describe(reason)) });
    },
    error(request: TransportRequest, attempt: number, error: unknown, scrub: Scrub) {
      if (!logger) return;
      emit({ type: 'error', provider, attempt, method: request.method, url: url(request.url, scrub), error: scrub(describe(error)) });
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
