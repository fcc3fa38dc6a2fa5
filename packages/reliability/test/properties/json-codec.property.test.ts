import { MalformedResponseError, REDACTED, parseJson, redactBody } from '@multicloud/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `parseJson` (the reader of every JSON answer) and `redactBody` (what a logger sees of a JSON body) on random
 * input: no crash but `MalformedResponseError`, no prototype pollution from `__proto__` keys, an exact round trip
 * otherwise, and no secret-named field's value left in a redacted body.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20_260_103);
const RUNS = Number(process.env['FC_RUNS'] ?? 500);

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

/** JSON values whose object keys include the dangerous ones. */
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'polluted'));
const { value: hostile } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((number) => JSON.parse(JSON.stringify(number)) as number), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((pairs) => `{${pairs.map(([name, inner]) => `${JSON.stringify(name)}:${JSON.stringify(inner)}`).join(',')}}`).map((text) => JSON.parse(text) as unknown)),
}));

/** What parseJson should return: the value with every `__proto__` key removed. */
function withoutProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProtoKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => name !== '__proto__').map(([name, inner]) => [name, withoutProtoKeys(inner)]));
}

/** Every object in a value has the plain prototype (nothing replaced it). */
function plainPrototypes(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(plainPrototypes);
  if (typeof value !== 'object' || value === null) return true;
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(plainPrototypes);
}

describe('parseJson', () => {
  it('on any text: a value or MalformedResponseError, never another error', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1)))), (text) => {
      try {
        parseJson(text, { provider: 'fuzz' });
      } catch (error) {
        expect(MalformedResponseError.isInstance(error)).toBe(true);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('round-trips any JSON value, dropping only `__proto__` keys, and never touches a prototype', () => {
    fc.assert(fc.property(hostile, (value) => {
      const parsed = parseJson(JSON.stringify(value), { provider: 'fuzz' });
      expect(parsed).toEqual(withoutProtoKeys(value));
      expect(plainPrototypes(parsed)).toBe(true);
      // What drivers do with a parsed body: spread and merge it. Still nothing reaches Object.prototype.
      Object.assign({}, parsed);
      ({ ...(parsed as object) });
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('redactBody', () => {
  const secretKey = fc.constantFrom('password', 'adminPass', 'api_key', 'apiKey', 'secret', 'token', 'private_key', 'credential', 'vnc_password');
  const secret = fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,24}$/).map((text) => `S3CR3T-${text}`);

  it('never leaves the value of a secret-named field, at any depth, and stays valid JSON', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 3 }), fc.array(fc.constantFrom('a', 'b', 'list'), { maxLength: 3 }), secretKey, secret, (json, path, name, value) => {
      const document = JSON.parse(json) as unknown;
      let container: Record<string, unknown> = {};
      const root = container;
      for (const step of path) container = (container[step] = {}) as Record<string, unknown>;
      container[name] = value;
      root['other'] = document;
      const redacted = redactBody(JSON.stringify(root));
      expect(redacted).not.toContain(value);
      expect(() => JSON.parse(redacted) as unknown).not.toThrow();
      expect(redacted).toContain(REDACTED);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('on any text: returns a string, never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(typeof redactBody(text)).toBe('string');
    }), { seed: SEED, numRuns: RUNS });
  });
});
