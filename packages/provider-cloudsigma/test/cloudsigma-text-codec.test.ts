import { readdirSync, readFileSync } from 'node:fs';
import { MalformedResponseError, ValidationError } from '@multicloud/core';
import { libcloudFixtures } from '@multicloud/fixture-server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCloudSigmaText, parseCloudSigmaEntries, parseCloudSigmaText } from '../src/index.js';

const folder = libcloudFixtures('compute/fixtures/cloudsigma');
const fixture = (file: string) => readFileSync(`${folder}${file}`, 'utf8');

describe('parseCloudSigmaText', () => {
  it('reads key/value lines, objects split by blank lines, values with spaces kept whole', () => {
    expect(parseCloudSigmaText('name web server 1\ncpu 2000\n\nname db\nmem 1024\n')).toEqual([
      { name: 'web server 1', cpu: '2000' },
      { name: 'db', mem: '1024' },
    ]);
  });

  it('keeps keys with colons and dots, and values exactly after the first space', () => {
    expect(parseCloudSigmaText('ide:0:0:read:bytes 165395968\nencryption.cipher aes-xts-plain\ndesc  two leading, trailing  \n')).toEqual([
      { 'ide:0:0:read:bytes': '165395968', 'encryption.cipher': 'aes-xts-plain', desc: ' two leading, trailing  ' },
    ]);
  });

  it('reads a bare key, or a key and one space, as an empty value', () => {
    expect(parseCloudSigmaText('vnc:password\nname \nboot ide:0:0')).toEqual([{ 'vnc:password': '', name: '', boot: 'ide:0:0' }]);
  });

  it('reads CRLF and CR line breaks like LF, and ignores a byte-order mark', () => {
    const expected = [{ name: 'a b', cpu: '1' }, { name: 'c' }];
    expect(parseCloudSigmaText('\uFEFFname a b\r\ncpu 1\r\n\r\nname c\r\n')).toEqual(expected);
    expect(parseCloudSigmaText('name a b\rcpu 1\r\rname c')).toEqual(expected);
  });

  it('ignores leading, trailing and repeated blank (or whitespace-only) lines', () => {
    expect(parseCloudSigmaText('\n\n  \nname a\n\n\n\t\nname b\n\n\n')).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(parseCloudSigmaText('')).toEqual([]);
    expect(parseCloudSigmaText(' \n\r\n')).toEqual([]);
  });

  it('keeps unicode and backslash sequences as they are (the format has no escapes)', () => {
    expect(parseCloudSigmaText('name Zürich ☁ 東京\nnotes line one\\nline two C:\\Program Files\n')).toEqual([
      { name: 'Zürich ☁ 東京', notes: 'line one\\nline two C:\\Program Files' },
    ]);
  });

  it('keeps a key named __proto__ as an ordinary key', () => {
    const [object] = parseCloudSigmaText('__proto__ polluted\nname x\n');
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.keys(object!)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a line that starts with a space', 'name a\n value without key\n'],
    ['a line that starts with a tab', '\tkey value'],
    ['a key holding a tab', 'key\tvalue\n'],
    ['a key repeated in one object', 'name a\nname b\n'],
  ])('rejects %s with MalformedResponseError', (_, text) => {
    expect(() => parseCloudSigmaText(text, { status: 200 })).toThrow(MalformedResponseError);
    try {
      parseCloudSigmaText(text, { status: 200 });
    } catch (error) {
      expect(error).toMatchObject({ provider: 'cloudsigma', status: 200 });
    }
  });

  it.each([undefined, null, 42, {}, ['name a']])('rejects a non-string body (%j) with MalformedResponseError, never TypeError', (value) => {
    expect(() => parseCloudSigmaText(value as unknown as string)).toThrow(MalformedResponseError);
    expect(() => parseCloudSigmaEntries(value as unknown as string)).toThrow(MalformedResponseError);
  });

  it('keeps repeated keys in parseCloudSigmaEntries (the static IP list)', () => {
    expect(parseCloudSigmaEntries(fixture('resources_ip_list.txt'))).toEqual([[['ip', '1.2.3.4'], ['ip', '1.2.3.5'], ['ip', '1.2.3.6']]]);
  });
});

