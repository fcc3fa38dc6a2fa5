import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import type { PresignV4Options } from './presign-v4.js';
import { presignV4 } from './presign-v4.js';
import type { ReferenceRequest, ReferenceSettings } from './test-support/smithy-reference.js';
import { smithyPresign, wireUrl } from './test-support/smithy-reference.js';

// The S3 documentation example "Authenticating Requests: Using Query Parameters".
const S3_EXAMPLE: PresignV4Options = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
  date: new Date('2013-05-24T00:00:00Z'),
  expiresInSeconds: 86_400,
  uriEscapePath: false,
  normalizePath: false,
};
const DOCUMENTED_URL = 'https://examplebucket.s3.amazonaws.com/test.txt'
  + '?X-Amz-Algorithm=AWS4-HMAC-SHA256'
  + '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request'
  + '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host'
  + '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

const REFERENCE: ReferenceSettings = { ...S3_EXAMPLE, uriEscapePath: false, applyChecksum: false };

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
const parameters = (url: string): URLSearchParams => new URLSearchParams(url.slice(url.indexOf('?') + 1));

describe('presignV4', () => {
  it('reproduces the S3 documentation example (UNSIGNED-PAYLOAD by default for s3)', () => {
    expect(presignV4(get('https://examplebucket.s3.amazonaws.com/test.txt'), S3_EXAMPLE)).toBe(DOCUMENTED_URL);
  });

  it('agrees with @smithy/signature-v4 on the documentation example', async () => {
    const request: ReferenceRequest = { method: 'GET', host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', query: {}, headers: {} };
    const reference = await smithyPresign(request, { ...REFERENCE, expiresIn: 86_400, payloadHash: 'UNSIGNED-PAYLOAD' });
    expect(reference['X-Amz-Signature']).toBe(parameters(DOCUMENTED_URL).get('X-Amz-Signature'));
  });

  it('agrees with @smithy/signature-v4 with a session token, an existing query and an x-amz-* header', async () => {
    const request: ReferenceRequest = {
      method: 'PUT',
      host: 'bucket.s3.eu-west-1.amazonaws.com',
      path: '/folder/my%20file.txt',
      query: { 'response-content-type': 'text/plain; charset=utf-8', versionId: 'a+b' },
      headers: { 'x-amz-acl': 'private' },
    };
    const settings = { ...REFERENCE, region: 'eu-west-1', sessionToken: 'FQoG//token+/=', expiresIn: 900 };
    const reference = await smithyPresign(request, { ...settings, payloadHash: 'UNSIGNED-PAYLOAD' });

    const url = presignV4({ method: 'PUT', url: wireUrl(request), headers: request.headers }, { ...S3_EXAMPLE, ...settings, expiresInSeconds: 900 });
    const ours = parameters(url);
    expect(ours.get('X-Amz-Signature')).toBe(reference['X-Amz-Signature']);
    expect(ours.get('X-Amz-Security-Token')).toBe('FQoG//token+/=');
    expect(ours.get('x-amz-acl')).toBe('private'); // hoisted: a URL travels without its headers
    expect(ours.get('versionId')).toBe('a+b');
  });

  it('hashes the body for other services, and can leave the token out of the signature', () => {
    const base = { ...S3_EXAMPLE, service: 'sts', uriEscapePath: true, normalizePath: true, sessionToken: 'TOKEN' };
    const request = get('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15');
    const signedToken = presignV4(request, base);
    const unsignedToken = presignV4(request, { ...base, signSessionToken: false });
    expect(parameters(unsignedToken).get('X-Amz-Security-Token')).toBe('TOKEN');
    expect(unsignedToken.endsWith('&X-Amz-Security-Token=TOKEN')).toBe(true);
    expect(parameters(unsignedToken).get('X-Amz-Signature')).not.toBe(parameters(signedToken).get('X-Amz-Signature'));
    expect(presignV4(request, { ...base, payloadHash: 'UNSIGNED-PAYLOAD' })).not.toBe(signedToken);
    expect(presignV4({ ...request, body: 'x' }, base)).not.toBe(signedToken);
    // S3 signs UNSIGNED-PAYLOAD, so the body does not matter there.
    const object = get('https://examplebucket.s3.amazonaws.com/test.txt');
    expect(presignV4({ ...object, body: 'x' }, S3_EXAMPLE)).toBe(DOCUMENTED_URL);
  });

  it('replaces the auth parameters of an earlier presigning instead of signing them', () => {
    const first = presignV4(get('https://examplebucket.s3.amazonaws.com/test.txt'), { ...S3_EXAMPLE, date: new Date('2013-05-23T00:00:00Z') });
    expect(presignV4(get(first), S3_EXAMPLE)).toBe(DOCUMENTED_URL);
  });

  it.each([0, -1, 604_801, 1.5, Number.NaN])('rejects expiresInSeconds = %s', (expiresInSeconds) => {
    const attempt = () => presignV4(get('https://examplebucket.s3.amazonaws.com/test.txt'), { ...S3_EXAMPLE, expiresInSeconds });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(expect.objectContaining({ argument: 'expiresInSeconds' }));
  });

  it('accepts the limits 1 and 604800', () => {
    for (const expiresInSeconds of [1, 604_800]) {
      const url = presignV4(get('https://examplebucket.s3.amazonaws.com/test.txt'), { ...S3_EXAMPLE, expiresInSeconds });
      expect(parameters(url).get('X-Amz-Expires')).toBe(String(expiresInSeconds));
    }
  });
});
