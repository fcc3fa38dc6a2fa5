import { parseRetryAfter } from '../http/retry-after.js';
import {
  InvalidCredentialsError,
  NotFoundError,
  ProviderError,
  RateLimitError,
  type ProviderErrorClass,
} from './provider-error.js';

/** One row of an error table: the class a provider code maps to, and whether a retry may help. */
export interface ErrorRule {
  /** The error class to throw. */
  readonly error: ProviderErrorClass;
  /** Overrides the class's default retryability (e.g. a provider's throttling code mapped to ProviderError). */
  readonly retryable?: boolean;
}

/**
 * Provider error code → error class, as data. A provider lists its codes here instead of writing branches.
 *
 * @example
 * ```ts
 * const ec2Errors: ErrorTable = {
 *   AuthFailure: InvalidCredentialsError,
 *   'InvalidInstanceID.NotFound': NodeDoesNotExistError,
 *   RequestLimitExceeded: RateLimitError,
 * };
 * ```
 */
export type ErrorTable = Readonly<Record<string, ProviderErrorClass | ErrorRule>>;

/** The error response as the classifier sees it (body already scrubbed of known secrets). */
export interface ErrorResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The response body as text (at most the first MiB). */
  readonly body: string;
}

/** What a provider's error body says, once parsed. */
export interface ParsedErrorBody {
  /** The provider's error code. */
  readonly code?: string | undefined;
  /** The provider's message. */
  readonly message?: string | undefined;
  /** The request id when the body carries it. */
  readonly requestId?: string | undefined;
}

/** Turns an error response into a typed error. */
export type ErrorClassifier = (response: ErrorResponse, context: { readonly provider: string; readonly now: Date }) => ProviderError;

/** Headers in which providers put their request id, in order of preference. */
const REQUEST_ID_HEADERS = [
  'x-amz-request-id', 'x-amzn-requestid', 'x-openstack-request-id', 'x-compute-request-id', 'x-trans-id', 'x-request-id',
];

/** The class an HTTP status implies when the provider's code is not in its table. */
export function errorClassForStatus(status: number): ProviderErrorClass {
  if (status === 401 || status === 403) return InvalidCredentialsError;
  if (status === 404) return NotFoundError;
  if (status === 429) return RateLimitError;
  return ProviderError;
}

/** Whether an HTTP status is worth a retry by itself (server trouble, throttling, request timeout). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * The fallback body parser: JSON `{ message | error | detail, code }`, OpenStack's `{ kind: { message } }`, else the
 * first line of the text.
 */
export function parseGenericErrorBody(body: string): ParsedErrorBody {
  try {
    const value: unknown = JSON.parse(body);
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const pick = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
      const message = pick('message') ?? pick('error') ?? pick('detail');
      if (message !== undefined) return { code: pick('code'), message };
      // OpenStack wraps errors one level down: {"itemNotFound": {"message": "...", "code": 404}}.
      const [kind, inner] = Object.entries(record)[0] ?? [];
      if (kind !== undefined && Object.keys(record).length === 1 && inner && typeof inner === 'object') {
        const nested = (inner as Record<string, unknown>).message;
        if (typeof nested === 'string') return { code: kind, message: nested };
      }
      return { code: pick('code') };
    }
  } catch {
    // not JSON: fall through to plain text
  }
  const firstLine = body.trim().split('\n', 1)[0] ?? '';
  return { message: firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine || undefined };
}

/**
 * Builds an {@link ErrorClassifier} from a body parser and an error table. Codes not in the table fall back to the
 * HTTP status; 5xx, 408 and 429 are retryable unless the table says otherwise.
 */
export function createErrorClassifier(options: {
  readonly parse?: ((response: ErrorResponse) => ParsedErrorBody | undefined) | undefined;
  readonly table?: ErrorTable | undefined;
} = {}): ErrorClassifier {
  return (response, context) => {
    const parsed = options.parse?.(response) ?? parseGenericErrorBody(response.body);
    const rule = parsed.code === undefined ? undefined : options.table?.[parsed.code];
    const errorClass = rule === undefined ? errorClassForStatus(response.status) : 'error' in rule ? rule.error : rule;
    const ruleRetryable = rule !== undefined && 'error' in rule ? rule.retryable : undefined;
    const retryable = ruleRetryable ?? (errorClass.retryableByDefault || isRetryableStatus(response.status));
    const details = {
      provider: context.provider,
      status: response.status,
      providerCode: parsed.code,
      providerMessage: parsed.message,
      requestId: parsed.requestId ?? REQUEST_ID_HEADERS.map((name) => response.headers[name]).find(Boolean),
      retryable: errorClass === InvalidCredentialsError ? false : retryable,
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], context.now),
    };
    return new errorClass(details);
  };
}
