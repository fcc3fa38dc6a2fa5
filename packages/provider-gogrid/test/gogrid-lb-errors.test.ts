import { ProviderError } from '@multicloud/core';
import { BalancerImmutableError } from '@multicloud/lb';
import { describe, expect, it } from 'vitest';
import { failureBody } from './support/gogrid-route.js';
import { useRecordedGoGridLb } from './support/gogrid-test-lb.js';

const lb = useRecordedGoGridLb();

describe('gogrid lb errors', () => {
  it("turns Libcloud's HTTP 500 unexpected_error into a ProviderError with GoGrid's message, not retried", async () => {
    lb.answer({ 'grid/loadbalancer/add': { status: 500, file: 'unexpected_error.json' } });
    const error = await lb.driver({ retry: { maxAttempts: 3, baseDelayMs: 1 } })
      .createBalancer({ name: 'test2', port: 80, protocol: 'http', members: [{ ip: '10.1.0.10', port: 80 }] })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ status: 500, providerCode: 'UnexpectedException', retryable: false, name: 'ProviderError' });
    expect((error as Error).message).toMatch(/^gogrid: An unexpected server error has occured\. Please email this error to apisupport@gogrid\.com\./);
    expect((error as Error).message).toMatch(/\(GoGrid answers this when a member address is not assigned to the account\) \(HTTP 500, code UnexpectedException\)$/);
    expect(lb.methods()).toEqual(['grid/ip/list', 'grid/loadbalancer/add']);
  });

  it('retries a listing answered with HTTP 500, then reports the ProviderError as retryable', async () => {
    lb.answer({ 'grid/loadbalancer/list': { status: 500, file: 'unexpected_error.json' } });
    const error = await lb.driver({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }).listBalancers().catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ status: 500, providerCode: 'UnexpectedException', retryable: true });
    expect(lb.methods()).toEqual(['grid/loadbalancer/list', 'grid/loadbalancer/list']);
  });

  it('maps "Update already pending" on edit and delete to BalancerImmutableError', async () => {
    lb.answer({
      'grid/loadbalancer/edit': { status: 400, body: failureBody('grid/loadbalancer/edit', 'Update already pending for LoadBalancer 23530') },
      'grid/loadbalancer/delete': { status: 400, body: failureBody('grid/loadbalancer/delete', 'Update request for LoadBalancer 23530 is pending') },
    });
    const driver = lb.driver({ retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const balancer = await driver.getBalancer('23530');
    const attach = await driver.attachMember(balancer, { ip: '10.0.0.75', port: 80 }).catch((caught: unknown) => caught);
    expect(BalancerImmutableError.isInstance(attach) && attach).toMatchObject({ status: 400, retryable: true, providerCode: 'IllegalArgumentException' });
    const destroy = await driver.destroyBalancer(balancer).catch((caught: unknown) => caught);
    expect(BalancerImmutableError.isInstance(destroy)).toBe(true);
    // A pending change ends by itself, but an edit is a POST: the SDK never repeats it on its own.
    expect(lb.methods()).toEqual(['grid/loadbalancer/get', 'grid/loadbalancer/get', 'grid/loadbalancer/edit', 'grid/loadbalancer/delete']);
  });
});
