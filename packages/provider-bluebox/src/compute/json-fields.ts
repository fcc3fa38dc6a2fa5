import { jsonFields } from '@multicloud/core';
import { BLUEBOX } from './bluebox-settings.js';

export type { JsonRecord } from '@multicloud/core';

/** Readers of Blue Box's JSON answers: each failure is a `MalformedResponseError` naming the field. */
export const { malformed, asRecord, asRecords, requiredString, optionalString, optionalNumber } = jsonFields(BLUEBOX);
