import { MalformedResponseError } from '@multicloud/core';
import { BLUEBOX } from './bluebox-settings.js';

/** A JSON object as read from an answer. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** A `MalformedResponseError` for an answer of the wrong shape. */
export function malformed(reason: string, value: unknown): MalformedResponseError {
  let body: string;
  try {
    body = JSON.stringify(value) ?? String(value);
  } catch {
    body = String(value);
  }
  return new MalformedResponseError({ provider: BLUEBOX, body, reason });
}

/** `value` as an object. @throws MalformedResponseError */
export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${what} is not an object`, value);
  return value as JsonRecord;
}

/** `value` as an array of objects. @throws MalformedResponseError */
export function asRecords(value: unknown, what: string): JsonRecord[] {
  if (!Array.isArray(value)) throw malformed(`${what} is not an array`, value);
  return value.map((item, index) => asRecord(item, `${what}[${index}]`));
}

/** A required non-empty string field. @throws MalformedResponseError */
export function requiredString(record: JsonRecord, key: string, what: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') throw malformed(`${what}.${key} is not a non-empty string`, record);
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
