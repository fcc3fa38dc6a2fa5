import { ProviderError } from '@multicloud/core';
import { BalancerImmutableError } from '@multicloud/lb';
import { GOGRID_MESSAGE_RULES, goGridProviderMessage, type GoGridMessageRule } from '../gogrid-errors.js';

/**
 * Message rules of the load balancer API: a balancer with a change still being applied refuses edits ("Update
 * already pending") and deletes ("Update request for LoadBalancer … is pending") → `BalancerImmutableError`.
 */
export const GOGRID_LB_MESSAGE_RULES: readonly GoGridMessageRule[] = [
  { message: /update already pending|update request for loadbalancer/i, error: BalancerImmutableError },
  ...GOGRID_MESSAGE_RULES,
];

/**
 * GoGrid answers `grid/loadbalancer/add` with HTTP 500 `UnexpectedException` when a member address is not assigned
 * to the account: the error says so, and is not retryable (no retry fixes it). Other errors pass unchanged.
 */
export function explainFailedAdd(error: unknown): unknown {
  if (!ProviderError.isInstance(error) || error.providerCode !== 'UnexpectedException') return error;
  const message = goGridProviderMessage(error) ?? 'unexpected server error';
  return new ProviderError({
    provider: error.provider,
    status: error.status,
    providerCode: error.providerCode,
    providerMessage: `${message} (GoGrid answers this when a member address is not assigned to the account)`,
    requestId: error.requestId,
    retryable: false,
    cause: error,
  });
}
