import { isSignableHeader } from './unsignable-headers.js';

/** The header part of a canonical request. */
export interface CanonicalHeaders {
  /** One `name:value` line per header, sorted by name, joined with `\n` (no trailing newline). */
  readonly canonical: string;
  /** The signed header names, sorted, joined with `;` (the `SignedHeaders` of the Authorization header). */
  readonly signedHeaders: string;
}

/**
 * The canonical headers of SigV4: names in lower case and sorted; values with line breaks and runs of spaces
 * or tabs turned into one space, then trimmed. Names that differ only in case are one header whose values are
 * joined with `,` in the order they appear. Unsignable headers (`authorization`, `user-agent`, …) are left out.
 *
 * @param headers - The request headers, names in any case.
 * @returns The canonical header lines and the signed header list.
 *
 * @example
 * ```ts
 * canonicalHeaders({ Host: 'example.com', 'My-Header': '  a   b ', 'my-header': 'c' });
 * // { canonical: 'host:example.com\nmy-header:a b,c', signedHeaders: 'host;my-header' }
 * ```
 */
export function canonicalHeaders(headers: Readonly<Record<string, string>>): CanonicalHeaders {
  const values = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    const lowerCaseName = name.toLowerCase();
    if (!isSignableHeader(lowerCaseName)) continue;
    const list = values.get(lowerCaseName);
    if (list === undefined) values.set(lowerCaseName, [canonicalValue(value)]);
    else list.push(canonicalValue(value));
  }
  const names = [...values.keys()].sort();
  return {
    canonical: names.map((name) => `${name}:${(values.get(name) ?? []).join(',')}`).join('\n'),
    signedHeaders: names.join(';'),
  };
}

/** Folds line breaks and whitespace runs to one space and trims it, exactly as the AWS SDK does. */
function canonicalValue(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').replace(/^ | $/g, '');
}
