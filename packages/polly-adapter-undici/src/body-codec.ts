import { Buffer } from 'node:buffer';

/** A body as Polly stores it: text when the bytes are valid UTF-8, base64 otherwise. */
export interface EncodedBody {
  /** The body text, or `undefined` for an empty body. */
  readonly body: string | undefined;
  /** `'base64'` when `body` is base64 of binary bytes, otherwise `undefined`. */
  readonly encoding: 'base64' | undefined;
}

/** Whether the bytes survive a round trip through a UTF-8 string unchanged (Polly's own test). */
export function isUtf8Representable(bytes: Buffer): boolean {
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}

/** Encodes bytes the way Polly 6's fetch and XHR adapters do: UTF-8 text, or base64 with `encoding: 'base64'`. */
export function encodeBody(bytes: Buffer | null): EncodedBody {
  if (!bytes || bytes.length === 0) return { body: undefined, encoding: undefined };
  return isUtf8Representable(bytes) ? { body: bytes.toString('utf8'), encoding: undefined } : { body: bytes.toString('base64'), encoding: 'base64' };
}

/** Turns a Polly body (a recorded string, or whatever an intercept handler set) back into bytes. */
export function decodeBody(body: unknown, encoding: string | undefined): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return encoding ? Buffer.from(text, encoding as BufferEncoding) : Buffer.from(text, 'utf8');
}
