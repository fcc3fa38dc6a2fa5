import type { Readable } from 'node:stream';

/**
 * A request body: text and bytes are sent as they are (and can be replayed on retry); streams are sent as they
 * arrive, never buffered, and so are never retried.
 */
export type RequestBody = string | Uint8Array | Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** An HTTP request as the auth strategies and the transport see it. Plain data: strategies return a new one. */
export interface HttpRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Absolute URL exactly as it goes on the wire (path and query already percent-encoded). */
  readonly url: string;
  /** Header names in any case; one value per name (join repeated values with `,`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, if any. */
  readonly body?: RequestBody | undefined;
}

/** Whether a body can be sent again on a retry (text and bytes can; streams cannot). */
export function isReplayableBody(body: RequestBody | undefined): body is string | Uint8Array | undefined {
  return body === undefined || typeof body === 'string' || body instanceof Uint8Array;
}

/** Returns a copy of `request` with `headers` merged over its headers (case-insensitively replacing). */
export function withHeaders(request: HttpRequest, headers: Readonly<Record<string, string>>): HttpRequest {
  const replaced = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const kept = Object.entries(request.headers).filter(([name]) => !replaced.has(name.toLowerCase()));
  return { ...request, headers: { ...Object.fromEntries(kept), ...headers } };
}

/** Looks a header up case-insensitively. */
export function getHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
