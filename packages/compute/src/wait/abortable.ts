/**
 * Small abort-signal tools shared by the wait and deploy helpers (internal, not exported from the package). Every
 * helper removes its listeners and clears its timers when it settles, so nothing is left behind.
 */

/** Longest delay `setTimeout` honours (about 24.8 days); longer ones would fire at once, so they are capped. */
const MAX_TIMER_MS = 2_147_483_647;

/** Resolves after `ms` milliseconds, or rejects with `signal.reason` as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, except that it rejects with `signal.reason` at once when `signal` aborts first, for work
 * that may ignore its signal. A late rejection of `promise` is swallowed.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** An abort controller that follows a parent signal and aborts by itself after a timeout; `dispose()` when done. */
export interface Deadline {
  /** Aborts when the parent aborts (with its reason) or when the time is up (with the timeout reason). */
  readonly signal: AbortSignal;
  /** Removes the parent listener and clears the timer. */
  dispose(): void;
}

/**
 * Links a new signal to `parent` and a timeout.
 * @param timeoutMs - when to abort; `undefined` for no timeout
 * @param timeoutReason - makes the reason the signal aborts with at the timeout
 */
export function deadline(parent: AbortSignal | undefined, timeoutMs: number | undefined, timeoutReason: () => unknown): Deadline {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener('abort', onAbort, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(timeoutReason()), Math.min(timeoutMs, MAX_TIMER_MS));
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