describe('formatCloudSigmaText', () => {
  it('writes key value lines, bare keys for empty values, a blank line between objects, and a final LF', () => {
    expect(formatCloudSigmaText([{ name: 'web 1', 'ide:0:0': 'f0202f1c', 'vnc:password': '' }, { name: 'db' }])).toBe(
      'name web 1\nide:0:0 f0202f1c\nvnc:password\n\nname db\n',
    );
    expect(formatCloudSigmaText([])).toBe('');
  });

  it.each([
    ['an empty object', [{}], 'objects[0]'],
    ['an empty key', [{ '': 'x' }], 'objects[0].""'],
    ['a key with a space', [{ 'a b': 'x' }], 'objects[0]."a b"'],
    ['a value with LF', [{ a: 'x\ny' }], 'objects[0].a'],
    ['a value with CR', [{ a: 'x\ry' }], 'objects[0].a'],
    ['a value that is not a string', [{ a: 5 }], 'objects[0].a'],
  ])('rejects %s with ValidationError naming it', (_, objects, argument) => {
    expect(() => formatCloudSigmaText(objects as never)).toThrow(ValidationError);
    try {
      formatCloudSigmaText(objects as never);
    } catch (error) {
      expect((error as ValidationError).argument).toBe(argument);
    }
  });
});

describe('round trips', () => {
  const cases: [string, Record<string, string>[]][] = [
    ['values with spaces', [{ name: 'SQL Server Standard 2008 R2 - 64bit English pub clone', use: 'dbserver,general' }]],
    ['empty values', [{ a: '', b: 'x', c: '' }]],
    ['whitespace-only and padded values', [{ a: ' ', b: '  x  ', c: '\t' }]],
    ['unicode', [{ name: 'Zürich ☁ 東京 🚀', 'clé:ü': 'valeur' }]],
    ['keys with colons and dots', [{ 'ide:0:0': 'uuid', 'ide:0:0:media': 'disk', 'nic:0:block': 'tcp/22 tcp/23', 'encryption.cipher': 'aes' }]],
    ['several objects', [{ ip: '1.2.3.4' }, { ip: '1.2.3.5', netmask: '255.255.255.0' }, { x: '' }]],
  ];
  it.each(cases)('parse(format(x)) is x for %s', (_, objects) => {
    expect(parseCloudSigmaText(formatCloudSigmaText(objects))).toEqual(objects);
  });

  it('reads CRLF input with trailing blank lines back to what format writes', () => {
    const text = 'name a b\r\nempty\r\n\r\nname c\r\n\r\n\r\n';
    expect(formatCloudSigmaText(parseCloudSigmaText(text))).toBe('name a b\nempty\n\nname c\n');
  });

  it.each(readdirSync(folder).filter((file) => file.endsWith('.txt') && file !== 'resources_ip_list.txt'))(
    'round-trips Libcloud fixture %s',
    (file) => {
      const parsed = parseCloudSigmaText(fixture(file));
      expect(parsed.length).toBeGreaterThan(0);
      expect(parseCloudSigmaText(formatCloudSigmaText(parsed))).toEqual(parsed);
      expect(formatCloudSigmaText(parsed)).toBe(`${fixture(file).replace(/\n+$/, '')}\n`);
    },
  );

  it('holds for any objects the format can carry (property)', () => {
    const key = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((text) => /^[^\s]+$/.test(text));
    const value = fc.string({ maxLength: 40, unit: 'grapheme' }).filter((text) => !/[\r\n]/.test(text));
    const object = fc.dictionary(key, value, { minKeys: 1, maxKeys: 8 });
    fc.assert(fc.property(fc.array(object, { maxLength: 5 }), (objects) => {
      expect(parseCloudSigmaText(formatCloudSigmaText(objects))).toEqual(objects);
    }));
  });

  it('never throws anything but MalformedResponseError on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      try {
        parseCloudSigmaText(text);
      } catch (error) {
        expect(MalformedResponseError.isInstance(error)).toBe(true);
      }
    }));
  });
});
