import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import type { AuthContext } from './auth-strategy.js';
import { goGridAuth, goGridSignature } from './gogrid-signature.js';

// 2023-11-14T22:13:20.999Z: the milliseconds must be dropped, not rounded.
const NOW = new Date(1_700_000_000_999);
const context: AuthContext = { now: () => NOW, provider: 'test', request: () => Promise.reject(new Error('not used')) };
const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

describe('goGridSignature', () => {
  it('is the MD5 of API key, shared secret and whole Unix seconds', () => {
    expect(goGridSignature('key', 'secret', NOW)).toBe(md5('keysecret1700000000'));
  });

  it('matches a value computed once by hand, so the formula cannot drift with the test', () => {
    // md5('keysecret1700000000'), computed once with `node -e` when this test was written.
    expect(goGridSignature('key', 'secret', NOW)).toBe('7aabd71b55c81890b0fbc6f1dc480ee8');
  });

  it('changes with each second and rejects an invalid date', () => {
    expect(goGridSignature('key', 'secret', new Date(1_700_000_001_000))).toBe(md5('keysecret1700000001'));
    expect(() => goGridSignature('key', 'secret', new Date(Number.NaN))).toThrow(ValidationError);
  });
});

describe('goGridAuth', () => {
  const auth = goGridAuth({ credentials: () => ({ apiKey: 'my key', sharedSecret: 'secret' }) });
  const signature = md5('my keysecret1700000000');

  it('appends api_key, v=1.8, format=json and sig to a URL without a query', async () => {
    const signed = await auth.authorize({ method: 'GET', url: 'https://api.gogrid.com/api/grid/server/list', headers: {} }, context);
    expect(signed.url).toBe(`https://api.gogrid.com/api/grid/server/list?api_key=my+key&v=1.8&format=json&sig=${signature}`);
    expect(auth.name).toBe('gogrid');
  });

  it('keeps the existing query as written, its v and format, and the fragment', async () => {
    const url = 'https://api.gogrid.com/api/grid/server/get?name=a%20b&v=1.5&format=xml#top';
    const signed = await auth.authorize({ method: 'GET', url, headers: { Accept: 'x' } }, context);
    expect(signed.url).toBe(`https://api.gogrid.com/api/grid/server/get?name=a%20b&v=1.5&format=xml&api_key=my+key&sig=${signature}#top`);
    expect(signed.headers).toEqual({ Accept: 'x' });
  });

  it('replaces an earlier api_key and sig instead of adding a second one', async () => {
    const url = 'https://api.gogrid.com/api/x?api_key=old&sig=old&id=1';
    const signed = await auth.authorize({ method: 'GET', url, headers: {} }, context);
    const parameters = new URL(signed.url).searchParams;
    expect(parameters.getAll('api_key')).toEqual(['my key']);
    expect(parameters.getAll('sig')).toEqual([signature]);
    expect(parameters.get('id')).toBe('1');
  });

  it('uses the configured API version', async () => {
    const versioned = goGridAuth({ credentials: () => ({ apiKey: 'k', sharedSecret: 's' }), apiVersion: '1.9' });
    const signed = await versioned.authorize({ method: 'GET', url: 'https://api.gogrid.com/api/x', headers: {} }, context);
    expect(new URL(signed.url).searchParams.get('v')).toBe('1.9');
  });

  it('reports the shared secret only once it has been used, and not the API key', async () => {
    let secret = 'first';
    const rotating = goGridAuth({ credentials: () => ({ apiKey: 'k', sharedSecret: secret }) });
    expect(rotating.secrets()).toEqual([]);
    await rotating.authorize({ method: 'GET', url: 'https://api.gogrid.com/api/x', headers: {} }, context);
    secret = 'second';
    await rotating.authorize({ method: 'GET', url: 'https://api.gogrid.com/api/x', headers: {} }, context);
    expect(rotating.secrets()).toEqual(['first', 'second']);
  });
});
