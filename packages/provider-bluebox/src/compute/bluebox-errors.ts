import type { ErrorResponse, ParsedErrorBody } from '@multicloud/core';

/**
 * Reads a Blocks API error body: JSON `{ "error": … }`, `{ "text": … }` or `{ "errors": [...] }`, else the first line
 * of the text. The API has no error codes, so the HTTP status decides the class: 401/403 →
 * `InvalidCredentialsError`, 404 → not found (`NodeDoesNotExistError` on block paths), 429 → `RateLimitError`,
 * 5xx → a retryable `ProviderError` (core's status table).
 */
export function parseBlueboxError(response: ErrorResponse): ParsedErrorBody {
  try {
    const value: unknown = JSON.parse(response.body);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      const errors = Array.isArray(record.errors) ? record.errors.map(String).join('; ') : record.errors;
      const message = [record.error, record.text, errors].find((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
      if (message !== undefined) return { message };
    }
  } catch {
    // plain text (Bluebox answers 401 with a text body)
  }
  const line = response.body.trim().split(/\r?\n/, 1)[0] ?? '';
  return { message: line.slice(0, 200) || undefined };
}
