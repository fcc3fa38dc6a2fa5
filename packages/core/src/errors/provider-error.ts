import { CloudError } from './cloud-error.js';

/** What a provider said when it refused a request; the input of every {@link ProviderError} constructor. */
export interface ProviderErrorDetails {
  /** Provider id, e.g. `ec2`. */
  readonly provider: string;
  /** HTTP status of the response (0 when the failure did not come from an HTTP response). */
  readonly status: number;
  /** The provider's own error code, e.g. `InvalidInstanceID.NotFound`. */
  readonly providerCode?: string | undefined;
  /** The provider's human-readable message, already free of secrets. */
  readonly providerMessage?: string | undefined;
  /** The provider's request id, for support tickets. */
  readonly requestId?: string | undefined;
  /** Whether repeating the same request may succeed; defaults to what the class says. */
  readonly retryable?: boolean | undefined;
  /** How long the provider asked us to wait before trying again (`Retry-After`), in ms. */
  readonly retryAfterMs?: number | undefined;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

function describe(details: ProviderErrorDetails): string {
  const facts = [`HTTP ${details.status}`];
  if (details.providerCode) facts.push(`code ${details.providerCode}`);
  if (details.requestId) facts.push(`request id ${details.requestId}`);
  const what = details.providerMessage?.trim() || 'request failed';
  return `${details.provider}: ${what} (${facts.join(', ')})`;
}

/**
 * A provider answered with an error. Carries the HTTP status, the provider's code and request id, and whether a
 * retry may help.
 */
export class ProviderError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ProviderError';
  /** Whether errors of this class are retryable unless the details say otherwise. */
  static readonly retryableByDefault: boolean = false;

  /** Provider id, e.g. `ec2`. */
  readonly provider: string;
  /** HTTP status of the response (0 when not from an HTTP response). */
  readonly status: number;
  /** The provider's own error code. */
  readonly providerCode: string | undefined;
  /** The provider's request id. */
  readonly requestId: string | undefined;
  /** Whether repeating the same request may succeed. */
  readonly retryable: boolean;
  /** How long the provider asked us to wait before trying again (`Retry-After` on 429 or 503), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(details: ProviderErrorDetails) {
    super(describe(details), details.cause === undefined ? undefined : { cause: details.cause });
    this.provider = details.provider;
    this.status = details.status;
    this.providerCode = details.providerCode;
    this.requestId = details.requestId;
    this.retryable = details.retryable ?? (new.target as typeof ProviderError).retryableByDefault;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** The credentials were refused (HTTP 401/403, a bad signature, an unknown key). Never retried. */
export class InvalidCredentialsError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'InvalidCredentialsError';
}

/** The provider throttled the request (HTTP 429 or a throttling code). */
export class RateLimitError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'RateLimitError';
  /** Throttling is retryable by default. */
  static override readonly retryableByDefault: boolean = true;
}

/** The resource does not exist. Per-API subclasses (`NodeDoesNotExistError`, …) say which kind of resource. */
export class NotFoundError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'NotFoundError';
}

/** A class of provider error that a provider's error table may name. */
export type ProviderErrorClass = (new (details: ProviderErrorDetails) => ProviderError) & {
  readonly kind: string;
  readonly retryableByDefault: boolean;
};
