import { Buffer } from 'node:buffer';
import type { Dispatcher } from 'undici';
import { fromRawHeaders, type HeaderRecord } from './headers.js';

/** A response read in full from the real dispatcher. */
export interface UpstreamResponse {
  readonly statusCode: number;
  readonly statusText: string;
  readonly headers: HeaderRecord;
  readonly body: Buffer;
}

/**
 * Sends one request through the real dispatcher and reads the whole response. Uses the older handler style,
 * which every undici 6 and 7 dispatcher accepts (the global one may be Node's bundled undici). Errors are
 * undici's own, unchanged, so the caller sees the same error class as without Polly.
 */
export function sendUpstream(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  onAbortReady: (abort: (reason: Error) => void) => void,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let statusText = '';
    let headers: HeaderRecord = {};
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onConnect: (abort: (reason?: Error) => void) => onAbortReady((reason) => abort(reason)),
      onHeaders: (statusCode: number, rawHeaders: Buffer[], _resume: () => void, message: string) => {
        if (statusCode < 200) return true; // 1xx informational: the final response follows
        status = statusCode;
        statusText = message;
        headers = fromRawHeaders(rawHeaders);
        return true;
      },
      onData: (chunk: Buffer) => {
        chunks.push(Buffer.from(chunk));
        return true;
      },
      onComplete: () => resolve({ statusCode: status, statusText, headers, body: Buffer.concat(chunks) }),
      onError: (error: Error) => reject(error),
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      reject(error);
    }
  });
}
