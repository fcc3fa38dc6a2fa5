import type { HarEntry } from './har-types.js';
import { scrubHarEntry, type EntryRules } from './scrub-entry.js';
import { scrubBody, scrubUrl } from './scrub-text.js';
import {
  DEFAULT_SECRET_BODY_KEYS,
  DEFAULT_SECRET_HEADERS,
  DEFAULT_SECRET_JSON_PATHS,
  DEFAULT_SECRET_QUERY_PARAMETERS,
  keyMatcher,
  pathMatcher,
} from './secret-names.js';

/** Extra secret names for {@link createScrubber}; they add to the defaults, never replace them. */
export interface ScrubberOptions {
  /** More header names whose values are secrets (case-insensitive). */
  readonly headers?: readonly string[] | undefined;
  /** More query parameter names whose values are secrets (case-insensitive). */
  readonly queryParameters?: readonly string[] | undefined;
  /** More JSON keys, form fields or XML element names whose values are secrets (`*` wildcard; case, `-`, `_` ignored). */
  readonly bodyKeys?: readonly string[] | undefined;
  /** More dotted JSON paths whose values are secrets, e.g. `'data.credentials.*.key'` (`*` matches any key or index). */
  readonly jsonPaths?: readonly string[] | undefined;
}

/** The secret names a scrubber uses: the defaults plus every extension. */
export interface ScrubberNames {
  /** Secret header names (lower case). */
  readonly headers: readonly string[];
  /** Secret query parameter names (lower case). */
  readonly queryParameters: readonly string[];
  /** Secret body keys (globs). */
  readonly bodyKeys: readonly string[];
  /** Secret JSON paths. */
  readonly jsonPaths: readonly string[];
}

/**
 * Removes secrets from what Polly records. The undici adapter runs one on every entry before it is saved
 * (Polly's `beforePersist`); providers extend it with their own header names, body keys and JSON paths.
 */
export interface Scrubber {
  /** The names this scrubber treats as secret. */
  readonly names: ScrubberNames;
  /** Whether a header's value is a secret. */
  isSecretHeader(name: string): boolean;
  /** Redacts secret query values (and a URL password); the rest is kept byte for byte. */
  url(url: string): string;
  /** Redacts secret fields of a JSON, form, XML or `key value` text body; other text is returned unchanged. */
  body(text: string): string;
  /**
   * Scrubs a HAR entry in place, then sweeps every secret value it found from the whole entry. Pass the same
   * `known` set for all entries of a recording so a token learned in one response is removed from all of them.
   */
  entry(entry: HarEntry, known?: Set<string>): void;
  /** A new scrubber with more secret names. */
  extend(options: ScrubberOptions): Scrubber;
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];
const lower = (names: readonly string[]): string[] => unique(names.map((name) => name.toLowerCase()));

function merge(names: ScrubberNames, more: ScrubberOptions): ScrubberNames {
  return {
    headers: lower([...names.headers, ...(more.headers ?? [])]),
    queryParameters: lower([...names.queryParameters, ...(more.queryParameters ?? [])]),
    bodyKeys: unique([...names.bodyKeys, ...(more.bodyKeys ?? [])]),
    jsonPaths: unique([...names.jsonPaths, ...(more.jsonPaths ?? [])]),
  };
}

const DEFAULT_NAMES: ScrubberNames = {
  headers: DEFAULT_SECRET_HEADERS,
  queryParameters: DEFAULT_SECRET_QUERY_PARAMETERS,
  bodyKeys: DEFAULT_SECRET_BODY_KEYS,
  jsonPaths: DEFAULT_SECRET_JSON_PATHS,
};

/** Creates a scrubber with the default secret names plus `options`. */
export function createScrubber(options: ScrubberOptions = {}): Scrubber {
  return buildScrubber(merge(DEFAULT_NAMES, options));
}

function buildScrubber(names: ScrubberNames): Scrubber {
  const headers = new Set(names.headers);
  const queryParameters = new Set(names.queryParameters);
  const rules: EntryRules = {
    isSecretHeader: (name) => headers.has(name.toLowerCase()),
    isSecretQueryParameter: (name) => queryParameters.has(name.toLowerCase()),
    isSecretKey: keyMatcher(names.bodyKeys),
    isSecretPath: pathMatcher(names.jsonPaths),
  };
  const ignore = (): void => undefined;
  return {
    names,
    isSecretHeader: rules.isSecretHeader,
    url: (url) => scrubUrl(url, { ...rules, found: ignore }),
    body: (text) => scrubBody(text, { ...rules, found: ignore }),
    entry: (entry, known = new Set()) => scrubHarEntry(entry, rules, known),
    extend: (more) => buildScrubber(merge(names, more)),
  };
}

/** The scrubber with only the default secret names. */
export const defaultScrubber: Scrubber = createScrubber();
