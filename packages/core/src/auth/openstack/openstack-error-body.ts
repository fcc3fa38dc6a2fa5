import { createErrorClassifier, type ErrorClassifier, type ErrorResponse, type ErrorTable, type ParsedErrorBody } from '../../errors/error-table.js';
import { RateLimitError } from '../../errors/provider-error.js';
import { isRecord, stringField } from './identity-response.js';

/**
 * Parses OpenStack's error bodies: the v2 style names the error kind as the only key
 * (`{"unauthorized":{"message":"…","code":401}}`, `{"itemNotFound":{…}}`, `{"overLimit":{…}}`), Keystone v3
 * wraps it in `error` with a `title`. Returns undefined for anything else, so the generic parser takes over.
 */
export function parseOpenStackErrorBody(response: ErrorResponse): ParsedErrorBody | undefined {
  let document: unknown;
  try {
    document = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  if (!isRecord(document)) return undefined;
  const keys = Object.keys(document);
  const [kind] = keys;
  const detail = kind === undefined ? undefined : document[kind];
  if (keys.length !== 1 || kind === undefined || !isRecord(detail)) return undefined;
  const message = stringField(detail, 'message');
  if (message === undefined) return undefined;
  // Keystone v3: {"error":{"title":"Unauthorized",…}}; the v2 style's key is its code.
  return { code: kind === 'error' ? stringField(detail, 'title') : kind, message };
}

/** OpenStack error kinds whose HTTP status alone would be misread (Nova answers throttling with 413 `overLimit`). */
export const OPENSTACK_ERROR_TABLE: ErrorTable = { overLimit: RateLimitError };

/**
 * The error classifier for OpenStack APIs and Keystone: the provider's message and kind reach the typed error.
 * @param table - a driver's extra kinds, merged over {@link OPENSTACK_ERROR_TABLE}
 *
 * @example
 * ```ts
 * const transport = createTransport({ provider: 'rackspace', auth, classifyError: createOpenStackErrorClassifier() });
 * ```
 */
export function createOpenStackErrorClassifier(table: ErrorTable = {}): ErrorClassifier {
  return createErrorClassifier({ parse: parseOpenStackErrorBody, table: { ...OPENSTACK_ERROR_TABLE, ...table } });
}
