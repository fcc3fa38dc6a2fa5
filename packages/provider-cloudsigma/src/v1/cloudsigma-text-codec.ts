import { MalformedResponseError, ValidationError } from '@multicloud/core';

/** One object of CloudSigma API 1.0's text format: its `key value` pairs in order, duplicates kept. */
export type CloudSigmaTextEntries = readonly (readonly [key: string, value: string])[];

/** Where a text body came from, for the `MalformedResponseError` a bad one raises. */
export interface CloudSigmaTextSource {
  /** Provider id on the error; default `cloudsigma`. */
  readonly provider?: string | undefined;
  /** HTTP status of the response, when there is one. */
  readonly status?: number | undefined;
}

/** Line breaks the format knows: CRLF, LF and a lone CR. */
const LINE_BREAK = /\r\n|\n|\r/;
/** A key is one run of characters without whitespace (`name`, `ide:0:0:read:bytes`, `encryption.cipher`). */
const KEY = /^[^\s]+$/;

/**
 * Parses CloudSigma API 1.0's plain-text body into objects, keeping every pair in order (the `resources/ip/list`
 * answer repeats one key per line). Each non-blank line is `key value`: the key runs up to the first space and the
 * value is everything after that one space, kept exactly (spaces included); a line with only a key has an empty
 * value. Lines of only whitespace separate objects; leading, trailing and repeated separators are ignored. CRLF
 * and CR line breaks are read like LF, and a leading byte-order mark is dropped. The format has no escapes: a
 * `\n` in a value is the two characters backslash and `n`.
 *
 * @throws MalformedResponseError when the body is not a string or a line starts with whitespace (no key)
 */
export function parseCloudSigmaEntries(text: string, source: CloudSigmaTextSource = {}): CloudSigmaTextEntries[] {
  const fail = (reason: string) =>
    new MalformedResponseError({ provider: source.provider ?? 'cloudsigma', status: source.status, body: typeof text === 'string' ? text : String(text), reason });
  if (typeof text !== 'string') throw fail(`expected a text body, got ${text === null ? 'null' : typeof text}`);
  const objects: (readonly [string, string])[][] = [];
  let current: (readonly [string, string])[] | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(LINE_BREAK);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const space = line.indexOf(' ');
    const key = space === -1 ? line : line.slice(0, space);
    if (!KEY.test(key)) throw fail(`line ${index + 1} has no key (it starts with whitespace or holds a control character)`);
    if (!current) objects.push((current = []));
    current.push([key, space === -1 ? '' : line.slice(space + 1)]);
  }
  return objects;
}

/**
 * Parses CloudSigma API 1.0's plain-text body (`key value` lines, a blank line between objects) into one record
 * per object. See {@link parseCloudSigmaEntries} for the line rules; use that function for answers that repeat a
 * key within one object.
 *
 * @throws MalformedResponseError for a line without a key, or a key repeated within one object
 * @example
 * ```ts
 * parseCloudSigmaText('name web 1\ncpu 2000\n\nname db\ncpu 1000\n');
 * // → [{ name: 'web 1', cpu: '2000' }, { name: 'db', cpu: '1000' }]
 * ```
 */
export function parseCloudSigmaText(text: string, source: CloudSigmaTextSource = {}): Record<string, string>[] {
  return parseCloudSigmaEntries(text, source).map((entries, index) => {
    const record: Record<string, string> = {};
    for (const [key, value] of entries) {
      if (Object.hasOwn(record, key)) {
        throw new MalformedResponseError({
          provider: source.provider ?? 'cloudsigma', status: source.status, body: text, reason: `object ${index + 1} repeats the key "${key}"`,
        });
      }
      // defineProperty, not assignment: a key named `__proto__` stays an ordinary key instead of a prototype.
      Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return record;
  });
}

/**
 * Formats objects as CloudSigma API 1.0's plain-text body: one `key value` line per pair (a bare `key` for an empty
 * value), a blank line between objects, LF line breaks and a final LF. `parseCloudSigmaText` reads the result back
 * to the same objects.
 *
 * @throws ValidationError for an empty object, a key that is empty or holds whitespace, a value that is not a string
 * or holds a line break (the format cannot carry one)
 * @example
 * ```ts
 * formatCloudSigmaText([{ name: 'web 1', 'ide:0:0': 'f0202f1c-0b4f-4cfc-8ae3-e30951d09ef0', boot: 'ide:0:0' }]);
 * // → 'name web 1\nide:0:0 f0202f1c-0b4f-4cfc-8ae3-e30951d09ef0\nboot ide:0:0\n'
 * ```
 */
export function formatCloudSigmaText(objects: readonly Readonly<Record<string, string>>[]): string {
  if (!Array.isArray(objects)) throw new ValidationError('objects', 'must be an array of objects');
  const blocks = objects.map((object, index) => {
    const where = `objects[${index}]`;
    if (typeof object !== 'object' || object === null) throw new ValidationError(where, 'must be an object');
    const pairs = Object.entries(object);
    if (pairs.length === 0) throw new ValidationError(where, 'must have at least one key (an empty object cannot be written)');
    return pairs.map(([key, value]) => {
      if (!KEY.test(key)) throw new ValidationError(`${where}.${JSON.stringify(key)}`, 'keys must be non-empty and hold no whitespace');
      if (typeof value !== 'string') throw new ValidationError(`${where}.${key}`, `must be a string, got ${typeof value}`);
      if (/[\r\n]/.test(value)) throw new ValidationError(`${where}.${key}`, 'must not contain a line break');
      return value === '' ? key : `${key} ${value}`;
    }).join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}
