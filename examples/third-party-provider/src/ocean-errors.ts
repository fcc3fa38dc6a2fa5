import { InvalidCredentialsError, NotFoundError, ProviderError, RateLimitError, type ErrorResponse, type ErrorTable, type ParsedErrorBody } from '@multicloud/core';

/**
 * Ocean error ids (the `id` of an error body) → error classes, as data. Ids not listed fall back to the HTTP
 * status (core's table): 401/403 → `InvalidCredentialsError`, 404 → `NotFoundError`, 429 → `RateLimitError`.
 */
export const OCEAN_ERROR_TABLE: ErrorTable = Object.freeze({
  unauthorized: InvalidCredentialsError,
  forbidden: InvalidCredentialsError,
  not_found: NotFoundError,
  too_many_requests: RateLimitError,
  unprocessable_entity: { error: ProviderError, retryable: false },
  server_error: { error: ProviderError, retryable: true },
});

/** Reads an Ocean error body: `{ "id": "not_found", "message": "…", "request_id": "…" }`. */
export function parseOceanError(response: ErrorResponse): ParsedErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(response.body);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
    return { code: text('id'), message: text('message'), requestId: text('request_id') };
  } catch {
    return undefined; // not JSON (a proxy's HTML page): core's generic reader takes over
  }
}
