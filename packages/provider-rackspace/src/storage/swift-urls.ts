/** Percent-encodes an object name for a URL path, keeping its `/` separators (Swift names are paths). */
export function encodeObjectName(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** The path below the account URL: `''` for the account, `/<container>` or `/<container>/<object>`. */
export function swiftPath(container?: string, object?: string): string {
  if (container === undefined) return '';
  return `/${encodeURIComponent(container)}${object === undefined ? '' : `/${encodeObjectName(object)}`}`;
}

/** A query string (`?a=1&b=x%20y`) of the defined values, in the order given; `''` when there are none. */
export function swiftQuery(query: Readonly<Record<string, string | number | undefined>> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`).join('&')}`;
}
