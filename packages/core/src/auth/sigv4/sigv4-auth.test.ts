import { describe, expect, it } from 'vitest';
import type { AuthContext } from '../auth-strategy.js';
import type { HttpRequest } from '../../http/http-request.js';
import { getHeader } from '../../http/http-request.js';
import { signV4 } from './sign-v4.js';
import type { SigV4Credentials } from './sigv4-auth.js';
import { sigV4Auth } from './sigv4-auth.js';

const NOW = new Date('2015-08-30T12:36:00Z');
const context: AuthContext = { now: () => NOW, provider: 'test', request: () => Promise.reject(new Error('not used')) };
const CREDENTIALS: SigV4Credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const REQUEST: HttpRequest = { method: 'GET', url: 'https://bucket.s3.amazonaws.com/a//b/../c%20d', headers: {} };

describe('sigV4Auth', () => {
  it('signs with the credentials, region, service and context time', async () => {
    const auth = sigV4Auth({ credentials: () => CREDENTIALS, region: 'us-east-1', service: 'ec2' });
    const signed = await auth.authorize(REQUEST, context);
    expect(auth.name).toBe('sigv4');
    expect(signed).toEqual(signV4(REQUEST, { ...CREDENTIALS, region: 'us-east-1', service: 'ec2', date: NOW }));
    expect(getHeader(signed.headers, 'x-amz-content-sha256')).toBeUndefined();
  });

  it('signs the S3 way when s3 is set', async () => {
    const auth = sigV4Auth({ credentials: () => CREDENTIALS, region: 'us-east-1', service: 's3', s3: true });
    const signed = await auth.authorize(REQUEST, context);
    const s3Options = { uriEscapePath: false, normalizePath: false, contentSha256Header: true };
    expect(signed).toEqual(signV4(REQUEST, { ...CREDENTIALS, region: 'us-east-1', service: 's3', date: NOW, ...s3Options }));
    expect(signed).not.toEqual(signV4(REQUEST, { ...CREDENTIALS, region: 'us-east-1', service: 's3', date: NOW }));
  });

  it('asks for credentials on every request (rotation) and reports the secrets it has seen', async () => {
    let calls = 0;
    const auth = sigV4Auth({
      credentials: () => {
        calls += 1;
        return { accessKeyId: `AKID${calls}`, secretAccessKey: `secret-${calls}`, ...(calls === 2 ? { sessionToken: 'token-2' } : {}) };
      },
      region: 'us-east-1',
      service: 'ec2',
    });
    expect(auth.secrets()).toEqual([]);
    expect(calls).toBe(0);
    await auth.authorize(REQUEST, context);
    const second = await auth.authorize(REQUEST, context);
    expect(calls).toBe(2);
    expect(getHeader(second.headers, 'authorization')).toContain('Credential=AKID2/');
    expect(getHeader(second.headers, 'x-amz-security-token')).toBe('token-2');
    expect(auth.secrets()).toEqual(['secret-1', 'secret-2', 'token-2']);
  });

  it('lets an error of the credentials function through', () => {
    const auth = sigV4Auth({ credentials: () => { throw new Error('no credentials'); }, region: 'us-east-1', service: 'ec2' });
    expect(() => auth.authorize(REQUEST, context)).toThrow('no credentials');
    expect(auth.secrets()).toEqual([]);
  });

  it('remembers only the most recent secrets', async () => {
    let calls = 0;
    const auth = sigV4Auth({
      credentials: () => ({ accessKeyId: 'AKID', secretAccessKey: `secret-${(calls += 1)}` }),
      region: 'us-east-1',
      service: 'ec2',
    });
    for (let index = 0; index < 20; index += 1) await auth.authorize(REQUEST, context);
    expect(auth.secrets()).toHaveLength(8);
    expect(auth.secrets()).toContain('secret-20');
    expect(auth.secrets()).not.toContain('secret-1');
  });
});
