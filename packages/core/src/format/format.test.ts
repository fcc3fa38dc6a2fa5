import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../errors/errors.js';
import { parseJson } from './json.js';
import { parseXml } from './xml.js';

const regions = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>abc</requestId>
  <regionInfo><item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint></item></regionInfo>
  <count>0012</count><name>a &amp; b</name>
</DescribeRegionsResponse>`;

describe('parseXml', () => {
  it('keeps values as strings and listed paths as arrays even with one entry', () => {
    const document = parseXml(regions, { provider: 'ec2', root: 'DescribeRegionsResponse', arrayPaths: ['DescribeRegionsResponse.regionInfo.item'] });
    const response = document.DescribeRegionsResponse as Record<string, any>;
    expect(response.regionInfo.item).toEqual([{ regionName: 'eu-west-1', regionEndpoint: 'ec2.eu-west-1.amazonaws.com' }]);
    expect(response.count).toBe('0012');
    expect(response.name).toBe('a & b');
  });

  it.each([
    ['', /empty body/],
    ['<html><body>Service Unavailable</body></html>', /expected root element <DescribeRegionsResponse>, got <html>/],
    ['just text', /no XML element/],
  ])('rejects %j as malformed, keeping an excerpt', (body, reason) => {
    const error = (() => {
      try {
        parseXml(body, { provider: 'ec2', root: 'DescribeRegionsResponse', status: 200 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(MalformedResponseError.isInstance(error) && error).toMatchObject({ status: 200, body });
    expect((error as Error).message).toMatch(reason);
  });

  it('keeps at most 512 characters of a huge malformed body', () => {
    const body = `<html>${'x'.repeat(10_000)}</html>`;
    const error = (() => {
      try {
        parseXml(body, { provider: 'ec2', root: 'Nope' });
      } catch (caught) {
        return caught as MalformedResponseError;
      }
    })();
    expect(error?.body.length).toBe(513);
  });
});

describe('parseJson', () => {
  it('parses and drops __proto__ keys', () => {
    const value = parseJson<Record<string, unknown>>('{"a":1,"__proto__":{"polluted":true}}', { provider: 'x' });
    expect(value).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('rejects empty and invalid bodies as malformed', () => {
    expect(() => parseJson('', { provider: 'x' })).toThrow(/empty body/);
    expect(() => parseJson('<html>', { provider: 'x', status: 502 })).toThrow(MalformedResponseError);
  });
});
