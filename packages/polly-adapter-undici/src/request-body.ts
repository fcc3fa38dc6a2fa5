import { Buffer } from 'node:buffer';
import { errors } from 'undici';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function chunkToBuffer(chunk: unknown): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return Buffer.from(chunk);
  throw new errors.InvalidArgumentError(`request body chunks must be strings or bytes, got ${typeof chunk}`);
}

/**
 * Reads a request body of any form undici accepts into one Buffer (`null` when there is no body).
 * Recording needs the whole body: Polly matches and saves requests by their body, so streams are buffered.
 */
export async function readRequestBody(body: unknown): Promise<Buffer | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) return chunkToBuffer(body);
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    throw new errors.NotSupportedError('the Polly undici adapter cannot record FormData bodies (their boundary changes every run); encode the body yourself');
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) return Buffer.from(await body.arrayBuffer());
  if (isAsyncIterable(body)) {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunkToBuffer(chunk));
    return Buffer.concat(chunks);
  }
  throw new errors.InvalidArgumentError(`unsupported request body type: ${Object.prototype.toString.call(body)}`);
}
