import { describe, expect, it } from 'vitest';
import { parseRawRequest } from './parse-raw-request.js';

describe('parseRawRequest (test helper)', () => {
  it('keeps a raw target with spaces and dots verbatim', () => {
    const request = parseRawRequest('GET /a b/../c HTTP/1.1\nHost:example.com');
    expect(request).toEqual({ method: 'GET', url: 'https://example.com/a b/../c', headers: { Host: 'example.com' } });
  });

  it('joins folded lines and repeated headers with commas in order, trimming each value', () => {
    const request = parseRawRequest('GET / HTTP/1.1\nHost:h\nX-A: 2 \n  3\nx-a:1\nX-B:  q  r ');
    expect(request.headers).toEqual({ Host: 'h', 'X-A': '2,3,1', 'X-B': 'q  r' });
  });

  it('takes what follows the blank line as the body (CRLF too)', () => {
    const request = parseRawRequest('POST / HTTP/1.1\r\nHost:h\r\n\r\nParam1=value1');
    expect(request.body).toBe('Param1=value1');
    expect(request.headers).toEqual({ Host: 'h' });
  });
});
