/** A value in an AWS Query API request: scalars, lists (`Name.1`, `Name.2`) and structures (`Name.Field`). */
export type QueryValue = string | number | boolean | undefined | readonly QueryValue[] | { readonly [key: string]: QueryValue };

/**
 * Flattens parameters the way the AWS Query protocol wants: `{ InstanceId: ['a', 'b'] }` →
 * `InstanceId.1=a&InstanceId.2=b`; `{ Filter: [{ Name: 'x', Value: ['y'] }] }` → `Filter.1.Name=x&Filter.1.Value.1=y`.
 * Undefined values are left out.
 */
export function flattenQueryParams(params: Readonly<Record<string, QueryValue>>): [string, string][] {
  const flat: [string, string][] = [];
  const visit = (prefix: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(`${prefix}.${index + 1}`, item));
    } else if (typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, QueryValue>)) visit(`${prefix}.${key}`, inner);
    } else {
      flat.push([prefix, String(value)]);
    }
  };
  for (const [key, value] of Object.entries(params)) visit(key, value);
  return flat;
}

/** Encodes pairs as `application/x-www-form-urlencoded` with RFC 3986 escaping (what SigV4 canonicalises). */
export function encodeFormBody(pairs: readonly [string, string][]): string {
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}
