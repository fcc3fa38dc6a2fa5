import { describe, expect, it } from 'vitest';
import { canonicalUri } from './canonical-uri.js';

describe('canonicalUri', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['//', '/'],
    ['/example/..', '/'],
    ['/./example', '/example'],
    ['//example//', '/example/'],
    ['/a/b/../../..', '/'],
    ['/a/./b/', '/a/b/'],
  ])('normalises %j to %j', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  it('encodes each segment with the strict unreserved set, double-encoding % (non-S3 services)', () => {
    expect(canonicalUri("/a b/ü/it's(1)*!/x%2Fy/-._~")).toBe('/a%20b/%C3%BC/it%27s%281%29%2A%21/x%252Fy/-._~');
  });

  it('leaves the path exactly as given for S3', () => {
    const path = '/bucket//a/../my%20key.txt';
    expect(canonicalUri(path, { normalizePath: false, uriEscapePath: false })).toBe(path);
  });

  it('applies the two options independently', () => {
    expect(canonicalUri('//a b/./c', { uriEscapePath: false })).toBe('/a b/c');
    expect(canonicalUri('//a b/./c', { normalizePath: false })).toBe('//a%20b/./c');
  });
});
