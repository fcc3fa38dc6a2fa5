import { InvalidCredentialsError, NotFoundError, ProviderError, type ErrorTable } from '@multicloud/core';

/**
 * Nova and Keystone fault kinds (the single key of an error body, e.g. `{"itemNotFound":{…}}`) → error classes,
 * merged over core's OpenStack table (which maps `overLimit` to `RateLimitError`). Kinds not listed fall back to
 * the HTTP status. A 404 of a call about one resource becomes that resource's does-not-exist error
 * (`NodeDoesNotExistError`, `KeyPairDoesNotExistError`).
 */
export const RACKSPACE_COMPUTE_ERROR_TABLE: ErrorTable = {
  unauthorized: InvalidCredentialsError,
  forbidden: InvalidCredentialsError,
  itemNotFound: NotFoundError,
  badRequest: ProviderError,
  badMediaType: ProviderError,
  buildInProgress: ProviderError,
  conflictingRequest: ProviderError,
  computeFault: { error: ProviderError, retryable: true },
  cloudServersFault: { error: ProviderError, retryable: true },
  serviceUnavailable: { error: ProviderError, retryable: true },
};
