import { MalformedResponseError } from '@multicloud/core';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';

/** A JSON object as read from an answer. */
export type JsonRecord = Readonly<Record<string, unknown>>;

function excerpt(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A `MalformedResponseError` for an answer of the wrong shape. */
export function malformed(reason: string, value: unknown): MalformedResponseError {
  return new MalformedResponseError({ provider: CLOUDSIGMA, body: excerpt(value), reason });
}

/** `value` as an object. @throws MalformedResponseError */
export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${what} is not an object`, value);
  return value as JsonRecord;
}

/** The `objects` array of a listing or bulk answer, each an object. @throws MalformedResponseError */
export function objectsOf(value: unknown, what: string): JsonRecord[] {
  const objects = asRecord(value, what).objects;
  if (!Array.isArray(objects)) throw malformed(`${what} has no "objects" array`, value);
  return objects.map((item, index) => asRecord(item, `${what}.objects[${index}]`));
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

/** An optional number field; numeric strings count (CloudSigma sends some counters as strings). */
export function optionalNumber(record: JsonRecord, key: string, what: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw malformed(`${what}.${key} is not a number`, record);
  return number;
}

/** An optional nested object (`undefined` for null or absent). @throws MalformedResponseError */
export function optionalRecord(record: JsonRecord, key: string, what: string): JsonRecord | undefined {
  const value = record[key];
  return value === undefined || value === null ? undefined : asRecord(value, `${what}.${key}`);
}

/** An optional array of objects (`[]` for null or absent). @throws MalformedResponseError */
export function recordList(record: JsonRecord, key: string, what: string): JsonRecord[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw malformed(`${what}.${key} is not an array`, record);
  return value.map((item, index) => asRecord(item, `${what}.${key}[${index}]`));
}

/** The uuid of a reference field, which is either `{ uuid, resource_uri }` or the bare uuid. */
export function referenceUuid(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  return requiredString(asRecord(value, what), 'uuid', what);
}
