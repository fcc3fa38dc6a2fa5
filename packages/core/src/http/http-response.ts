import type { Readable } from 'node:stream';

/**
 * A response whose body has not been read yet. Read it exactly once, with `text()`, `bytes()`, by consuming
 * `body`, or throw it away with `discard()` (which lets the connection be reused).
 */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers with lower-case names; repeated values joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as a Node stream, for streaming consumers; it fails with the SDK's typed errors (`NetworkError`, `RequestTimeoutError`, an abort's reason). */
  readonly body: Readable;
  /** Reads the whole body as UTF-8 text. */
  text(): Promise<string>;
  /** Reads the whole body as bytes. */
  bytes(): Promise<Uint8Array>;
  /** Reads and drops the body. */
  discard(): Promise<void>;
}

/** A response read in full, as {@link Transport.request} returns it. */
export interface TextResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body as UTF-8 text. */
  readonly body: string;
}

/** Flattens undici's header record (string | string[]) into single strings. */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
