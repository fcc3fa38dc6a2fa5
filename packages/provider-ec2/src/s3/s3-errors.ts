import { InvalidCredentialsError, NotFoundError, ProviderError, RateLimitError, type ErrorResponse, type ErrorTable, type ParsedErrorBody } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
} from '@multicloud/storage';
import { parseAwsXmlError } from '../aws/aws-xml-error.js';

/** S3 error codes → the SDK's error classes. */
export const S3_ERROR_TABLE: ErrorTable = {
  NoSuchBucket: ContainerDoesNotExistError,
  NoSuchKey: ObjectDoesNotExistError,
  NoSuchUpload: NotFoundError,
  BucketAlreadyExists: ContainerAlreadyExistsError,
  BucketAlreadyOwnedByYou: ContainerAlreadyExistsError,
  BucketNotEmpty: ContainerIsNotEmptyError,
  InvalidBucketName: InvalidContainerNameError,
  SignatureDoesNotMatch: InvalidCredentialsError,
  InvalidAccessKeyId: InvalidCredentialsError,
  AccessDenied: InvalidCredentialsError,
  SlowDown: RateLimitError,
  InternalError: { error: ProviderError, retryable: true },
  ServiceUnavailable: { error: ProviderError, retryable: true },
  RequestTimeout: { error: ProviderError, retryable: true },
  PermanentRedirect: { error: ProviderError, retryable: false },
};

/**
 * Reads an S3 error: the XML body, or — for bodiless answers such as HEAD — the status alone. A 301 names the
 * bucket's real region (`x-amz-bucket-region`), so the message says which `region` setting would work.
 */
export function parseS3Error(response: ErrorResponse): ParsedErrorBody {
  const parsed = parseAwsXmlError(response);
  const region = response.headers['x-amz-bucket-region'];
  if ((response.status === 301 || parsed.code === 'PermanentRedirect') && region) {
    return { ...parsed, code: parsed.code ?? 'PermanentRedirect', message: `the bucket is in region ${region}; create the driver with region: '${region}'` };
  }
  if (parsed.code === undefined && response.status === 404) return { ...parsed, code: 'NoSuchKey', message: parsed.message ?? 'not found' };
  return { ...parsed, requestId: parsed.requestId ?? response.headers['x-amz-request-id'] };
}
