import type { ParsedErrorBody, ProviderError, ProviderErrorClass, TextResponse } from '@multicloud/core';
import { CLOUDSIGMA } from './cloudsigma-regions.js';

/** Is HTTP 404 (handed back by the transport so the caller can say *what* is missing). */
export const IS_NOT_FOUND = (status: number): boolean => status === 404;

/**
 * The error for a 404 answer: the resource's own class (`NodeDoesNotExistError`, `KeyPairDoesNotExistError`, …),
 * since CloudSigma reports every missing object alike and only the caller knows which kind it asked for.
 */
export function notFoundError(errorClass: ProviderErrorClass, response: TextResponse, parsed: ParsedErrorBody): ProviderError {
  return new errorClass({
    provider: CLOUDSIGMA,
    status: response.status,
    providerCode: parsed.code,
    providerMessage: parsed.message,
    requestId: parsed.requestId ?? response.headers['x-request-id'],
    retryable: false,
  });
}
