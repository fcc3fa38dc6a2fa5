import { CloudError } from './cloud-error.js';

/** Longest body excerpt kept on a {@link MalformedResponseError}. */
export const MALFORMED_BODY_EXCERPT_LENGTH = 512;

/** The provider's response could not be parsed (broken XML/JSON, an HTML error page, an empty body). */
export class MalformedResponseError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'MalformedResponseError';
  /** Provider id. */
  readonly provider: string;
  /** HTTP status of the response, when known. */
  readonly status: number | undefined;
  /** The first characters of the body, for diagnosis (never the whole body). */
  readonly body: string;

  constructor(details: { provider: string; status?: number | undefined; body: string; reason: string; cause?: unknown }) {
    const excerpt = details.body.length > MALFORMED_BODY_EXCERPT_LENGTH
      ? `${details.body.slice(0, MALFORMED_BODY_EXCERPT_LENGTH)}…`
      : details.body;
    super(`${details.provider}: malformed response (${details.reason})`, details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = details.provider;
    this.status = details.status;
    this.body = excerpt;
  }
}

/** No response (headers, or the next body chunk) arrived within the request timeout. */
export class RequestTimeoutError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'RequestTimeoutError';
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(details: { provider: string; timeoutMs: number; what: string; cause?: unknown }) {
    super(`${details.provider}: no ${details.what} within ${details.timeoutMs} ms`, details.cause === undefined ? undefined : { cause: details.cause });
    this.timeoutMs = details.timeoutMs;
  }
}

/** The connection failed (refused, reset, DNS, TLS handshake) before a complete response arrived. */
export class NetworkError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'NetworkError';
  /** The system or undici error code, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;
  /** Whether repeating the request may succeed. */
  readonly retryable: boolean;

  constructor(details: { provider: string; code?: string | undefined; retryable: boolean; message: string; cause?: unknown }) {
    super(`${details.provider}: ${details.message}${details.code ? ` (${details.code})` : ''}`, { cause: details.cause });
    this.code = details.code;
    this.retryable = details.retryable;
  }
}

/** Bad input from the caller, detected before any request was sent. */
export class ValidationError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ValidationError';
  /** The argument or setting that is wrong, e.g. `timeoutMs` or `options.size`. */
  readonly argument: string;

  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`${argument}: ${problem}`, options);
    this.argument = argument;
  }
}

/** A credential is neither in the settings nor in the environment. */
export class MissingCredentialsError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'MissingCredentialsError';
  /** The setting that would provide it. */
  readonly option: string;
  /** The environment variable that would provide it, if any. */
  readonly environmentVariable: string | undefined;

  constructor(details: { provider: string; option: string; environmentVariable?: string | undefined }) {
    const where = details.environmentVariable
      ? `the \`${details.option}\` setting or the ${details.environmentVariable} environment variable`
      : `the \`${details.option}\` setting`;
    super(`${details.provider}: missing credential: set ${where}`);
    this.option = details.option;
    this.environmentVariable = details.environmentVariable;
  }
}

/** The driver does not offer this operation (see `driver.features`). */
export class UnsupportedOperationError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'UnsupportedOperationError';
  /** The operation that was called. */
  readonly operation: string;

  constructor(details: { provider: string; operation: string; reason?: string }) {
    super(`${details.provider} does not support ${details.operation}${details.reason ? `: ${details.reason}` : ''}`);
    this.operation = details.operation;
  }
}

/** No provider with that id is registered for that API. */
export class UnknownProviderError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'UnknownProviderError';
  /** The ids that are registered for the API. */
  readonly registered: readonly string[];

  constructor(details: { api: string; id: string; registered: readonly string[] }) {
    const known = details.registered.length > 0 ? details.registered.join(', ') : 'none';
    super(`no ${details.api} provider "${details.id}" is registered (registered: ${known}); import its package's register entry, e.g. '@multicloud/provider-<name>/register'`);
    this.registered = details.registered;
  }
}
