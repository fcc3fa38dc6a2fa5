import { NotFoundError, ProviderError } from '@multicloud/core';

/** The load balancer does not exist. */
export class BalancerDoesNotExistError extends NotFoundError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'BalancerDoesNotExistError';
}

/** The balancer is busy with a pending change and refuses another one for now; retrying later may succeed. */
export class BalancerImmutableError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'BalancerImmutableError';
  /** A pending change ends by itself, so a later retry may succeed. */
  static override readonly retryableByDefault: boolean = true;
}
