import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { canonicalQuery } from './canonical-query.js';

describe('canonicalQuery', () => {
  it('is empty for an empty query', () => {
    expect(canonicalQuery('')).toBe('');
  });

  it('sorts by name, then by value, by encoded bytes (upper case before lower case)', () => {
    expect(canonicalQuery('b=2&a=y&a=x&B=1&a=X')).toBe('B=1&a=X&a=x&a=y&b=2');
  });

  it('gives a parameter without "=" an empty value and keeps empty values', () => {
    expect(canonicalQuery('flag&empty=&x=1')).toBe('empty=&flag=&x=1');
  });

  it('splits on the first "=" only', () => {
    expect(canonicalQuery('a=b=c')).toBe('a=b%3Dc');
  });

  it('re-encodes strictly (!\'()*, spaces, raw UTF-8) and sorts by the encoded names ("%" before letters)', () => {
    expect(canonicalQuery("q=it's%20(a)*!&%E1%88%B4=bar&ሴ2=x")).toBe('%E1%88%B4=bar&%E1%88%B42=x&q=it%27s%20%28a%29%2A%21');
  });

  it('does not double-encode what is already encoded', () => {
    expect(canonicalQuery('path=%2Fa%2Fb&sp=a%20b')).toBe('path=%2Fa%2Fb&sp=a%20b');
  });

  it('treats "+" as a literal plus', () => {
    expect(canonicalQuery('a=1+2')).toBe('a=1%2B2');
  });

  it('skips empty pieces from "&&" and a trailing "&"', () => {
    expect(canonicalQuery('a=1&&b=2&')).toBe('a=1&b=2');
  });

  it('rejects a malformed percent-encoding', () => {
    expect(() => canonicalQuery('a=%E1%88')).toThrow(ValidationError);
  });
});
