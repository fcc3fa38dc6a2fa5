import { MalformedResponseError } from '../errors/errors.js';

/**
 * Parses a JSON response body. Keys named `__proto__` are dropped so a hostile body cannot pollute prototypes of
 * objects built from it.
 * @throws MalformedResponseError (with a truncated copy of the body) for an empty or invalid body
 */
export function parseJson<T = unknown>(text: string, options: { readonly provider: string; readonly status?: number | undefined }): T {
  const fail = (reason: string, cause?: unknown) =>
    new MalformedResponseError({ provider: options.provider, status: options.status, body: text, reason, cause });
  if (text.trim() === '') throw fail('empty body where JSON was expected');
  try {
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) as T;
  } catch (error) {
    throw fail(`invalid JSON: ${(error as Error).message}`, error);
  }
}
