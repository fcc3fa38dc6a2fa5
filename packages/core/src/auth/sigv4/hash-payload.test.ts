import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EMPTY_PAYLOAD_SHA256, hashPayload, UNSIGNED_PAYLOAD } from './hash-payload.js';

describe('hashPayload', () => {
  it('hashes text as UTF-8 and bytes as they are', () => {
    // From the suite's post-x-www-form-urlencoded case.
    expect(hashPayload('Param1=value1')).toBe('9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e');
    expect(hashPayload(new TextEncoder().encode('Param1=value1'))).toBe(hashPayload('Param1=value1'));
  });

  it('uses the empty hash when there is no body, and for an empty one', () => {
    expect(hashPayload(undefined)).toBe(EMPTY_PAYLOAD_SHA256);
    expect(hashPayload('')).toBe(EMPTY_PAYLOAD_SHA256);
    expect(hashPayload(new Uint8Array())).toBe(EMPTY_PAYLOAD_SHA256);
  });

  it('does not read streams: they are UNSIGNED-PAYLOAD', () => {
    const stream = Readable.from(['data']);
    expect(hashPayload(stream)).toBe(UNSIGNED_PAYLOAD);
    expect(stream.readableDidRead).toBe(false);
    expect(hashPayload(new ReadableStream<Uint8Array>())).toBe(UNSIGNED_PAYLOAD);
  });
});
