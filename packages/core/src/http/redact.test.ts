import { describe, expect, it } from 'vitest';
import { collectRequestSecrets, createSecretScrubber, redactBody, redactHeaders, redactUrl } from './redact.js';

describe('redaction', () => {
  it('hides secret headers whatever their case', () => {
    expect(redactHeaders({ Authorization: 'AWS4-HMAC-SHA256 x', 'x-AUTH-token': 't', Accept: 'a' })).toEqual({
      Authorization: '[REDACTED]', 'x-AUTH-token': '[REDACTED]', Accept: 'a',
    });
  });

  it('hides signature and token query parameters, keeping the rest byte for byte', () => {
    expect(redactUrl('https://h/p%20q?X-Amz-Signature=abc&prefix=a%2Fb&sig=1&temp_url_sig=2#frag')).toBe(
      'https://h/p%20q?X-Amz-Signature=[REDACTED]&prefix=a%2Fb&sig=[REDACTED]&temp_url_sig=[REDACTED]#frag',
    );
    expect(redactUrl('https://h/no-query')).toBe('https://h/no-query');
  });

  it('hides passwords and keys in JSON and form bodies', () => {
    expect(redactBody('{"auth":{"RAX-KSKEY:apiKeyCredentials":{"username":"u","apiKey":"k"}}}')).toBe(
      '{"auth":{"RAX-KSKEY:apiKeyCredentials":{"username":"u","apiKey":"[REDACTED]"}}}',
    );
    expect(redactBody('hostname=web&password=hunter2&ssh_public_key=ssh-rsa')).toBe('hostname=web&password=[REDACTED]&ssh_public_key=ssh-rsa');
    expect(redactBody('<xml>plain</xml>')).toBe('<xml>plain</xml>');
  });

  it('hides secret lines of key/value text bodies (CloudSigma API 1.0), whatever the value holds', () => {
    expect(redactBody('name web\nvnc:password vnc pass 1\r\nmem 1024\n')).toBe('name web\nvnc:password [REDACTED]\r\nmem 1024\n');
    expect(redactBody('<p>token expired</p>\nplain words here')).toBe('<p>token expired</p>\nplain words here');
    expect(collectRequestSecrets({ url: 'https://h/', headers: {}, body: 'name web\nvnc:password vnc pass 1\n' })).toEqual(['vnc pass 1']);
  });

  it('collects the secret values a request carries', () => {
    const secrets = collectRequestSecrets({
      url: 'https://h/?sig=abcd1234&x=1',
      headers: { Authorization: 'Basic dXNlcjpwYXNz', 'X-Auth-Token': 'tok-123' },
      body: '{"password":"hunter22","name":"web"}',
    });
    expect(secrets).toEqual(expect.arrayContaining(['Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz', 'tok-123', 'abcd1234', 'hunter22']));
    expect(secrets).not.toContain('web');
  });

  it('scrubs known values and their URL-encoded forms, ignoring very short ones', () => {
    const scrub = createSecretScrubber(() => ['s3cr/et+key', 'ab']);
    expect(scrub('x s3cr/et+key y s3cr%2Fet%2Bkey z ab')).toBe('x [REDACTED] y [REDACTED] z ab');
  });
});
