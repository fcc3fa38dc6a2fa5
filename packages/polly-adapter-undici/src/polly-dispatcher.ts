import type { Polly } from '@pollyjs/core';
import { Dispatcher, errors } from 'undici';
import { encodeBody } from './body-codec.js';
import { ADAPTER_ID } from './constants.js';
import { AdapterNotConnectedError } from './errors.js';
import { Exchange } from './exchange.js';
import { toHeaderRecord } from './headers.js';
import { scrubberOf } from './persist-scrubbing.js';
import { readRequestBody } from './request-body.js';
import { requestUrl } from './request-target.js';

const dispatchers = new WeakMap<Polly, PollyDispatcher>();

/**
 * An undici `Dispatcher` that hands every request to a Polly instance's undici adapter, to be recorded, replayed,
 * intercepted or passed through. Give it to any undici API (`request(url, { dispatcher })`, `fetch` from undici,
 * `createTransport({ dispatcher })`); the adapter also installs it as undici's global dispatcher while connected.
 *
 * @remarks
 * There is one per Polly instance ({@link pollyDispatcher}); it keeps working across `polly.configure()`,
 * `pause()` and `play()`. While the adapter is not connected (paused, or after `polly.stop()`) requests fail
 * with {@link AdapterNotConnectedError} instead of reaching the network. `close()` and `destroy()` do nothing:
 * the real dispatcher behind Polly belongs to its owner.
 */
export class PollyDispatcher extends Dispatcher {
  /** The Polly instance this dispatcher feeds. */
  readonly polly: Polly;

  /** Use {@link pollyDispatcher} to get the one dispatcher of a Polly instance. */
  constructor(polly: Polly) {
    super();
    this.polly = polly;
  }

  /** Hands the request to Polly; the handler may use either undici handler style. Always returns `true`. */
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const exchange = new Exchange(options, handler);
    queueMicrotask(() => {
      exchange.sink.start();
      this.#run(exchange).catch((error: unknown) => exchange.fail(error));
    });
    return true;
  }

  /** Does nothing (the dispatcher owns no connections); resolves at once. */
  override close(): Promise<void>;
  /** Does nothing (the dispatcher owns no connections); calls back at once. */
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    if (callback) queueMicrotask(callback);
    else return Promise.resolve();
  }

  /** Does nothing (the dispatcher owns no connections); resolves at once. */
  override destroy(): Promise<void>;
  /** Does nothing (the dispatcher owns no connections); resolves at once. */
  override destroy(error: Error | null): Promise<void>;
  /** Does nothing (the dispatcher owns no connections); calls back at once. */
  override destroy(callback: () => void): void;
  /** Does nothing (the dispatcher owns no connections); calls back at once. */
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const callback = typeof first === 'function' ? first : second;
    if (callback) queueMicrotask(callback);
    else return Promise.resolve();
  }

  async #run(exchange: Exchange): Promise<void> {
    const { options } = exchange;
    if (exchange.sink.settled) return; // aborted, or the handler threw in onConnect
    if (options.upgrade || options.method === 'CONNECT') {
      throw new errors.NotSupportedError('the Polly undici adapter cannot record upgrades or CONNECT requests');
    }
    const url = requestUrl(options);
    const adapter = this.polly.adapters.get(ADAPTER_ID);
    if (!adapter) throw new AdapterNotConnectedError(this.polly.recordingName, options.method, scrubberOf(this.polly)?.url(url) ?? url);
    exchange.bodyBytes = await readRequestBody(options.body);
    if (exchange.sink.settled) return;
    const { body } = encodeBody(exchange.bodyBytes);
    await adapter.handleRequest({
      url,
      method: options.method,
      headers: toHeaderRecord(options.headers),
      ...(body === undefined ? {} : { body }),
      requestArguments: { exchange },
    });
  }
}

/** The dispatcher of a Polly instance (created on first use, then the same object every time). */
export function pollyDispatcher(polly: Polly): PollyDispatcher {
  let dispatcher = dispatchers.get(polly);
  if (!dispatcher) {
    dispatcher = new PollyDispatcher(polly);
    dispatchers.set(polly, dispatcher);
  }
  return dispatcher;
}
