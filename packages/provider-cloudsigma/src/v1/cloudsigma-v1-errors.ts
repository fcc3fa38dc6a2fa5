import type { ErrorResponse, ParsedErrorBody } from '@multicloud/core';
import { parseCloudSigmaEntries } from './cloudsigma-text-codec.js';

/**
 * Reads a CloudSigma API 1.0 error body: plain text, usually `errors <message>` (or `errors: <message>`). There are
 * no error codes, so the HTTP status decides the class (401/403 → `InvalidCredentialsError`, 404 → not found).
 */
export function parseCloudSigmaV1Error(response: ErrorResponse): ParsedErrorBody {
  try {
    const entry = parseCloudSigmaEntries(response.body).flat().find(([key]) => key === 'errors' || key === 'errors:');
    if (entry && entry[1].trim() !== '') return { message: entry[1].trim() };
  } catch {
    // not the text format: fall through to the first line
  }
  const line = response.body.trim().split(/\r?\n/, 1)[0] ?? '';
  return { message: line.replace(/^errors:?\s*/, '').slice(0, 200) || undefined };
}
