import { MalformedResponseError } from '../../errors/errors.js';
import { createSecretScrubber } from '../../http/redact.js';

/** The identity answer being parsed, and the secrets its excerpt must never show. */
export interface IdentityResponseContext {
  /** Provider id for errors. */
  readonly provider: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The body as received. */
  readonly body: string;
  /** Values to scrub from the excerpt: the credentials and any token found in the body. */
  readonly secrets: () => readonly (string | undefined)[];
}

/**
 * Builds the error for an identity answer of an unexpected shape. The body excerpt is scrubbed first: a
 * half-valid answer may well carry a working token, and the server may echo the API key back.
 */
export function malformedIdentityResponse(answer: IdentityResponseContext, reason: string, cause?: unknown): MalformedResponseError {
  const scrub = createSecretScrubber(answer.secrets);
  return new MalformedResponseError({
    provider: answer.provider,
    status: answer.status,
    body: scrub(answer.body),
    reason: `identity service: ${reason}`,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Whether `value` is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` when it is a string, else undefined (JSON fields of other types are treated as absent). */
export function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
