import { describe, expect, it } from 'vitest';
import { canonicalHeaders } from './canonical-headers.js';

describe('canonicalHeaders', () => {
  it('lower-cases and sorts names, and lists them as the signed headers', () => {
    expect(canonicalHeaders({ 'X-Amz-Date': '20150830T123600Z', Host: 'example.com', 'Content-Type': 'text/plain' })).toEqual({
      canonical: 'content-type:text/plain\nhost:example.com\nx-amz-date:20150830T123600Z',
      signedHeaders: 'content-type;host;x-amz-date',
    });
  });

  it('trims values and collapses runs of spaces, tabs and line breaks to one space', () => {
    expect(canonicalHeaders({ a: '  x   y\t\tz  ', b: 'one\r\n  two' }).canonical).toBe('a:x y z\nb:one two');
  });

  it('joins the values of names that differ only in case with "," in order of appearance', () => {
    expect(canonicalHeaders({ 'My-Header': ' v2 ', 'my-header': 'v1', 'MY-HEADER': 'v3' })).toEqual({
      canonical: 'my-header:v2,v1,v3',
      signedHeaders: 'my-header',
    });
  });

  it('leaves out authorization and the headers proxies and clients may change', () => {
    const result = canonicalHeaders({
      Authorization: 'old',
      'User-Agent': 'x',
      Connection: 'keep-alive',
      'Proxy-Authorization': 'p',
      'Sec-Fetch-Mode': 'cors',
      Host: 'h',
    });
    expect(result.signedHeaders).toBe('host');
  });
});
