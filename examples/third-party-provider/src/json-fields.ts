import { jsonFields, type JsonRecord } from '@multicloud/core';
import { OCEAN } from './ocean-settings.js';

export type { JsonRecord } from '@multicloud/core';

/**
 * Readers of Ocean's JSON answers, from core's `jsonFields`: each failure is a `MalformedResponseError` naming the
 * field (`droplet.networks.v4[0] is not an object`). `recordList` reads an absent or null list as empty.
 */
export const { malformed, asRecord, recordList, optionalString, optionalNumber } = jsonFields(OCEAN);

/** A required non-empty string, or a number given as a string (Ocean ids are numbers). @throws MalformedResponseError */
export function requiredId(record: JsonRecord, key: string, what: string): string {
  const value = record[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string' || value === '') throw malformed(`${what}.${key} is not an id`, record);
  return value;
}
