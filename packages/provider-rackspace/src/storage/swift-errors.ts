import {
  InvalidCredentialsError,
  NotFoundError,
  OPENSTACK_ERROR_TABLE,
  ProviderError,
  RateLimitError,
  createErrorClassifier,
  parseOpenStackErrorBody,
  type ErrorClassifier,
  type ErrorResponse,
  type ErrorTable,
  type ParsedErrorBody,
} from '@multicloud/core';
import { ContainerIsNotEmptyError } from '@multicloud/storage';

/**
 * The codes Swift's bodiless or HTML error answers stand for, by HTTP status (Swift answers errors as short HTML or
 * text, without a code of its own). 498 is Swift's rate limiting.
 */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  408: 'RequestTimeout',
  409: 'Conflict',
  411: 'LengthRequired',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  416: 'RequestedRangeNotSatisfiable',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  498: 'RateLimited',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/**
 * Swift (Cloud Files) error codes → error classes, merged over core's OpenStack table (Keystone's `unauthorized`,
 * `overLimit`). A 409 is a container that still holds objects (the one conflict Swift's API produces for a delete);
 * 404s and 422s are turned into `ContainerDoesNotExistError`, `ObjectDoesNotExistError` and
 * `ObjectHashMismatchError` per call, since only the call knows what was missing or which bytes were sent.
 */
export const SWIFT_ERROR_TABLE: ErrorTable = {
  unauthorized: InvalidCredentialsError,
  Unauthorized: InvalidCredentialsError,
  Forbidden: InvalidCredentialsError,
  NotFound: NotFoundError,
  Conflict: ContainerIsNotEmptyError,
  UnprocessableEntity: ProviderError,
  PreconditionFailed: ProviderError,
  TooManyRequests: RateLimitError,
  RateLimited: RateLimitError,
  InternalServerError: { error: ProviderError, retryable: true },
  ServiceUnavailable: { error: ProviderError, retryable: true },
  GatewayTimeout: { error: ProviderError, retryable: true },
};

/** The readable text of an HTML or plain-text error body: tags dropped, blanks collapsed, at most 200 characters. */
function plainText(body: string): string | undefined {
  const text = body.replace(/<\/(h1|p|div)>/gi, '. ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').replace(/(\.\s*)+/g, '. ').trim().replace(/\.$/, '');
  if (text === '') return undefined;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Reads a Swift or Keystone error answer: Keystone's JSON (`{"unauthorized":{"message":…}}`) through core's
 * OpenStack parser; Swift's HTML/text bodies (`<html><h1>Not Found</h1>…`) as a message, with the code named
 * after the status. The request id is Swift's `X-Trans-Id`.
 */
export function parseSwiftError(response: ErrorResponse): ParsedErrorBody {
  const requestId = response.headers['x-trans-id'] ?? response.headers['x-openstack-request-id'];
  const keystone = parseOpenStackErrorBody(response);
  if (keystone) return { ...keystone, requestId };
  return { code: CODE_BY_STATUS[response.status], message: plainText(response.body), requestId };
}

/** The classifier of the Swift API and its identity service. */
export function createSwiftErrorClassifier(): ErrorClassifier {
  return createErrorClassifier({ parse: parseSwiftError, table: { ...OPENSTACK_ERROR_TABLE, ...SWIFT_ERROR_TABLE } });
}
