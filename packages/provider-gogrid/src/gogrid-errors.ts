import {
  NotFoundError,
  ProviderError,
  createErrorClassifier,
  parseGenericErrorBody,
  type ErrorClassifier,
  type ErrorResponse,
  type ErrorTable,
  type ParsedErrorBody,
  type ProviderErrorClass,
} from '@multicloud/core';

/**
 * A GoGrid error recognised by its message: GoGrid's `errorcode`s are Java exception names
 * (`IllegalArgumentException` for "no such object" and for bad input alike), so some errors are only told apart by
 * the message.
 */
export interface GoGridMessageRule {
  /** Matches the message of the first error in the body's `list`. */
  readonly message: RegExp;
  /** The error class to throw. */
  readonly error: ProviderErrorClass;
  /** Overrides the class's default retryability. */
  readonly retryable?: boolean | undefined;
}

/** GoGrid `errorcode`s → error classes. Codes not listed fall back to the HTTP status (401/403 → credentials). */
export const GOGRID_ERROR_TABLE: ErrorTable = {
  // GoGrid's catch-all for server faults (HTTP 500): retried like any 5xx where the call may be repeated.
  UnexpectedException: ProviderError,
};

/** Message rules every GoGrid API shares (each API adds its own in front). */
export const GOGRID_MESSAGE_RULES: readonly GoGridMessageRule[] = [
  { message: /no object found/i, error: NotFoundError },
];

/** The provider message of each error the classifiers made, so a narrowed copy can say the same. */
const providerMessages = new WeakMap<object, string | undefined>();

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

const asText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Reads a GoGrid error body: a JSON document with `status` "failure", the API `method`, and a `list` whose first
 * item is an error object with `message` and `errorcode`. A failure whose list holds no error object (GoGrid
 * sometimes echoes the object instead) yields "METHOD failed"; a body that is not GoGrid JSON falls back to the
 * generic reader (the first line of text).
 */
export function parseGoGridError(response: ErrorResponse): ParsedErrorBody {
  let document: Record<string, unknown> | undefined;
  try {
    document = asRecord(JSON.parse(response.body));
  } catch {
    document = undefined;
  }
  if (document === undefined || !('status' in document || 'list' in document)) return parseGenericErrorBody(response.body);
  const first = Array.isArray(document.list) ? asRecord(document.list[0]) : undefined;
  const message = asText(first?.message);
  const code = asText(first?.errorcode);
  if (message !== undefined || code !== undefined) return { code, message };
  const method = asText(document.method);
  return { message: document.status === 'failure' ? `${method ?? 'request'} failed` : undefined };
}

/**
 * Builds the classifier of a GoGrid API: the message rules first (in order), then the code table, then the HTTP
 * status. The error keeps GoGrid's own `errorcode` as `providerCode` whichever rule chose its class.
 */
export function createGoGridErrorClassifier(table: ErrorTable, rules: readonly GoGridMessageRule[]): ErrorClassifier {
  const byCode = createErrorClassifier({ parse: parseGoGridError, table });
  return (response, context) => {
    const parsed = parseGoGridError(response);
    const rule = parsed.message === undefined ? undefined : rules.find((candidate) => candidate.message.test(parsed.message as string));
    const error = rule === undefined ? byCode(response, context) : new rule.error({
      provider: context.provider,
      status: response.status,
      providerCode: parsed.code,
      providerMessage: parsed.message,
      retryable: rule.retryable ?? rule.error.retryableByDefault,
    });
    providerMessages.set(error, parsed.message);
    return error;
  };
}

/**
 * Narrows a generic `NotFoundError` to the resource's own class (`NodeDoesNotExistError`, …): GoGrid's "no
 * object found" does not say which kind of object. Other errors pass unchanged.
 */
export function narrowNotFound(error: unknown, notFound: ProviderErrorClass | undefined): unknown {
  if (notFound === undefined || !NotFoundError.isInstance(error) || error.name === notFound.kind) return error;
  return new notFound({
    provider: error.provider,
    status: error.status,
    providerCode: error.providerCode,
    providerMessage: goGridProviderMessage(error),
    requestId: error.requestId,
    retryable: error.retryable,
    cause: error,
  });
}

/** GoGrid's own message of an error a GoGrid classifier made (undefined for other errors). */
export function goGridProviderMessage(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' ? providerMessages.get(error) : undefined;
}
