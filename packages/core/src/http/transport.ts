import { Agent, getGlobalDispatcher, type Dispatcher } from 'undici';
import type { AuthContext, TlsSettings } from '../auth/auth-strategy.js';
import { createErrorClassifier } from '../errors/error-table.js';
import { ValidationError } from '../errors/errors.js';
import { ProviderError } from '../errors/provider-error.js';
import { VERSION } from '../version.js';
import { abortableSleep } from '../async/abortable-sleep.js';
import { dispatchOnce } from './dispatch.js';
import { getHeader, isReplayableBody, type HttpRequest } from './http-request.js';
import type { HttpResponse, TextResponse } from './http-response.js';
import { toTransportError, typeBodyErrors, wasNeverSent } from './network-errors.js';
import { collectRequestSecrets, createSecretScrubber } from './redact.js';
import { backoffDelay, isIdempotentMethod, resolveRetrySettings } from './retry-policy.js';
import { createEventEmitter } from './transport-events.js';
import type { TransportOptions, TransportRequest } from './transport-options.js';

/** Default per-request timeout: 30 s for headers and between body chunks. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The most of an error body the transport reads to classify it. */
const ERROR_BODY_LIMIT = 1 << 20;

/** A driver's HTTP client: build → authorize → send → classify, with retries. Create one per driver. */
export interface Transport {
  /** Provider id. */
  readonly provider: string;
  /** Sends a request and returns once headers arrive; the body streams. Error statuses throw typed errors. */
  send(request: TransportRequest): Promise<HttpResponse>;
  /** Sends a request and reads the whole body as text; failures while reading the body are retried too. */
  request(request: TransportRequest): Promise<TextResponse>;
  /** Removes every secret value the driver knows from a text (for error messages built outside the transport). */
  scrub(text: string): string;
  /** The context auth strategies get: the clock and an unauthenticated sender (for identity exchanges). */
  authContext(signal?: AbortSignal): AuthContext;
  /** Closes connections this transport opened itself (never an injected or the global dispatcher). */
  close(): Promise<void>;
}

/** Checks a timeout setting. @throws ValidationError naming `argument` */
export function validateTimeout(value: number | undefined, argument: string): void {
  if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
    throw new ValidationError(argument, `must be a positive number of milliseconds, got ${String(value)}`);
  }
}

/**
 * Creates the transport a driver sends all its requests through.
 * @throws ValidationError for a bad timeout, bad retry settings, or `tls` combined with `dispatcher`
 */
