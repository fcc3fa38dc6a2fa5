import {
  InvalidCredentialsError,
  NotFoundError,
  OPENSTACK_ERROR_TABLE,
  ProviderError,
  createErrorClassifier,
  parseOpenStackErrorBody,
  type ErrorClassifier,
  type ErrorResponse,
  type ErrorTable,
  type ParsedErrorBody,
} from '@multicloud/core';
import { BalancerImmutableError } from '@multicloud/lb';
import { isRecord, text } from '../identity/json-fields.js';

/**
 * Cloud Load Balancers fault kinds → error classes, merged over core's OpenStack table (`overLimit` →
 * `RateLimitError`). `immutableEntity` (HTTP 422, "… is considered immutable": the balancer is busy with a
 * pending change) is `BalancerImmutableError`. A 404 of a call about one balancer is `BalancerDoesNotExistError`.
 */
export const RACKSPACE_LB_ERROR_TABLE: ErrorTable = {
  unauthorized: InvalidCredentialsError,
  itemNotFound: NotFoundError,
  immutableEntity: BalancerImmutableError,
  unprocessableEntity: ProviderError,
  badRequest: ProviderError,
  outOfVirtualIps: ProviderError,
  loadBalancerFault: { error: ProviderError, retryable: true },
  serviceUnavailable: { error: ProviderError, retryable: true },
};

/** The fault kind a flat body (`{"message":…,"code":422}`) stands for, by HTTP status. */
const FAULT_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'badRequest',
  401: 'unauthorized',
  404: 'itemNotFound',
  413: 'overLimit',
  500: 'loadBalancerFault',
  503: 'serviceUnavailable',
};

/**
 * Reads Cloud Load Balancers error bodies: OpenStack's nested style, e.g. `{"overLimit":{"message":…}}` (core's
 * parser), or the flat `{"message":…,"code":422}` the service mostly answers, whose kind follows from the
 * status; a 422 saying "… is considered immutable" is `immutableEntity`.
 */
export function parseRackspaceLbError(response: ErrorResponse): ParsedErrorBody | undefined {
  const nested = parseOpenStackErrorBody(response);
  if (nested) return nested;
  let document: unknown;
  try {
    document = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  const message = isRecord(document) ? text(document, 'message') : undefined;
  if (!isRecord(document) || message === undefined) return undefined;
  const details = text(document, 'details');
  const code = response.status === 422 ? (/immutable/i.test(message) ? 'immutableEntity' : 'unprocessableEntity') : FAULT_BY_STATUS[response.status];
  return { code, message: details && details !== message ? `${message} (${details})` : message };
}

/** The classifier of the Cloud Load Balancers API. */
export function createRackspaceLbErrorClassifier(): ErrorClassifier {
  return createErrorClassifier({ parse: parseRackspaceLbError, table: { ...OPENSTACK_ERROR_TABLE, ...RACKSPACE_LB_ERROR_TABLE } });
}
