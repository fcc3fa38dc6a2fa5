import { jsonFields, type JsonRecord } from '@multicloud/core';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';

export type { JsonRecord } from '@multicloud/core';

/**
 * Readers of CloudSigma 2.0's JSON answers: each failure is a `MalformedResponseError` naming the field. Numbers
 * sent as strings count (CloudSigma sends some counters as strings).
 */
export const { malformed, asRecord, requiredString, optionalString, optionalNumber, optionalRecord, recordList } = jsonFields(CLOUDSIGMA, { numericStrings: true });

/** The `objects` array of a listing or bulk answer, each an object. @throws MalformedResponseError */
export function objectsOf(value: unknown, what: string): JsonRecord[] {
  const objects = asRecord(value, what).objects;
  if (!Array.isArray(objects)) throw malformed(`${what} has no "objects" array`, value);
  return objects.map((item, index) => asRecord(item, `${what}.objects[${index}]`));
}

/** The uuid of a reference field, which is either `{ uuid, resource_uri }` or the bare uuid. */
export function referenceUuid(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  return requiredString(asRecord(value, what), 'uuid', what);
}
