import { ValidationError } from '../../errors/errors.js';
import { uriEncode } from './uri-encode.js';

/**
 * The canonical query string of SigV4. Each `name=value` is decoded and re-encoded strictly (so `!'()*` and
 * spaces come out as `%21`, `%20`, …), then the pairs are sorted by name and then by value. A parameter
 * without `=` gets an empty value. `+` is a literal plus (encode spaces as `%20`).
 *
 * @param query - The raw query string, without `?`.
 * @returns The canonical query, empty when there are no parameters.
 * @throws ValidationError (`request.url`) when a component has a malformed percent-encoding.
 *
 * @example
 * ```ts
 * canonicalQuery('b=2&a=x%20y&a=(1)&flag'); // 'a=%281%29&a=x%20y&b=2&flag='
 * ```
 */
export function canonicalQuery(query: string): string {
  const pairs: (readonly [string, string])[] = [];
  for (const parameter of query.split('&')) {
    if (parameter === '') continue; // `a=1&&b=2` and a trailing `&` carry no parameter
    const equals = parameter.indexOf('=');
    const name = equals === -1 ? parameter : parameter.slice(0, equals);
    const value = equals === -1 ? '' : parameter.slice(equals + 1);
    pairs.push([uriEncode(decode(name)), uriEncode(decode(value))]);
  }
  pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Code-unit order, which for the ASCII of encoded strings is the byte order AWS specifies. */
function compare(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch (error) {
    throw new ValidationError('request.url', 'the query has a malformed percent-encoding', { cause: error });
  }
}
