import type { Buffer } from 'node:buffer';
import type { Request as PollyRequest } from '@pollyjs/core';
import type { Dispatcher } from 'undici';
import { HandlerSink, type ResponseParts } from './handler-sink.js';

/** What Polly's request looked like when the adapter created it, to tell later edits by route handlers apart. */
interface Snapshot {
  readonly url: string;
  readonly headers: string;
  readonly body: string | undefined;
}

/**
 * One request dispatched through the Polly dispatcher: the caller's options and handler, the buffered request
 * body, and the cancellation wiring between the caller, Polly's request and the upstream request.
 */
export class Exchange {
  readonly options: Dispatcher.DispatchOptions;
  readonly sink: HandlerSink;
  /** The request body read in full (`null` when the request has none). */
  bodyBytes: Buffer | null = null;
  #pollyRequest: (PollyRequest & { abort(): void }) | undefined;
  #snapshot: Snapshot | undefined;
  #upstreamAbort: ((reason: Error) => void) | undefined;

  constructor(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    this.options = options;
    this.sink = new HandlerSink(handler, (reason) => this.#cancel(reason));
  }

  /** Links Polly's request, remembering its URL, headers and body as the adapter built them. */
  attach(pollyRequest: PollyRequest): void {
    this.#pollyRequest = pollyRequest as PollyRequest & { abort(): void };
    this.#snapshot = { url: pollyRequest.url, headers: JSON.stringify(pollyRequest.headers), body: pollyRequest.body };
    if (this.sink.aborted) this.#pollyRequest.abort();
  }

  /** Whether a route handler changed the URL, headers or body (then Polly's values are sent, not the originals). */
  changed(pollyRequest: PollyRequest): { url: boolean; headers: boolean; body: boolean } {
    const snapshot = this.#snapshot;
    return {
      url: snapshot?.url !== pollyRequest.url,
      headers: snapshot?.headers !== JSON.stringify(pollyRequest.headers),
      body: snapshot?.body !== pollyRequest.body,
    };
  }

  /** Registers how to cancel the upstream request; cancels at once if the caller already did. */
  onUpstreamAbort(abort: (reason: Error) => void): void {
    this.#upstreamAbort = abort;
    if (this.sink.aborted) abort(this.sink.reason ?? new Error('Request aborted'));
  }

  /** Delivers the response to the caller (resolves once the body has been handed over). */
  respond(parts: ResponseParts): Promise<void> {
    return this.sink.respond(parts);
  }

  /** Fails the request with `error` (ignored once the response ended or failed). */
  fail(error: unknown): void {
    this.sink.fail(error instanceof Error ? error : new Error(String(error)));
  }

  #cancel(reason: Error): void {
    this.#pollyRequest?.abort();
    this.#upstreamAbort?.(reason);
    this.sink.fail(reason);
  }
}
