import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { HttpRequest } from './http-request.js';
import { flattenHeaders, type HttpResponse } from './http-response.js';

/** Splits an absolute URL into undici's origin and path without re-encoding or normalising the path. */
export function splitOrigin(url: string): { origin: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^#]*)/i.exec(url);
  if (!match) throw new TypeError(`not an absolute URL: ${url}`);
  const path = match[2] ?? '';
  return { origin: match[1] as string, path: path === '' ? '/' : path.startsWith('?') ? `/${path}` : path };
}

function toUndiciBody(body: HttpRequest['body']): string | Uint8Array | Readable | null {
  if (body === undefined) return null;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof Readable) return body;
  if (typeof (body as ReadableStream).getReader === 'function') return Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  return Readable.from(body as AsyncIterable<Uint8Array>, { objectMode: false });
}

/** Sends one request through `dispatcher` and wraps the answer; the body is left unread. */
export async function dispatchOnce(
  dispatcher: Dispatcher,
  request: HttpRequest,
  options: { readonly signal?: AbortSignal | undefined; readonly timeoutMs: number },
): Promise<HttpResponse> {
  const { origin, path } = splitOrigin(request.url);
  const response: Dispatcher.ResponseData = await dispatcher.request({
    origin,
    path,
    method: request.method as Dispatcher.HttpMethod,
    headers: request.headers,
    body: toUndiciBody(request.body),
    signal: options.signal ?? null,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    // Never follow a redirect, even through a caller's dispatcher composed with undici's redirect interceptor:
    // it drops Authorization on a cross-origin hop but not X-Auth-Token or a signed URL's query.
    maxRedirections: 0,
  } as Dispatcher.RequestOptions);
  const body = response.body;
  return {
    status: response.statusCode,
    headers: flattenHeaders(response.headers),
    body,
    text: () => body.text(),
    bytes: async () => new Uint8Array(await body.arrayBuffer()),
    discard: async () => {
      await body.dump({ limit: 1 << 20 }).catch(() => undefined);
    },
  };
}