export function createTransport(options: TransportOptions): Transport {
  validateTimeout(options.timeoutMs, 'timeoutMs');
  const retry = resolveRetrySettings(options.retry);
  const tls: TlsSettings | undefined = options.tls ?? options.auth?.tls;
  if (tls && options.dispatcher) {
    throw new ValidationError('tls', 'cannot be combined with `dispatcher`; put the certificate in your dispatcher\'s `connect` options');
  }
  const provider = options.provider;
  const now = options.now ?? (() => new Date());
  const classify = options.classifyError ?? createErrorClassifier();
  const scrub = createSecretScrubber(() => options.auth?.secrets?.() ?? []);
  /** A scrubber for one request: the driver's secrets plus whatever secrets the request itself carried. */
  const scrubberFor = (carried: Set<string>) => createSecretScrubber(() => [...(options.auth?.secrets?.() ?? []), ...carried]);
  const emit = createEventEmitter(provider, options.logger);
  const userAgent = `multicloud/${VERSION} ${provider}`;
  let ownAgent: Agent | undefined;
  // The global dispatcher is looked up per request so an interceptor installed later (Polly, a proxy) is honoured.
  const dispatcher = (): Dispatcher =>
    options.dispatcher ?? (tls ? (ownAgent ??= new Agent({ connect: { ...tls } as never })) : getGlobalDispatcher());

  const authContext = (signal?: AbortSignal): AuthContext => ({
    provider,
    signal,
    now,
    request: (request, requestOptions) =>
      readWhole({ ...request, anonymous: true, signal: requestOptions?.signal ?? signal, idempotent: requestOptions?.idempotent ?? false }),
  });

  async function attempt(
    request: TransportRequest,
    attemptNumber: number,
    timeoutMs: number,
    carried: Set<string>,
    requestScrub: (text: string) => string,
  ): Promise<{ authorized: HttpRequest; response: HttpResponse }> {
    const base: HttpRequest = {
      method: request.method,
      url: request.url,
      headers: getHeader(request.headers ?? {}, 'user-agent') ? { ...request.headers } : { ...request.headers, 'User-Agent': userAgent },
      body: request.body,
    };
    const authorized = request.anonymous || !options.auth ? base : await options.auth.authorize(base, authContext(request.signal));
    for (const secret of collectRequestSecrets(authorized)) carried.add(secret);
    emit.request(authorized, attemptNumber, requestScrub);
    const started = performance.now();
    try {
      const response = await dispatchOnce(dispatcher(), authorized, { signal: request.signal, timeoutMs });
      typeBodyErrors(response.body, { provider, timeoutMs, signal: request.signal });
      emit.response(authorized, attemptNumber, response, performance.now() - started, requestScrub);
      return { authorized, response };
    } catch (error) {
      throw toTransportError(error, { provider, timeoutMs, signal: request.signal });
    }
  }

  async function readError(response: HttpResponse, requestScrub: (text: string) => string): Promise<ProviderError> {
    const buffer = await response.bytes().catch(() => new Uint8Array());
    const body = requestScrub(Buffer.from(buffer.subarray(0, ERROR_BODY_LIMIT)).toString('utf8'));
    return classify({ status: response.status, headers: response.headers, body }, { provider, now: now() });
  }

  /** The retry loop. `consume` reads the body inside the loop (for `request`), so mid-body failures retry too. */
  async function send<T>(request: TransportRequest, consume?: (response: HttpResponse) => Promise<T>): Promise<HttpResponse & { consumed?: T }> {
    validateTimeout(request.timeoutMs, 'timeoutMs');
    const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const replayable = isReplayableBody(request.body);
    const idempotent = replayable && (request.idempotent ?? isIdempotentMethod(request.method));
    let reauthorized = false;
    const carried = new Set<string>();
    const requestScrub = scrubberFor(carried);
    for (let attemptNumber = 1; ; attemptNumber++) {
      let failure: unknown;
      try {
        const { authorized, response } = await attempt(request, attemptNumber, timeoutMs, carried, requestScrub);
        if (response.status === 401 && !reauthorized && replayable && !request.anonymous && options.auth?.onUnauthorized) {
          await response.discard();
          reauthorized = true;
          if (await options.auth.onUnauthorized(authorized, authContext(request.signal))) {
            attemptNumber--; // a refreshed token is not a retry: it does not use up an attempt
            continue;
          }
          failure = await readError({ ...response, bytes: async () => new Uint8Array() }, requestScrub);
        } else if (response.status >= 300 && response.status !== 304 && !request.acceptStatus?.(response.status)) {
          failure = await readError(response, requestScrub);
        } else if (consume) {
          try {
            return Object.assign(response, { consumed: await consume(response) });
          } catch (error) {
            throw toTransportError(error, { provider, timeoutMs, signal: request.signal });
          }
        } else {
          return response;
        }
      } catch (error) {
        failure = error;
      }
      const retryable =
        (ProviderError.isInstance(failure) && failure.retryable && idempotent) ||
        (!ProviderError.isInstance(failure) && (failure as { retryable?: unknown })?.retryable === true && (idempotent || (replayable && wasNeverSent(failure))));
      if (!retryable || attemptNumber >= retry.maxAttempts || request.signal?.aborted) {
        emit.error(request, attemptNumber, failure, requestScrub);
        throw failure;
      }
      const retryAfterMs = (failure as { retryAfterMs?: number }).retryAfterMs;
      const delayMs = retryAfterMs ?? backoffDelay(retry, attemptNumber, options.random);
      emit.retry(request, attemptNumber, delayMs, failure, requestScrub);
      await abortableSleep(delayMs, request.signal);
    }
  }

  async function readWhole(request: TransportRequest): Promise<TextResponse> {
    const response = await send(request, (received) => received.text());
    return { status: response.status, headers: response.headers, body: response.consumed as string };
  }

  return {
    provider,
    send: (request) => send(request),
    request: readWhole,
    scrub,
    authContext,
    close: async () => {
      await ownAgent?.close();
      ownAgent = undefined;
    },
  };
}
