import { InvalidCredentialsError, NotFoundError, ProviderError, type ErrorResponse, type ErrorTable, type ParsedErrorBody } from '@multicloud/core';

/** The code an HTTP 401 gets, whatever its body says: CloudSigma answers bad credentials with 401. */
export const UNAUTHORIZED_CODE = 'http-401';

/**
 * CloudSigma API 2.0 `error_type`s → the SDK's error classes. `permission` is a refused operation (starting a
 * running server, …), not bad credentials, so it must not fall back to the 403 → `InvalidCredentialsError` rule.
 */
export const CLOUDSIGMA_V2_ERROR_TABLE: ErrorTable = {
  [UNAUTHORIZED_CODE]: InvalidCredentialsError,
  notexist: NotFoundError,
  permission: ProviderError,
  validation: ProviderError,
  billing: ProviderError,
  payment: ProviderError,
  backend: { error: ProviderError, retryable: true },
  database: { error: ProviderError, retryable: true },
  concurrency: { error: ProviderError, retryable: true },
};

/**
 * Reads a CloudSigma 2.0 error body: a JSON array of `{ error_type, error_message, error_point }` (the first one
 * counts). Anything else yields no code, so the HTTP status decides.
 */
export function parseCloudSigmaV2Error(response: ErrorResponse): ParsedErrorBody {
  if (response.status === 401) return { code: UNAUTHORIZED_CODE, message: 'invalid credentials' };
  try {
    const value: unknown = JSON.parse(response.body);
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (first && typeof first === 'object') {
      const { error_type: code, error_message: message } = first as Record<string, unknown>;
      if (typeof code === 'string' || typeof message === 'string') {
        return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
      }
    }
  } catch {
    // not JSON: an HTML page from a proxy, say
  }
  const line = response.body.trim().split('\n', 1)[0] ?? '';
  return { message: line.slice(0, 200) || undefined };
}
