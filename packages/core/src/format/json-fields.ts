import { MalformedResponseError } from '../errors/errors.js';

/** A JSON object as read from an answer. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/**
 * Readers of fields of parsed JSON answers for one provider, each naming what was wrong when an answer does not
 * have the expected shape: `what` is a path for the message (`'server'`, `'servers[3]'`), and every failure is a
 * {@link MalformedResponseError} carrying a copy of the offending value.
 */
export interface JsonFields {
  /** A `MalformedResponseError` for an answer of the wrong shape, with `value` re-serialised as its body. */
  malformed(reason: string, value: unknown): MalformedResponseError;
  /** `value` as an object. @throws MalformedResponseError */
  asRecord(value: unknown, what: string): JsonRecord;
  /** `value` as an array of objects. @throws MalformedResponseError */
  asRecords(value: unknown, what: string): JsonRecord[];
  /** An optional nested object (`undefined` for null or absent). @throws MalformedResponseError */
  optionalRecord(record: JsonRecord, key: string, what: string): JsonRecord | undefined;
  /** An optional array of objects (`[]` for null or absent). @throws MalformedResponseError */
  recordList(record: JsonRecord, key: string, what: string): JsonRecord[];
  /** A required non-empty string field. @throws MalformedResponseError */
  requiredString(record: JsonRecord, key: string, what: string): string;
  /** An optional string field (`undefined` for null or absent). @throws MalformedResponseError for another type */
  optionalString(record: JsonRecord, key: string, what: string): string | undefined;
  /**
   * An optional finite number field (`undefined` for null or absent); numeric strings count when the readers were
   * made with `numericStrings`. @throws MalformedResponseError for another type
   */
  optionalNumber(record: JsonRecord, key: string, what: string): number | undefined;
}

/** Options of {@link jsonFields}. */
export interface JsonFieldsOptions {
  /** Read numbers sent as strings (`"42"`) as numbers, for APIs that send some counters that way (default false). */
  readonly numericStrings?: boolean | undefined;
}

function serialised(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The {@link JsonFields} readers of one provider: plain functions (no `this`), so a driver can destructure them.
 *
 * @example
 * ```ts
 * export const { asRecord, requiredString, optionalNumber } = jsonFields('ocean');
 * const server = asRecord(answer.server, 'server');
 * const id = requiredString(server, 'id', 'server'); // MalformedResponseError: "server.id is not a non-empty string"
 * ```
 */
export function jsonFields(provider: string, options: JsonFieldsOptions = {}): JsonFields {
  const malformed = (reason: string, value: unknown): MalformedResponseError =>
    new MalformedResponseError({ provider, body: serialised(value), reason });

  const asRecord = (value: unknown, what: string): JsonRecord => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`${what} is not an object`, value);
    return value as JsonRecord;
  };

  const recordsOf = (value: unknown[], what: string): JsonRecord[] => value.map((item, index) => asRecord(item, `${what}[${index}]`));

  const requiredString = (record: JsonRecord, key: string, what: string): string => {
    const value = record[key];
    if (typeof value !== 'string' || value === '') throw malformed(`${what}.${key} is not a non-empty string`, record);
    return value;
  };

  return {
    malformed,
    asRecord,
    asRecords: (value, what) => {
      if (!Array.isArray(value)) throw malformed(`${what} is not an array`, value);
      return recordsOf(value, what);
    },
    optionalRecord: (record, key, what) => {
      const value = record[key];
      return value === undefined || value === null ? undefined : asRecord(value, `${what}.${key}`);
    },
    recordList: (record, key, what) => {
      const value = record[key];
      if (value === undefined || value === null) return [];
      if (!Array.isArray(value)) throw malformed(`${what}.${key} is not an array`, record);
      return recordsOf(value, `${what}.${key}`);
    },
    requiredString,
    optionalString: (record, key, what) => {
      const value = record[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') throw malformed(`${what}.${key} is not a string`, record);
      return value;
    },
    optionalNumber: (record, key, what) => {
      const value = record[key];
      if (value === undefined || value === null) return undefined;
      const number = options.numericStrings === true && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw malformed(`${what}.${key} is not a number`, record);
      return number;
    },
  };
}
