import { MalformedResponseError, ValidationError } from '@multicloud/core';
import { formatCloudSigmaText, parseCloudSigmaEntries, parseCloudSigmaText } from '@multicloud/provider-cloudsigma';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The CloudSigma API 1.0 text codec (`key value` lines, blank lines between objects): formatting then parsing gives
 * the objects back exactly; random text never crashes it (only `MalformedResponseError`); keys like `__proto__`
 * stay ordinary keys.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20_260_104);
const RUNS = Number(process.env['FC_RUNS'] ?? 500);

afterEach(() => {
  expect(Object.keys(Object.prototype)).toEqual([]);
});

/** A key: one run of non-whitespace (any Unicode), weighted towards CloudSigma's and JavaScript's special ones. */
const textKey = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).filter((key) => /^\S+$/.test(key)),
  fc.constantFrom('name', 'ide:0:0', 'ide:0:0:read:bytes', 'vnc:password', 'encryption.cipher', '__proto__', 'constructor', 'prototype', 'toString'),
);
/** A value: anything without a line break — inner, leading and trailing spaces, tabs, Unicode, `\n` as two characters. */
const textValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }).filter((value) => !/[\r\n]/.test(value)),
  fc.constantFrom('', ' ', '  two  spaces  ', 'a\\nb', '\t', 'web 1', 'ünïcödé ✓'),
);
const record = fc.dictionary(textKey, textValue, { minKeys: 1, maxKeys: 6 }).map((entries) => {
  // Build with defineProperty so a `__proto__` key is an ordinary own key, as the parser makes it.
  const object: Record<string, string> = {};
  for (const [name, value] of Object.entries(entries)) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  return object;
});

describe('CloudSigma 1.0 text codec', () => {
  it('parse(format(objects)) gives the objects back exactly, keys in order', () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 5 }), (objects) => {
      const text = formatCloudSigmaText(objects);
      const parsed = parseCloudSigmaText(text);
      expect(parsed).toHaveLength(objects.length);
      parsed.forEach((object, index) => {
        expect(Object.entries(object)).toEqual(Object.entries(objects[index] ?? {}));
        expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      });
    }), { seed: SEED, numRuns: RUNS });
  });

  it('keeps repeated keys and their order in the entries form', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.tuple(textKey, textValue), { minLength: 1, maxLength: 6 }), { maxLength: 4 }), (objects) => {
      const text = objects.map((pairs) => pairs.map(([name, value]) => (value === '' ? name : `${name} ${value}`)).join('\n')).join('\n\n');
      expect(parseCloudSigmaEntries(text)).toEqual(objects);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('reads CRLF and CR line breaks like LF, and ignores a byte-order mark', () => {
    fc.assert(fc.property(fc.array(record, { minLength: 1, maxLength: 3 }), fc.constantFrom('\r\n', '\r'), (objects, lineBreak) => {
      const text = `\ufeff${formatCloudSigmaText(objects).replace(/\n/g, lineBreak)}`;
      expect(parseCloudSigmaText(text).map((object) => Object.entries(object))).toEqual(objects.map((object) => Object.entries(object)));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('formatting refuses what the format cannot carry with ValidationError, never writes it', () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }), (object) => {
      try {
        const text = formatCloudSigmaText([object]);
        expect(parseCloudSigmaText(text)).toEqual([object]);
      } catch (error) {
        expect(ValidationError.isInstance(error)).toBe(true);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('on any text: objects or MalformedResponseError, never another error', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('key value', '\n', '\r\n', ' ', '\t', '__proto__ x', 'key', '\ufeff', 'a b'), { maxLength: 12 }).map((parts) => parts.join(''))), (text) => {
      try {
        for (const object of parseCloudSigmaText(text)) expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        parseCloudSigmaEntries(text);
      } catch (error) {
        expect(MalformedResponseError.isInstance(error)).toBe(true);
      }
    }), { seed: SEED, numRuns: RUNS });
  });
});
