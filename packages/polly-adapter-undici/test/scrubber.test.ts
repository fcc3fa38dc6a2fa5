import { describe, expect, it } from 'vitest';
import { createMatchRequestsBy, createScrubber, defaultScrubber, normaliseBodyForMatching, REDACTED, type HarEntry } from '../src/index.js';

describe('the scrubber', () => {
  it('redacts secret keys in JSON at any depth, by key pattern and by JSON path', () => {
    const body = JSON.stringify({
      auth: { identity: { methods: ['password'], password: { user: { name: 'u', password: 'p@ss' } }, token: { id: 'tid-123456' } } },
      applicationCredential: { id: 'kept', secret: 's3cret' },
      SecretAccessKey: 'AWSSECRET',
    });
    expect(JSON.parse(defaultScrubber.body(body))).toEqual({
      auth: { identity: { methods: ['password'], password: { user: { name: 'u', password: REDACTED } }, token: { id: REDACTED } } },
      applicationCredential: { id: 'kept', secret: REDACTED },
      SecretAccessKey: REDACTED,
    });
  });

  it('redacts server passwords and generated private keys that providers send under their own names', () => {
    expect(JSON.parse(defaultScrubber.body(JSON.stringify({ server: { name: 'web', adminPass: 'root-pw-1' }, vnc_password: 'vnc-pw-2' })))).toEqual({
      server: { name: 'web', adminPass: REDACTED }, vnc_password: REDACTED,
    });
    expect(defaultScrubber.body('<CreateKeyPairResponse><keyName>k</keyName><keyMaterial>-----BEGIN RSA PRIVATE KEY-----x</keyMaterial></CreateKeyPairResponse>'))
      .toBe(`<CreateKeyPairResponse><keyName>k</keyName><keyMaterial>${REDACTED}</keyMaterial></CreateKeyPairResponse>`);
  });

  it('redacts XML elements (AWS STS credentials) and form fields, leaving other text alone', () => {
    const xml = '<Credentials><AccessKeyId>ASIAKEEP</AccessKeyId><SecretAccessKey>wJal/rXU</SecretAccessKey><SessionToken>FwoG</SessionToken></Credentials>';
    expect(defaultScrubber.body(xml)).toBe(
      `<Credentials><AccessKeyId>ASIAKEEP</AccessKeyId><SecretAccessKey>${REDACTED}</SecretAccessKey><SessionToken>${REDACTED}</SessionToken></Credentials>`,
    );
    expect(defaultScrubber.body('grant_type=password&username=u&password=p%40ss&client_secret=cs')).toBe(
      `grant_type=password&username=u&password=${REDACTED}&client_secret=${REDACTED}`,
    );
    expect(defaultScrubber.body('just some text with password in it')).toBe('just some text with password in it');
  });

  it('redacts secret lines of key/value text bodies (CloudSigma API 1.0 `vnc:password`), values with spaces too', () => {
    expect(defaultScrubber.body('name web\nvnc:password vnc pass 1\nmem 1024\n')).toBe(`name web\nvnc:password ${REDACTED}\nmem 1024\n`);
    expect(defaultScrubber.body('server 1\npassword\nnic:0:model virtio')).toBe('server 1\npassword\nnic:0:model virtio');
  });

  it('redacts secret query values and URL passwords byte for byte elsewhere', () => {
    expect(defaultScrubber.url('https://user:pw@h.example/a%2Fb?Signature=x%2By&Expires=1&sig=abc#frag')).toBe(
      `https://user:${REDACTED}@h.example/a%2Fb?Signature=${REDACTED}&Expires=1&sig=${REDACTED}#frag`,
    );
  });

  it('extends with provider names without losing the defaults', () => {
    const scrubber = createScrubber({ headers: ['X-Vendor-Key'] }).extend({ jsonPaths: ['result.*.key'], bodyKeys: ['pin'] });
    expect(scrubber.isSecretHeader('x-vendor-key')).toBe(true);
    expect(scrubber.isSecretHeader('Authorization')).toBe(true);
    expect(JSON.parse(scrubber.body('{"result":[{"key":"k1"},{"key":"k2"}],"pin":1234,"key":"kept"}'))).toEqual({
      result: [{ key: REDACTED }, { key: REDACTED }],
      pin: REDACTED,
      key: 'kept',
    });
  });

  it('sweeps a secret learned in one entry from later entries, and fixes Content-Length', () => {
    const known = new Set<string>();
    const entry = (responseText: string, headers: Array<{ name: string; value: string }> = []): HarEntry => ({
      request: { url: 'https://h/x', headers, queryString: [] },
      response: { headers: [{ name: 'content-length', value: String(responseText.length) }], content: { text: responseText } },
    });
    const first = entry('{"access":{"token":{"id":"tok-abcdef-123"}}}');
    defaultScrubber.entry(first, known);
    const second = entry('echo: tok-abcdef-123', [{ name: 'X-Trace', value: 'tok-abcdef-123' }]);
    defaultScrubber.entry(second, known);
    expect(JSON.stringify([first, second])).not.toContain('tok-abcdef-123');
    expect(first.response.headers[0]?.value).toBe(String(first.response.content.text?.length));
  });

  it('does not sweep a secret whose value reads like a secret name (it would rename keys)', () => {
    const known = new Set<string>();
    const entry = (text: string): HarEntry => ({ request: { url: 'https://h/x', headers: [], queryString: [] }, response: { headers: [], content: { text } } });
    const first = entry('{"vnc_password":"vnc_password"}');
    defaultScrubber.entry(first, known);
    const second = entry('{"name":"web","vnc_password":"real-vnc-secret"}');
    defaultScrubber.entry(second, known);
    expect(JSON.parse(first.response.content.text ?? '')).toEqual({ vnc_password: REDACTED });
    expect(JSON.parse(second.response.content.text ?? '')).toEqual({ name: 'web', vnc_password: REDACTED });
  });
});

describe('the recommended matching', () => {
  const { headers, body, url } = createMatchRequestsBy() as { headers: (h: object) => object; body: (b: unknown) => unknown; url: { query: (q: object) => object } };

  it('ignores volatile and secret headers and query parameters', () => {
    expect(headers({ Authorization: 'x', 'X-Amz-Date': '1', 'User-Agent': 'u', 'Content-Type': 'a/b', Range: 'bytes=0-1' })).toEqual({
      'content-type': 'a/b',
      range: 'bytes=0-1',
    });
    expect(url.query({ 'X-Amz-Signature': 's', 'X-Amz-Date': 'd', prefix: 'p', Timestamp: 't' })).toEqual({ prefix: 'p' });
  });

  it('matches bodies without their secrets and regardless of JSON key order', () => {
    expect(body('{"b":1,"a":{"password":"one"}}')).toBe(body('{"a":{"password":"two"},"b":1}'));
    expect(body('{"b":1}')).not.toBe(body('{"b":2}'));
    expect(normaliseBodyForMatching('not json')).toBe('not json');
  });
});
