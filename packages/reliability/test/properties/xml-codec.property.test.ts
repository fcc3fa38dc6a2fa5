import { MALFORMED_BODY_EXCERPT_LENGTH, MalformedResponseError, parseXml } from '@multicloud/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * `parseXml` (the reader of every EC2, ELB and S3 answer) on random input: it returns or throws
 * `MalformedResponseError`, nothing else; no document, whatever its element or attribute names, touches
 * `Object.prototype`; and a well-formed document reads back to exactly the text it carries.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20_260_102);
const RUNS = Number(process.env['FC_RUNS'] ?? 500);
const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

afterEach(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.keys(Object.prototype)).toEqual([]);
});

/** Characters XML 1.0 allows (no C0 controls but tab and line feed; no lone surrogates; no U+FFFE/U+FFFF). */
const xmlChar = fc.string({ unit: 'binary', maxLength: 1 }).filter((text) => text.length > 0 && !/[\u0000-\u0008\u000b-\u001f\ufffe\uffff\r]/.test(text));
const xmlText = fc.array(fc.oneof(xmlChar, fc.constantFrom('&', '<', '>', '"', "'", ' ', 'é', '😀', '\t', '\n')), { minLength: 1, maxLength: 12 })
  .map((pieces) => pieces.join('').trim())
  .filter((text) => text.length > 0);
const safeName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/).filter((name) => !DANGEROUS.includes(name) && !name.toLowerCase().startsWith('xml'));
const escapeNamed = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** How many XML writers (lxml, .NET, AWS) escape: numeric character references, for some or all characters. */
const escapeNumeric = (text: string) => [...text].map((char) => (/[A-Za-z0-9 ]/.test(char) ? char : `&#x${(char.codePointAt(0) ?? 0).toString(16)};`)).join('');

describe('parseXml', () => {
  it('on any text: a result or MalformedResponseError, never another error', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('<', '>', '/', '<a>', '</a>', '<!DOCTYPE a [<!ENTITY e "x">]>', '&e;', '&#0;', '&#xD800;', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<__proto__>', ' a="1"', 'text')).map((parts) => parts.join(''))), (text) => {
      try {
        parseXml(text, { provider: 'fuzz', root: 'a' });
      } catch (error) {
        expect(MalformedResponseError.isInstance(error)).toBe(true);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('with dangerous element and attribute names: refused or kept as plain data, never on a prototype', () => {
    fc.assert(fc.property(fc.constantFrom(...DANGEROUS), fc.constantFrom(...DANGEROUS), xmlText, (element, attribute, text) => {
      const body = `<Root><${element} ${attribute}="1"><polluted>${escapeNamed(text)}</polluted></${element}></Root>`;
      try {
        const document = parseXml(body, { provider: 'fuzz', root: 'Root' });
        const root = document['Root'] as Record<string, unknown>;
        expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
      } catch (error) {
        expect(MalformedResponseError.isInstance(error)).toBe(true);
      }
    }), { seed: SEED, numRuns: RUNS });
  });

  it('reads back exactly the text of every element (named-entity escaping)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(safeName, xmlText), { selector: ([name]) => name, minLength: 1, maxLength: 6 }), (fields) => {
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Root>${fields.map(([name, text]) => `<${name}>${escapeNamed(text)}</${name}>`).join('')}</Root>`;
      const root = parseXml(body, { provider: 'fuzz', root: 'Root' })['Root'] as Record<string, unknown>;
      expect(root).toEqual(Object.fromEntries(fields));
    }), { seed: SEED, numRuns: RUNS });
  });

  // parseXml decodes numeric character references too (`&#xe9;`, S3's `&#13;` for a CR in a key); it used to leave
  // them as literal text (`htmlEntities: false` turned them off; fixed).
  it('reads back exactly the text of every element (numeric character references)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.tuple(safeName, xmlText), { selector: ([name]) => name, minLength: 1, maxLength: 6 }), (fields) => {
      const body = `<Root>${fields.map(([name, text]) => `<${name}>${escapeNumeric(text)}</${name}>`).join('')}</Root>`;
      const root = parseXml(body, { provider: 'fuzz', root: 'Root' })['Root'] as Record<string, unknown>;
      expect(root).toEqual(Object.fromEntries(fields));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('keeps a huge malformed body out of the error: at most the excerpt length', () => {
    fc.assert(fc.property(fc.string({ minLength: 600, maxLength: 5_000 }), (junk) => {
      try {
        parseXml(`<a>${junk}`, { provider: 'fuzz', root: 'a' });
      } catch (error) {
        expect((error as MalformedResponseError).body.length).toBeLessThanOrEqual(MALFORMED_BODY_EXCERPT_LENGTH + 1);
      }
    }), { seed: SEED, numRuns: 100 });
  });
});
