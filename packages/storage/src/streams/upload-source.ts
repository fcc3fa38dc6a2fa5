import { Readable } from 'node:stream';
import { ValidationError } from '@multicloud/core';
import type { UploadSource } from '../storage-driver.js';

/**
 * Turns any upload source (Node `Readable`, web `ReadableStream`, async iterable of bytes) into an async iterable
 * of `Uint8Array` chunks, read lazily: nothing is buffered here.
 * @throws ValidationError for anything else (a string, a Buffer, a plain object), naming `argument`
 */
export function toByteIterable(source: UploadSource, argument = 'source'): AsyncIterable<Uint8Array> {
  if (source instanceof Readable) return source as AsyncIterable<Uint8Array>;
  if (source !== null && typeof source === 'object') {
    if (typeof (source as ReadableStream).getReader === 'function') return Readable.fromWeb(source as import('node:stream/web').ReadableStream<Uint8Array>) as AsyncIterable<Uint8Array>;
    if (typeof (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') return checkedChunks(source as AsyncIterable<Uint8Array>, argument);
  }
  throw new ValidationError(argument, 'must be a Node Readable, a web ReadableStream or an async iterable of Uint8Array');
}

async function* checkedChunks(source: AsyncIterable<Uint8Array>, argument: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    if (!(chunk instanceof Uint8Array)) throw new ValidationError(argument, `yielded a ${typeof chunk} where a Uint8Array was expected`);
    yield chunk;
  }
}
