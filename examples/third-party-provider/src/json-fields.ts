import { MalformedResponseError } from '@multicloud/core';
import { OCEAN } from './ocean-settings.js';

/** A JSON object as read from an answer. */
export type JsonRecord = Readonly<Record<string, unknown>>;

function malformed(reason: string, value: unknown): MalformedResponseError {
  let body: string;
  try {
    body = JSON.stringify(value) ?? String(value);
  } catch {
    body = String(value);
  }
  return new MalformedResponseError({ provider: OCEAN, body, reason });
}

/** `value` as an object. @throws MalformedResponseError */
export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${what} is not an object`, value);
  return value as JsonRecord;
}

/** `record[key]` as an array of objects (absent → empty). @throws MalformedResponseError */
export function recordsAt(record: JsonRecord, key: string, what: string): JsonRecord[] {
  const value = record[key] ?? [];
  if (!Array.isArray(value)) throw malformed(`${what}.${key} is not an array`, record);
  return value.map((item, index) => asRecord(item, `${what}.${key}[${index}]`));
}

/** A required non-empty string, or a number given as a string (Ocean ids are numbers). @throws MalformedResponseError */
export function requiredId(record: JsonRecord, key: string, what: string): string {
  const value = record[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value === '') throw malformed(`${what}.${key} is not an id`, record);
  return value;
}

/** An optional string field (`undefined` for null or absent). @throws MalformedResponseError for another type */
export function optionalString(record: JsonRecord, key: string, what: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw malformed(`${what}.${key} is not a string`, record);
  return value;
}

/** An optional finite number field. @throws MalformedResponseError for another type */
export function optionalNumber(record: JsonRecord, key: string, what: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed(`${what}.${key} is not a number`, record);
  return value;
}
