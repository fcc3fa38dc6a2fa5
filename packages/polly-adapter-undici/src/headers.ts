import { Buffer } from 'node:buffer';
import type { Dispatcher } from 'undici';

/** Headers with lower-case names; a repeated header becomes an array. Polly's header shape. */
export type HeaderRecord = Record<string, string | string[]>;

function add(record: HeaderRecord, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  const key = name.toLowerCase();
  const values = (Array.isArray(value) ? value : [value]).map((item) => String(item));
  const existing = record[key];
  if (existing === undefined) record[key] = values.length === 1 ? (values[0] as string) : values;
  else record[key] = [...(Array.isArray(existing) ? existing : [existing]), ...values];
}

/** Normalises every header form undici accepts (object, flat `[name, value, …]` array, iterable of pairs). */
export function toHeaderRecord(headers: Dispatcher.DispatchOptions['headers']): HeaderRecord {
  const record: HeaderRecord = {};
  if (!headers) return record;
  if (Array.isArray(headers) && (headers.length === 0 || !Array.isArray(headers[0]))) {
    const flat = headers as unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) add(record, String(flat[i]), flat[i + 1]);
    return record;
  }
  if (Symbol.iterator in Object(headers) && typeof headers !== 'string') {
    for (const pair of headers as Iterable<[string, unknown]>) add(record, pair[0], pair[1]);
    return record;
  }
  for (const [name, value] of Object.entries(headers)) add(record, name, value);
  return record;
}

/** Parses undici's raw headers (`[name, value, …]` as Buffers or strings) into a record. */
export function fromRawHeaders(raw: readonly (Buffer | string)[] | null | undefined): HeaderRecord {
  const record: HeaderRecord = {};
  if (!raw) return record;
  for (let i = 0; i + 1 < raw.length; i += 2) add(record, String(raw[i]), String(raw[i + 1]));
  return record;
}

/** Flattens a record into undici's raw form: one `name, value` Buffer pair per value (latin1, as on the wire). */
export function toRawHeaders(headers: HeaderRecord): Buffer[] {
  const raw: Buffer[] = [];
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : [value]) raw.push(Buffer.from(name, 'latin1'), Buffer.from(String(item), 'latin1'));
  }
  return raw;
}

/** Copies Polly's header proxy (values may be anything an intercept handler set) into a plain string record. */
export function fromPollyHeaders(headers: Record<string, unknown> | undefined): HeaderRecord {
  const record: HeaderRecord = {};
  for (const [name, value] of Object.entries(headers ?? {})) add(record, name, value);
  return record;
}
