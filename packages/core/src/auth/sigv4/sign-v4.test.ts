import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import type { HttpRequest } from '../../http/http-request.js';
import { getHeader } from '../../http/http-request.js';
import { EMPTY_PAYLOAD_SHA256, UNSIGNED_PAYLOAD } from './hash-payload.js';
import type { SignV4Options } from './sign-v4.js';
import { signV4, signV4WithDetails } from './sign-v4.js';

// Credentials and time of the S3 documentation examples ("Signature calculations for the Authorization header").
const S3_EXAMPLE: SignV4Options = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
  date: new Date('2013-05-24T00:00:00Z'),
  uriEscapePath: false,
  normalizePath: false,
  contentSha256Header: true,
};

const OPTIONS: SignV4Options = { ...S3_EXAMPLE, service: 'ec2', uriEscapePath: true, normalizePath: true, contentSha256Header: false };

const request = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'GET',
  url: 'https://ec2.us-east-1.amazonaws.com/?Action=DescribeRegions',
  headers: {},
  ...overrides,
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}

describe('signV4', () => {
  it('matches the S3 documentation example "GET Object" (Range, x-amz-content-sha256)', () => {
    const signed = signV4(
      { method: 'GET', url: 'https://examplebucket.s3.amazonaws.com/test.txt', headers: { Range: 'bytes=0-9' } },
      S3_EXAMPLE,
    );
    expect(getHeader(signed.headers, 'authorization')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, '
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, '
      + 'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(getHeader(signed.headers, 'x-amz-content-sha256')).toBe(EMPTY_PAYLOAD_SHA256);
    expect(getHeader(signed.headers, 'x-amz-date')).toBe('20130524T000000Z');
    expect(getHeader(signed.headers, 'host')).toBe('examplebucket.s3.amazonaws.com');
  });

  it('returns a new request and leaves the input untouched', () => {
    const input = deepFreeze(request({ method: 'POST', headers: { 'Content-Type': 'text/plain', authorization: 'old' }, body: 'hi' }));
    const copy = structuredClone(input);
    const signed = signV4(input, { ...OPTIONS, sessionToken: 'token' });
    expect(input).toEqual(copy);
    expect(signed).not.toBe(input);
    expect(signed.body).toBe('hi');
  });

  it('replaces every existing Authorization header, whatever its case', () => {
    const signed = signV4(request({ headers: { authorization: 'a', AUTHORIZATION: 'b' } }), OPTIONS);
    const names = Object.keys(signed.headers).filter((name) => name.toLowerCase() === 'authorization');
    expect(names).toEqual(['Authorization']);
    expect(signed.headers['Authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//);
  });

  it('adds Host from the URL only when missing (lower case, default port dropped)', () => {
    expect(signV4(request({ url: 'https://EC2.Example.com:443/' }), OPTIONS).headers['Host']).toBe('ec2.example.com');
    expect(signV4(request({ url: 'https://ec2.example.com:8443/' }), OPTIONS).headers['Host']).toBe('ec2.example.com:8443');
    const kept = signV4(request({ headers: { host: 'custom.example' } }), OPTIONS);
    expect(kept.headers['host']).toBe('custom.example');
    expect(kept.headers['Host']).toBeUndefined();
  });

  it('signs the session token by default, and adds it after signing when asked', () => {
    const signedToken = signV4WithDetails(request(), { ...OPTIONS, sessionToken: 'TOKEN' });
    expect(signedToken.request.headers['X-Amz-Security-Token']).toBe('TOKEN');
    expect(signedToken.signedHeaders).toBe('host;x-amz-date;x-amz-security-token');

    const afterwards = signV4WithDetails(request({ headers: { 'x-amz-security-token': 'stale' } }), {
      ...OPTIONS, sessionToken: 'TOKEN', signSessionToken: false,
    });
    expect(afterwards.signedHeaders).toBe('host;x-amz-date');
    expect(afterwards.request.headers).toMatchObject({ 'X-Amz-Security-Token': 'TOKEN' });
    expect(getHeader(afterwards.request.headers, 'x-amz-security-token')).toBe('TOKEN');
    expect(Object.keys(afterwards.request.headers).filter((name) => /security-token/i.test(name))).toHaveLength(1);
  });

  it('uses the given payload hash, then an existing x-amz-content-sha256, then the body', () => {
    const lastLine = (text: string): string | undefined => text.split('\n').at(-1);
    expect(lastLine(signV4WithDetails(request({ body: 'abc' }), { ...OPTIONS, payloadHash: UNSIGNED_PAYLOAD }).canonicalRequest))
      .toBe(UNSIGNED_PAYLOAD);
    expect(lastLine(signV4WithDetails(request({ headers: { 'X-Amz-Content-Sha256': 'f'.repeat(64) } }), OPTIONS).canonicalRequest))
      .toBe('f'.repeat(64));
    expect(lastLine(signV4WithDetails(request({ body: 'abc' }), OPTIONS).canonicalRequest))
      .toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(lastLine(signV4WithDetails(request({ body: Readable.from(['x']) }), OPTIONS).canonicalRequest)).toBe(UNSIGNED_PAYLOAD);
  });

  it('sends x-amz-content-sha256 only when asked', () => {
    expect(getHeader(signV4(request(), OPTIONS).headers, 'x-amz-content-sha256')).toBeUndefined();
    const signed = signV4(request({ body: Readable.from(['x']) }), { ...OPTIONS, contentSha256Header: true });
    expect(getHeader(signed.headers, 'x-amz-content-sha256')).toBe(UNSIGNED_PAYLOAD);
  });

  it('is deterministic and depends on the time', () => {
    const first = signV4(request(), OPTIONS);
    expect(signV4(request(), OPTIONS)).toEqual(first);
    expect(signV4(request(), { ...OPTIONS, date: new Date('2013-05-24T00:00:01Z') }).headers['Authorization'])
      .not.toBe(first.headers['Authorization']);
  });

  it('rejects a URL that is not absolute', () => {
    expect(() => signV4(request({ url: '/relative?x=1' }), OPTIONS)).toThrow(ValidationError);
  });
});
