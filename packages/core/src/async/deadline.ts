/** Longest delay `setTimeout` honours (about 24.8 days); longer ones would fire at once, so they are capped. */
const MAX_TIMER_MS = 2_147_483_647;

/** An abort signal that follows a parent signal and aborts by itself after a timeout; `dispose()` when done. */
export interface Deadline {
  /** Aborts when the parent aborts (with its reason) or when the time is up (with the timeout reason). */
  readonly signal: AbortSignal;
  /** Removes the parent listener and clears the timer. */
  dispose(): void;
}

/**
 * Links a new signal to `parent` and a timeout, for operations bounded both by the caller's signal and by time.
 * @param parent - the caller's signal, if any
 * @param timeoutMs - when to abort; `undefined` for no timeout
 * @param timeoutReason - makes the reason the signal aborts with at the timeout (e.g. a `RequestTimeoutError`)
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
