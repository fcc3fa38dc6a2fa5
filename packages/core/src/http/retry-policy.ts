import { ValidationError } from '../errors/errors.js';

/** How the transport retries idempotent requests that failed for a reason a retry may fix. */
export interface RetrySettings {
  /** Total attempts including the first; `1` disables retries. Default 3. */
  readonly maxAttempts: number;
  /** Upper bound of the first backoff in milliseconds; doubles every attempt. Default 200. */
  readonly baseDelayMs: number;
  /** Cap of any computed backoff in milliseconds (a provider's `Retry-After` is honoured as given). Default 20 000. */
  readonly maxDelayMs: number;
}

/** The defaults: 3 attempts, 200 ms base, 20 s cap. */
export const DEFAULT_RETRY: RetrySettings = Object.freeze({ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 20_000 });

/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);

/** Whether `method` is idempotent by definition; a request may override this (e.g. a POST with an idempotency token). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Checks and completes the `retry` setting.
 * @param retry - `false` (no retries), a partial settings object, or undefined for the defaults
 * @throws ValidationError naming the bad field
 */
export function resolveRetrySettings(retry: Partial<RetrySettings> | false | undefined): RetrySettings {
  if (retry === false) return { ...DEFAULT_RETRY, maxAttempts: 1 };
  const settings = { ...DEFAULT_RETRY, ...retry };
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) {
    throw new ValidationError('retry.maxAttempts', `must be a whole number ≥ 1, got ${String(settings.maxAttempts)}`);
  }
  for (const field of ['baseDelayMs', 'maxDelayMs'] as const) {
    if (!Number.isFinite(settings[field]) || settings[field] < 0) {
      throw new ValidationError(`retry.${field}`, `must be a finite number ≥ 0, got ${String(settings[field])}`);
    }
  }
  return settings;
}

/**
 * Backoff before retry number `attempt` (1 = the first retry): "full jitter", a uniform random delay between 0 and
 * `min(maxDelayMs, baseDelayMs · 2^(attempt-1))`, which spreads out clients that failed together.
 */
export function backoffDelay(settings: RetrySettings, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
