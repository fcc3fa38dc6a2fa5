import { CloudError, NotFoundError, ProviderError } from '@multicloud/core';
import { ALGORITHMS, BALANCER_STATES, BalancerDoesNotExistError, BalancerImmutableError } from '@multicloud/lb';
import { describe, expect, it } from 'vitest';

const details = { provider: 'memory', status: 404, providerMessage: 'gone' } as const;

describe('lb models', () => {
  it('ALGORITHMS lists the seven portable algorithms once each', () => {
    expect([...ALGORITHMS].sort()).toEqual([
      'least-connections', 'persistent-ip', 'random', 'round-robin', 'shortest-response', 'weighted-least-connections', 'weighted-round-robin',
    ]);
  });

  it('BALANCER_STATES lists the five portable states', () => {
    expect(BALANCER_STATES).toEqual(['running', 'pending', 'unknown', 'error', 'deleted']);
  });
});

describe('lb errors', () => {
  it('BalancerDoesNotExistError is a NotFoundError, not retryable, named after its class', () => {
    const error = new BalancerDoesNotExistError(details);
    expect([BalancerDoesNotExistError.isInstance(error), NotFoundError.isInstance(error), ProviderError.isInstance(error)]).toEqual([true, true, true]);
    expect(BalancerImmutableError.isInstance(error)).toBe(false);
    expect(BalancerDoesNotExistError.isInstance(new NotFoundError(details))).toBe(false);
    expect([error.name, error.retryable, error.status]).toEqual(['BalancerDoesNotExistError', false, 404]);
  });

  it('BalancerImmutableError is a retryable ProviderError but no NotFoundError, unless the details say otherwise', () => {
    const error = new BalancerImmutableError({ ...details, status: 409 });
    expect([error.name, error.retryable]).toEqual(['BalancerImmutableError', true]);
    expect([CloudError.isInstance(error), ProviderError.isInstance(error), NotFoundError.isInstance(error)]).toEqual([true, true, false]);
    expect(new BalancerImmutableError({ ...details, status: 409, retryable: false }).retryable).toBe(false);
  });
});
