import { MalformedResponseError } from '@multicloud/core';

/** One JSON object of a GoGrid answer (a server, an IP, an option, …). */
export type GoGridObject = Readonly<Record<string, unknown>>;

/** Provider id used in errors raised while reading answers. */
const GOGRID = 'gogrid';

function malformed(reason: string, value: unknown): MalformedResponseError {
  let body: string;
  try {
    body = JSON.stringify(value) ?? String(value);
  } catch {
    body = String(value);
  }
  return new MalformedResponseError({ provider: GOGRID, body, reason });
}

/** Whether `value` is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is GoGridObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object under `key`, or undefined when absent. @throws MalformedResponseError when it is not an object */
export function objectField(item: GoGridObject, key: string): GoGridObject | undefined {
  const value = item[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw malformed(`"${key}" is not an object`, item);
  return value;
}

/** A string or number under `key` as text, or undefined when absent. @throws MalformedResponseError for other types */
export function textField(item: GoGridObject, key: string): string | undefined {
  const value = item[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw malformed(`"${key}" is neither text nor a number`, item);
}

/** A required string or number under `key`, as text. @throws MalformedResponseError when absent */
export function requiredText(item: GoGridObject, key: string, what: string): string {
  const value = textField(item, key);
  if (value === undefined || value === '') throw malformed(`${what} without "${key}"`, item);
  return value;
}

/** A required whole number under `key`. @throws MalformedResponseError when absent or not a number */
export function requiredInteger(item: GoGridObject, key: string, what: string): number {
  const value = item[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw malformed(`${what} without a whole-number "${key}"`, item);
  return number;
}

/** A boolean under `key`, or undefined when absent. */
export function booleanField(item: GoGridObject, key: string): boolean | undefined {
  const value = item[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** The `name` of the option object under `key` (GoGrid's `{ "id", "name", "description", "object": "option" }`). */
export function optionName(item: GoGridObject, key: string): string | undefined {
  const option = objectField(item, key);
  return option === undefined ? undefined : textField(option, 'name');
}

/** The objects of an array under `key` (default `list`). @throws MalformedResponseError when it is not an array of objects */
export function objectList(item: GoGridObject, key = 'list'): GoGridObject[] {
  const value = item[key];
  if (!Array.isArray(value)) throw malformed(`"${key}" is not an array`, item);
  return value.map((entry: unknown) => {
    if (!isObject(entry)) throw malformed(`"${key}" holds something other than objects`, item);
    return entry;
  });
}
