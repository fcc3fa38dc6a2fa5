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
 * The `item` list of a `<fooSet>` child (`member` lists in ELB: pass `itemName`), or an empty list. A single `<item>` parses as a record unless its path
 * was declared an array; both forms are accepted, so a forgotten array path cannot drop data.
 */
export function items(record: XmlRecord | undefined, setName: string, itemName = 'item'): XmlRecord[] {
  const list = child(record, setName)?.[itemName];
  if (Array.isArray(list)) return list as XmlRecord[];
  return list !== null && typeof list === 'object' ? [list as XmlRecord] : [];
}

/** The texts of a list of plain-text elements, e.g. ELB's `<AvailabilityZones><member>us-east-1a</member>…`. */
export function texts(record: XmlRecord | undefined, setName: string, itemName = 'member'): string[] {
  const list = child(record, setName)?.[itemName];
  const values = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return values.filter((value): value is string => typeof value === 'string').map((value) => value.trim());
}
