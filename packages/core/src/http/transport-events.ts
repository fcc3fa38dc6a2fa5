import type { HttpRequest } from './http-request.js';
import type { HttpResponse } from './http-response.js';
import { redactBody, redactHeaders, redactUrl } from './redact.js';
import type { TransportEvent, TransportLogger } from './transport-event.js';
import type { TransportRequest } from './transport-options.js';

/** Request bodies up to this size are logged (redacted); larger ones and streams are not. */
const LOGGED_BODY_LIMIT = 4096;

/** Builds the redacting emitters the transport calls; with no logger, every emitter is a no-op. */
export function createEventEmitter(provider: string, logger: TransportLogger | undefined, scrub: (text: string) => string) {
  const emit = (event: TransportEvent) => {
    if (!logger) return;
    try {
      logger(event);
    } catch {
      // A logger must never break a request.
    }
  };
  const url = (value: string) => scrub(redactUrl(value));
  const headers = (value: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(redactHeaders(value)).map(([name, text]) => [name, scrub(text)]));
  return {
    request(request: HttpRequest, attempt: number) {
      if (!logger) return;
      const body = typeof request.body === 'string' && request.body.length <= LOGGED_BODY_LIMIT ? scrub(redactBody(request.body)) : undefined;
      emit({ type: 'request', provider, attempt, method: request.method, url: url(request.url), headers: headers(request.headers), ...(body === undefined ? {} : { body }) });
    },
    response(request: HttpRequest, attempt: number, response: HttpResponse, durationMs: number) {
      if (!logger) return;
      emit({ type: 'response', provider, attempt, method: request.method, url: url(request.url), status: response.status, headers: headers(response.headers), durationMs });
    },
    retry(request: TransportRequest, attempt: number, delayMs: number, reason: unknown) {
      if (!logger) return;
      emit({ type: 'retry', provider, attempt, method: request.method, url: url(request.url), delayMs, reason: scrub(describe(reason)) });
    },
    error(request: TransportRequest, attempt: number, error: unknown) {
      if (!logger) return;
      emit({ type: 'error', provider, attempt, method: request.method, url: url(request.url), error: scrub(describe(error)) });
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
