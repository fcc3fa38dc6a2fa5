import { Buffer } from 'node:buffer';
import type { HarEntry, HarNameValue } from './har-types.js';
import { scrubBody, scrubUrl, type ScrubRules } from './scrub-text.js';
import { MIN_SWEPT_SECRET_LENGTH, REDACTED, secretParts } from './secret-names.js';

/** Header-level rules on top of the text rules. */
export interface EntryRules extends Omit<ScrubRules, 'found'> {
  readonly isSecretHeader: (name: string) => boolean;
}

function scrubPairs(pairs: HarNameValue[] | undefined, isSecret: (name: string) => boolean, found: (value: string) => void): void {
  for (const pair of pairs ?? []) {
    if (!isSecret(pair.name) || pair.value === REDACTED) continue;
    for (const part of secretParts(pair.name, pair.value)) found(part);
    pair.value = REDACTED;
  }
}

function redactCookies(cookies: HarNameValue[] | undefined, found: (value: string) => void): void {
  for (const cookie of cookies ?? []) {
    if (cookie.value && cookie.value !== REDACTED) found(cookie.value);
    cookie.value = REDACTED;
  }
}

/** Scrubs a text body; when it changed, corrects `Content-Length` so the replayed response stays consistent. */
function scrubText(text: string | undefined, headers: HarNameValue[], rules: ScrubRules): { text: string; size: number } | undefined {
  if (text === undefined) return undefined;
  const scrubbed = scrubBody(text, rules);
  if (scrubbed === text) return undefined;
  const size = Buffer.byteLength(scrubbed, 'utf8');
  for (const header of headers) if (header.name.toLowerCase() === 'content-length') header.value = String(size);
  return { text: scrubbed, size };
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** Replaces every remaining occurrence of a known secret (plain or URL-encoded) anywhere in the entry. */
function sweep(entry: HarEntry, secrets: ReadonlySet<string>): void {
  let text = JSON.stringify(entry);
  const before = text;
  const values = [...secrets].filter((value) => value.length >= MIN_SWEPT_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const value of values) {
    for (const form of new Set([value, encodeURIComponent(value)])) text = text.split(jsonEscaped(form)).join(REDACTED);
  }
  if (text !== before) Object.assign(entry, JSON.parse(text) as HarEntry);
}

/**
 * Removes secrets from one HAR entry in place: secret headers, query values, cookies, and secret fields of text
 * bodies (JSON, form, XML) in the request and the response; then sweeps every value it removed (plus the values
 * already in `known`, which it extends) from the whole entry. Base64 (binary) bodies are left as they are.
 */
export function scrubHarEntry(entry: HarEntry, rules: EntryRules, known: Set<string>): void {
  const found = (value: string): void => {
    // A "secret" that reads like a secret's name (`"vnc_password": "vnc_password"` in a test fixture) is still
    // redacted where it stands, but not swept: sweeping it would also rename every key of that name.
    const looksLikeAName = rules.isSecretKey(value) || rules.isSecretHeader(value) || rules.isSecretQueryParameter(value);
    if (value && value !== REDACTED && !looksLikeAName) known.add(value);
  };
  const textRules: ScrubRules = { ...rules, found };
  const { request, response } = entry;

  request.url = scrubUrl(request.url, textRules);
  scrubPairs(request.headers, rules.isSecretHeader, found);
  scrubPairs(request.queryString, rules.isSecretQueryParameter, found);
  redactCookies(request.cookies, found);
  if (request.postData) {
    scrubPairs(request.postData.params, rules.isSecretKey, found);
    const body = scrubText(request.postData.text, request.headers, textRules);
    if (body) {
      request.postData.text = body.text;
      request.bodySize = body.size;
    }
  }

  scrubPairs(response.headers, rules.isSecretHeader, found);
  redactCookies(response.cookies, found);
  if (response.redirectURL) response.redirectURL = scrubUrl(response.redirectURL, textRules);
  if (!response.content.encoding) {
    const body = scrubText(response.content.text, response.headers, textRules);
    if (body) {
      response.content.text = body.text;
      response.content.size = body.size;
      response.bodySize = body.size;
    }
  }
  sweep(entry, known);
}
