import { RequestTimeoutError } from '../errors/errors.js';
import { validateTimeout } from '../http/transport.js';
import { abortableSleep } from './abortable-sleep.js';
import { deadline, raceAbort } from './deadline.js';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** Provider id, for the timeout error. */
  readonly provider: string;
  /** What is awaited, for the timeout error, e.g. `balancer 8290 to become active`. */
  readonly what: string;
  /** Give up after this many ms (default 600 000). */
  readonly timeoutMs?: number | undefined;
  /** Pause between checks in ms (default 2 000). */
  readonly intervalMs?: number | undefined;
  /** Cancels the wait at once. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Calls `check` until it returns something other than `undefined`, pausing `intervalMs` between calls; for
 * operations clouds complete asynchronously (a balancer going back to active, a server appearing in a listing).
 * `check` receives a signal that aborts on timeout or when the caller aborts; errors from `check` end the wait.
 *
 * @throws RequestTimeoutError after `timeoutMs`; the caller's `signal.reason` as soon as it aborts
 * @example
 * ```ts
 * const balancer = await pollUntil(async (signal) => {
 *   const current = await driver.getBalancer(id, { signal });
 *   return current.state === 'running' ? current : undefined;
 * }, { provider: 'rackspace', what: `balancer ${id} to become active`, timeoutMs: 120_000 });
 * ```
 */
export async function pollUntil<T>(check: (signal: AbortSignal) => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const intervalMs = options.intervalMs ?? 2_000;
  validateTimeout(timeoutMs, 'timeoutMs');
  validateTimeout(intervalMs, 'intervalMs');
  options.signal?.throwIfAborted();
  const limit = deadline(options.signal, timeoutMs, () => new RequestTimeoutError({ provider: options.provider, timeoutMs, what: options.what }));
  try {
    for (;;) {
      const result = await raceAbort(check(limit.signal), limit.signal);
      if (result !== undefined) return result;
      await abortableSleep(intervalMs, limit.signal);
    }
  } finally {
    limit.dispose();
  }
}
