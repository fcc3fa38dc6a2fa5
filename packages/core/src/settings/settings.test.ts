import { describe, expect, it } from 'vitest';
import { MissingCredentialsError, ValidationError } from '../errors/errors.js';
import { once, readCredential, validateCredentialOption } from './credentials.js';
import { parseEndpoint } from './endpoint.js';

describe('readCredential', () => {
  const source = { option: 'accessKeyId', environmentVariable: 'AWS_ACCESS_KEY_ID' };

  it('prefers the setting, then the environment', () => {
    expect(readCredential('ec2', 'from-option', source, { AWS_ACCESS_KEY_ID: 'from-env' })).toBe('from-option');
    expect(readCredential('ec2', undefined, source, { AWS_ACCESS_KEY_ID: 'from-env' })).toBe('from-env');
  });

  it('names both the setting and the variable when neither is there', () => {
    const error = (() => {
      try {
        readCredential('ec2', undefined, source, {});
      } catch (caught) {
        return caught;
      }
    })();
    expect(MissingCredentialsError.isInstance(error) && error).toMatchObject({ option: 'accessKeyId', environmentVariable: 'AWS_ACCESS_KEY_ID' });
    expect((error as Error).message).toBe('ec2: missing credential: set the `accessKeyId` setting or the AWS_ACCESS_KEY_ID environment variable');
  });

  it('rejects blank values', () => {
    expect(() => validateCredentialOption('secretAccessKey', '  ')).toThrow(ValidationError);
    expect(() => validateCredentialOption('secretAccessKey', undefined)).not.toThrow();
    expect(() => readCredential('ec2', undefined, source, { AWS_ACCESS_KEY_ID: ' ' })).toThrow(/AWS_ACCESS_KEY_ID: is set but blank/);
  });
});

describe('once', () => {
  it('computes once on success and again after a failure', () => {
    let calls = 0;
    const flaky = once(() => {
      calls++;
      if (calls === 1) throw new Error('first fails');
      return calls;
    });
    expect(flaky).toThrow('first fails');
    expect(flaky()).toBe(2);
    expect(flaky()).toBe(2);
  });
});

describe('parseEndpoint', () => {
  it('accepts http(s) URLs and drops trailing slashes', () => {
    expect(parseEndpoint('https://example.com/v2.0/')).toBe('https://example.com/v2.0');
    expect(parseEndpoint('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['not a url', /not an absolute URL/],
    ['ftp://example.com', /http or https/],
    ['https://user:pw@example.com', /credentials/],
    ['https://example.com/?a=1', /query/],
  ])('rejects %s', (value, message) => {
    expect(() => parseEndpoint(value, 'authUrl')).toThrow(message);
    expect(() => parseEndpoint(value, 'authUrl')).toThrow(/^authUrl: /);
  });
});
