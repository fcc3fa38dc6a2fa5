import { REDACTED } from './secret-names.js';

/** What the text scrubbers need: which names are secret, and where to report the secret values they remove. */
export interface ScrubRules {
  readonly isSecretQueryParameter: (name: string) => boolean;
  readonly isSecretKey: (key: string) => boolean;
  readonly isSecretPath: (path: readonly string[]) => boolean;
  readonly found: (value: string) => void;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Redacts `name=value` pairs whose name is secret; returns `undefined` if nothing changed. */
function scrubPairs(text: string, isSecret: (name: string) => boolean, found: (value: string) => void): string | undefined {
  let changed = false;
  const pairs = text.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    if (equals < 0 || !isSecret(safeDecode(pair.slice(0, equals)))) return pair;
    const value = pair.slice(equals + 1);
    if (value === '' || value === REDACTED) return pair;
    found(safeDecode(value));
    found(value);
    changed = true;
    return `${pair.slice(0, equals)}=${REDACTED}`;
  });
  return changed ? pairs.join('&') : undefined;
}

/** Redacts secret query values and a password in the user info; the rest of the URL is kept byte for byte. */
export function scrubUrl(url: string, rules: ScrubRules): string {
  let result = url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*:)([^/?#@]+)@/i, (_match, prefix: string, password: string) => {
    rules.found(safeDecode(password));
    return `${prefix}${REDACTED}@`;
  });
  const queryStart = result.indexOf('?');
  if (queryStart < 0) return result;
  const fragmentStart = result.indexOf('#', queryStart);
  const end = fragmentStart < 0 ? result.length : fragmentStart;
  const query = scrubPairs(result.slice(queryStart + 1, end), rules.isSecretQueryParameter, rules.found);
  if (query !== undefined) result = `${result.slice(0, queryStart + 1)}${query}${result.slice(end)}`;
  return result;
}

function scrubJsonValue(value: unknown, path: string[], rules: ScrubRules, changed: { value: boolean }): unknown {
  if (Array.isArray(value)) return value.map((item, index) => scrubJsonValue(item, [...path, String(index)], rules, changed));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key];
    const primitive = typeof child === 'string' || typeof child === 'number';
    if (primitive && child !== REDACTED && (rules.isSecretKey(key) || rules.isSecretPath(childPath))) {
      rules.found(String(child));
      result[key] = REDACTED;
      changed.value = true;
    } else {
      result[key] = scrubJsonValue(child, childPath, rules, changed);
    }
  }
  return result;
}

const FORM_BODY = /^[^=&\s]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$/;
const XML_ELEMENT = /<((?:[\w.-]+:)?([\w.-]+))(\s[^>]*)?>([^<]+)<\/\1>/g;
/** A `key value` line of a plain-text body (CloudSigma API 1.0: `vnc:password some secret`); keys are word-like. */
const KEY_VALUE_LINE = /^([\w.-]+(?::[\w.-]+)*)([ \t]+)([^\r\n]*[^\s])/gm;

/**
 * Redacts secret fields of a JSON, form-encoded, XML or `key value` text body (by key, and by JSON path; a text key
 * like `vnc:password` is secret when its last `:` part is). Other text, and a body in which nothing is secret, is
 * returned unchanged (JSON is re-serialised compactly only when something changed).
 */
export function scrubBody(body: string, rules: ScrubRules): string {
  const trimmed = body.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const changed = { value: false };
      const scrubbed = scrubJsonValue(JSON.parse(body), [], rules, changed);
      return changed.value ? JSON.stringify(scrubbed) : body;
    } catch {
      return body;
    }
  }
  if (FORM_BODY.test(trimmed)) return scrubPairs(body, rules.isSecretKey, rules.found) ?? body;
  if (trimmed.startsWith('<')) {
    return body.replace(XML_ELEMENT, (element: string, tag: string, localName: string, attributes: string | undefined, text: string) => {
      if (!rules.isSecretKey(localName) || text.trim() === '' || text === REDACTED) return element;
      rules.found(text.trim());
      return `<${tag}${attributes ?? ''}>${REDACTED}</${tag}>`;
    });
  }
  return body.replace(KEY_VALUE_LINE, (line: string, key: string, space: string, value: string) => {
    if (value === REDACTED || !(rules.isSecretKey(key) || rules.isSecretKey(key.slice(key.lastIndexOf(':') + 1)))) return line;
    rules.found(value);
    return `${key}${space}${REDACTED}`;
  });
}
