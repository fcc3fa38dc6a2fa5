/** A parsed XML element: child elements by name (strings, nested records, or arrays for listed paths). */
export type XmlRecord = Readonly<Record<string, unknown>>;

/** The trimmed text of a child element, or undefined when absent or empty. */
export function text(record: XmlRecord | undefined, name: string): string | undefined {
  const value = record?.[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A child element that is a record (empty elements parse as `''`, which this treats as absent). */
export function child(record: XmlRecord | undefined, name: string): XmlRecord | undefined {
  const value = record?.[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as XmlRecord) : undefined;
}

/**
 * The `item` list of a `<fooSet>` child, or an empty list. A single `<item>` parses as a record unless its path
 * was declared an array; both forms are accepted, so a forgotten array path cannot drop data.
 */
export function items(record: XmlRecord | undefined, setName: string): XmlRecord[] {
  const list = child(record, setName)?.item;
  if (Array.isArray(list)) return list as XmlRecord[];
  return list !== null && typeof list === 'object' ? [list as XmlRecord] : [];
}
