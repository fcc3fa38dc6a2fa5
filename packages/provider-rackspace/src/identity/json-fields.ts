import { MalformedResponseError } from '@multicloud/core';
import { RACKSPACE } from './rackspace-settings.js';
import type { ServiceAnswer } from './rackspace-service.js';

/** A JSON object as read from an answer. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Whether `value` is a JSON object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` as an object, or an empty one (absent and mistyped fields read as absent). */
export function child(record: JsonRecord | undefined, key: string): JsonRecord {
  const value = record?.[key];
  return isRecord(value) ? value : {};
}

/** `record[key]` as a string: strings as they are, numbers (Nova's numeric ids) converted; else undefined. */
export function text(record: JsonRecord | undefined, key: string): string | undefined {
  const value = record?.[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** `record[key]` as a number (numeric strings converted); else undefined. */
export function num(record: JsonRecord | undefined, key: string): number | undefined {
  const value = record?.[key];
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** The objects of the list `record[key]` (non-objects skipped); empty when absent. */
export function records(record: JsonRecord | undefined, key: string): JsonRecord[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function malformed(answer: ServiceAnswer, reason: string): MalformedResponseError {
  return new MalformedResponseError({ provider: RACKSPACE, status: answer.status, body: answer.text, reason });
}

/** The object under `key` of an answer's body. @throws MalformedResponseError when there is none */
export function requireRecord(answer: ServiceAnswer, key: string): JsonRecord {
  const value = isRecord(answer.body) ? answer.body[key] : undefined;
  if (!isRecord(value)) throw malformed(answer, `expected an object \`${key}\``);
  return value;
}

/** The list under `key` of an answer's body. @throws MalformedResponseError when there is none */
export function requireList(answer: ServiceAnswer, key: string): JsonRecord[] {
  const value = isRecord(answer.body) ? answer.body[key] : undefined;
  if (!Array.isArray(value)) throw malformed(answer, `expected a list \`${key}\``);
  return value.filter(isRecord);
}

/** The `id` of an object the service just created. @throws MalformedResponseError when it has none */
export function requireId(answer: ServiceAnswer, record: JsonRecord): string {
  const id = text(record, 'id');
  if (!id) throw malformed(answer, 'the created resource has no `id`');
  return id;
}
