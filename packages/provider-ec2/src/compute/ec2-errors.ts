import { InvalidCredentialsError, NotFoundError, ProviderError, RateLimitError, type ErrorTable } from '@multicloud/core';
import { KeyPairDoesNotExistError, NodeDoesNotExistError } from '@multicloud/compute';

/** EC2 error codes → the SDK's error classes. Codes not listed fall back to the HTTP status. */
export const EC2_ERROR_TABLE: ErrorTable = {
  AuthFailure: InvalidCredentialsError,
  SignatureDoesNotMatch: InvalidCredentialsError,
  InvalidClientTokenId: InvalidCredentialsError,
  MissingAuthenticationToken: InvalidCredentialsError,
  'InvalidInstanceID.NotFound': NodeDoesNotExistError,
  'InvalidInstanceID.Malformed': NodeDoesNotExistError,
  'InvalidKeyPair.NotFound': KeyPairDoesNotExistError,
  'InvalidVolume.NotFound': NotFoundError,
  'InvalidAMIID.NotFound': NotFoundError,
  'InvalidGroup.NotFound': NotFoundError,
  'InvalidAllocationID.NotFound': NotFoundError,
  RequestLimitExceeded: RateLimitError,
  Throttling: RateLimitError,
  InternalError: { error: ProviderError, retryable: true },
  ServiceUnavailable: { error: ProviderError, retryable: true },
  Unavailable: { error: ProviderError, retryable: true },
};
