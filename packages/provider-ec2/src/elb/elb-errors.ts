import { InvalidCredentialsError, ProviderError, RateLimitError, type ErrorTable } from '@multicloud/core';
import { BalancerDoesNotExistError } from '@multicloud/lb';

/** ELB error codes → the SDK's error classes. Codes not listed fall back to the HTTP status. */
export const ELB_ERROR_TABLE: ErrorTable = {
  LoadBalancerNotFound: BalancerDoesNotExistError,
  AccessPointNotFound: BalancerDoesNotExistError,
  InvalidClientTokenId: InvalidCredentialsError,
  SignatureDoesNotMatch: InvalidCredentialsError,
  MissingAuthenticationToken: InvalidCredentialsError,
  Throttling: RateLimitError,
  ServiceUnavailable: { error: ProviderError, retryable: true },
};
