import { Buffer } from 'node:buffer';
import Adapter from '@pollyjs/adapter';
import type { Request as PollyRequest, Response as PollyResponse } from '@pollyjs/core';
import { getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { decodeBody, encodeBody } from './body-codec.js';
import { ADAPTER_ID } from './constants.js';
import { RecordingNotFoundError } from './errors.js';
import type { Exchange } from './exchange.js';
import { fromPollyHeaders, type HeaderRecord } from './headers.js';
import { installPersistScrubbing, scrubberOf } from './persist-scrubbing.js';
import { PollyDispatcher, pollyDispatcher } from './polly-dispatcher.js';
import { requestPath, requestUrl, splitUrl } from './request-target.js';
import type { Scrubber } from './scrubber.js';
import { sendUpstream } from './upstream.js';

/** Options of the undici adapter, given as `adapterOptions: { undici: { … } }` in the Polly config. */
export interface UndiciAdapterOptions {
  /** Where record and passthrough send requests. Default: undici's global dispatcher when Polly connects. */
  upstream?: Dispatcher | undefined;
  /** Install the Polly dispatcher as undici's global dispatcher while connected (restored on disconnect). Default `true`. */
  global?: boolean | undefined;
  /** The scrubber run on every entry before it is saved, or `false` for none. Default: {@link defaultScrubber}. */
  scrubber?: Scrubber | false | undefined;
}

function exchangeOf(pollyRequest: PollyRequest): Exchange {
  return (pollyRequest.requestArguments as { exchange: Exchange }).exchange;
}

function hasNoBody(method: string, status: number): boolean {
  return method === 'HEAD' || status === 204 || status === 304 || status < 200;
}

/**
 * A Polly adapter for undici: records and replays requests made through undici's `Dispatcher` API — the
 * dispatcher you pass to clients ({@link UndiciAdapter.dispatcher}, {@link pollyDispatcher}) and, unless
 * `global: false`, undici's global dispatcher (which Node's own `fetch` shares).
 *
 * @example
 * ```ts
 * const polly = new Polly('s3 list', { adapters: [UndiciAdapter], persister: FSPersister, ...recommendedPollyConfig });
 * await request('https://example.com/', { dispatcher: pollyDispatcher(polly) });
 * ```
 */
export class UndiciAdapter extends Adapter<UndiciAdapterOptions> {
  #upstream: Dispatcher | undefined;
  #previousGlobal: Dispatcher | undefined;

  /** The adapter's id in Polly: `'undici'`. */
  static override get id(): string {
    return ADAPTER_ID;
  }

  /** `{ global: true }` (a field: Polly's types declare `defaultOptions` as a property). */
  override readonly defaultOptions: UndiciAdapterOptions = { global: true };

  /** The dispatcher to give undici clients; the same object as {@link pollyDispatcher}(polly). */
  get dispatcher(): PollyDispatcher {
    return pollyDispatcher(this.polly);
  }

  /** The real dispatcher behind Polly, used to record and pass through. */
  get upstream(): Dispatcher {
    this.assert('The undici adapter is not connected.', this.#upstream !== undefined);
    return this.#upstream as Dispatcher;
  }

  /** Resolves the real dispatcher, installs scrubbing and (unless `global: false`) the global dispatcher. */
  override onConnect(): void {
    const current = getGlobalDispatcher();
    const install = this.options.global !== false;
    if (install) {
      this.assert(
        'Another Polly instance has installed its undici dispatcher globally; stop it first, or set adapterOptions.undici.global to false.',
        !(current instanceof PollyDispatcher),
      );
    }
    const fromGlobal = current instanceof PollyDispatcher ? (current.polly.adapters.get(ADAPTER_ID) as UndiciAdapter | undefined)?.upstream : current;
    this.#upstream = this.options.upstream ?? fromGlobal ?? current;
    installPersistScrubbing(this.polly);
    if (install) {
      this.#previousGlobal = current;
      setGlobalDispatcher(this.dispatcher);
    }
  }

  /** Restores the global dispatcher it replaced (unless someone replaced it in the meantime). */
  override onDisconnect(): void {
    if (this.#previousGlobal) {
      if (getGlobalDispatcher() === this.dispatcher) setGlobalDispatcher(this.#previousGlobal);
      else this.polly.logger.log.warn('[Polly] [adapter:undici] the global dispatcher was replaced while Polly was connected; left as it is.');
    }
    this.#previousGlobal = undefined;
    this.#upstream = undefined;
  }

  /** Links Polly's request to the undici call it came from (for aborts and route-handler edits). */
  override async onRequest(pollyRequest: PollyRequest): Promise<void> {
    exchangeOf(pollyRequest).attach(pollyRequest);
  }

  /** Sends the request through the real dispatcher and reads the response (record and passthrough). */
  override async onFetchResponse(pollyRequest: PollyRequest): Promise<Pick<PollyResponse, 'statusCode' | 'headers' | 'body' | 'encoding'>> {
    const exchange = exchangeOf(pollyRequest);
    const { options } = exchange;
    const changed = exchange.changed(pollyRequest);
    const target = changed.url ? splitUrl(pollyRequest.url) : { origin: new URL(requestUrl(options)).origin, path: requestPath(options) };
    const { query: _query, ...rest } = options;
    const response = await sendUpstream(
      this.upstream,
      {
        ...rest,
        ...target,
        method: pollyRequest.method === options.method.toUpperCase() ? options.method : pollyRequest.method,
        headers: changed.headers ? fromPollyHeaders(pollyRequest.headers) : (options.headers ?? null),
        body: changed.body ? (pollyRequest.body ?? null) : exchange.bodyBytes,
      },
      (abort) => exchange.onUpstreamAbort(abort),
    );
    const { body, encoding } = encodeBody(response.body);
    return { statusCode: response.statusCode, headers: response.headers, encoding, ...(body === undefined ? {} : { body }) };
  }

  /** Hands Polly's response (recorded, replayed, intercepted or passed through) or its error to the caller. */
  override async onRespond(pollyRequest: PollyRequest, error?: unknown): Promise<void> {
    const exchange = exchangeOf(pollyRequest);
    if (error !== undefined || pollyRequest.aborted || !pollyRequest.response) {
      exchange.fail(error ?? new Error('Request aborted'));
      return;
    }
    const { statusCode, statusText, headers, body, encoding } = pollyRequest.response;
    const bytes = decodeBody(body, encoding);
    const record: HeaderRecord = fromPollyHeaders(headers);
    if (record['content-length'] !== undefined && !hasNoBody(pollyRequest.method, statusCode)) record['content-length'] = String(bytes.length);
    void exchange.respond({ statusCode, statusText, headers: record, body: hasNoBody(pollyRequest.method, statusCode) ? Buffer.alloc(0) : bytes });
  }

  /** Replaces Polly's "not found" assertion (which prints all headers) with a {@link RecordingNotFoundError}. */
  override async onRequestFailed(pollyRequest: PollyRequest, error?: unknown): Promise<void> {
    let failure = error;
    if (error instanceof Error && error.message.includes('`recordIfMissing` is `false`')) {
      const url = scrubberOf(this.polly)?.url(pollyRequest.url) ?? pollyRequest.url;
      failure = new RecordingNotFoundError(pollyRequest.recordingName, pollyRequest.method, url);
    }
    const base = super.onRequestFailed as (request: PollyRequest, error?: unknown) => Promise<void>;
    await base.call(this, pollyRequest, failure);
  }
}
