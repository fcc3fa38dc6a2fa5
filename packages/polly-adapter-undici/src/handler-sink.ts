import type { Buffer } from 'node:buffer';
import type { Dispatcher } from 'undici';
import { toRawHeaders, type HeaderRecord } from './headers.js';

/** A whole response, ready to hand to an undici handler. */
export interface ResponseParts {
  readonly statusCode: number;
  readonly statusText: string;
  readonly headers: HeaderRecord;
  readonly body: Buffer;
}

/** undici calls `onConnect(abort, context)`; its types leave `context` out. */
type OnConnect = (abort: (reason?: Error) => void, context: object) => void;

/** Chunk size used to feed a buffered body to the handler (undici's default high-water mark). */
const CHUNK_SIZE = 64 * 1024;

/**
 * Speaks undici's handler protocol to one caller, in either style: the older `onConnect/onHeaders/onData/
 * onComplete/onError` (undici's `request()`, Node's `fetch`) or the newer controller style (`onRequestStart/
 * onResponseStart/onResponseData/onResponseEnd/onResponseError`). Honours pause/resume and calls exactly one of
 * complete or error.
 */
export class HandlerSink implements Dispatcher.DispatchController {
  readonly #handler: Dispatcher.DispatchHandler;
  readonly #modern: boolean;
  readonly #onAbort: (reason: Error) => void;
  #settled = false;
  #aborted = false;
  #reason: Error | null = null;
  #paused = false;
  #resumeWaiter: (() => void) | undefined;
  rawHeaders: Buffer[] | null = null;
  rawTrailers: Buffer[] | null = null;

  constructor(handler: Dispatcher.DispatchHandler, onAbort: (reason: Error) => void) {
    this.#handler = handler;
    this.#modern = typeof handler.onRequestStart === 'function' || typeof handler.onResponseStart === 'function';
    this.#onAbort = onAbort;
  }

  /** Whether the response has ended or failed (nothing more will reach the handler). */
  get settled(): boolean {
    return this.#settled;
  }
  get aborted(): boolean {
    return this.#aborted;
  }
  get reason(): Error | null {
    return this.#reason;
  }
  get paused(): boolean {
    return this.#paused;
  }

  /** The caller cancels (controller style), or `abort` given to `onConnect` is called (older style). */
  abort(reason?: Error): void {
    if (this.#aborted || this.#settled) return;
    this.#aborted = true;
    this.#reason = reason ?? new Error('Request aborted');
    this.#onAbort(this.#reason);
  }
  pause(): void {
    this.#paused = true;
  }
  resume(): void {
    this.#paused = false;
    const waiter = this.#resumeWaiter;
    this.#resumeWaiter = undefined;
    waiter?.();
  }

  /** Tells the handler the request started and hands it the means to abort. */
  start(): void {
    this.#guard(() => {
      if (this.#modern) this.#handler.onRequestStart?.(this, {});
      else (this.#handler.onConnect as OnConnect | undefined)?.call(this.#handler, (reason?: Error) => this.abort(reason), {});
    });
  }

  /** Fails the request once; later calls are ignored. */
  fail(error: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    this.resume();
    if (this.#modern) this.#handler.onResponseError?.(this, error);
    else this.#handler.onError?.(error);
  }

  /** Delivers status, headers and the body in chunks (waiting while paused), then the end. */
  async respond(parts: ResponseParts): Promise<void> {
    if (this.#settled) return;
    const rawHeaders = toRawHeaders(parts.headers);
    this.rawHeaders = rawHeaders;
    this.#guard(() => {
      if (this.#modern) {
        this.#handler.onResponseStart?.(this, parts.statusCode, parts.headers, parts.statusText);
      } else {
        this.#handler.onResponseStarted?.();
        if (this.#handler.onHeaders?.(parts.statusCode, rawHeaders, () => this.resume(), parts.statusText) === false) this.pause();
      }
    });
    for (let offset = 0; offset < parts.body.length; offset += CHUNK_SIZE) {
      await this.#whilePaused();
      if (this.#settled) return;
      const chunk = parts.body.subarray(offset, offset + CHUNK_SIZE);
      this.#guard(() => {
        if (this.#modern) this.#handler.onResponseData?.(this, chunk);
        else if (this.#handler.onData?.(chunk) === false) this.pause();
      });
    }
    await this.#whilePaused(); // like a socket, a paused response does not end either
    if (this.#settled) return;
    this.#settled = true;
    this.rawTrailers = [];
    if (this.#modern) this.#handler.onResponseEnd?.(this, {});
    else this.#handler.onComplete?.([]);
  }

  async #whilePaused(): Promise<void> {
    while (this.#paused && !this.#settled) await new Promise<void>((resolve) => (this.#resumeWaiter = resolve));
  }

  /** Runs a handler callback; if it throws, the request fails with that error, as undici does. */
  #guard(callback: () => void): void {
    if (this.#settled) return;
    try {
      callback();
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
