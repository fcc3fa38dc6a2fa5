import { ProviderError, assertOwnModel, pollUntil } from '@multicloud/core';
import { BalancerDoesNotExistError, type LoadBalancer } from '@multicloud/lb';
import { requireList, requireRecord, text, type JsonRecord } from '../identity/json-fields.js';
import type { RackspaceService, ServiceAnswer, ServiceCallOptions } from '../identity/rackspace-service.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';

/** How long and how often a write waits for its balancer to be `ACTIVE` again. */
export interface WaitSettings {
  /** Pause between status checks, in ms. */
  readonly intervalMs: number;
  /** Give up after this long, in ms (`RequestTimeoutError`). */
  readonly timeoutMs: number;
}

/** What every Cloud Load Balancers operation needs: the service, the wait settings, the protocol names. */
export interface LbContext {
  /** The service client. */
  readonly service: RackspaceService;
  /** The wait after asynchronous writes. */
  readonly wait: WaitSettings;
  /** Protocol names (lower case → the API's spelling), listed once per driver unless `refresh`. */
  protocols(signal: AbortSignal | undefined, refresh?: boolean): Promise<ReadonlyMap<string, string>>;
}

/** The path of a balancer (or one of its sub-resources). */
export const balancerPath = (id: string, sub = '') => `/loadbalancers/${encodeURIComponent(id)}${sub}`;

/** Creates the context of one driver. */
export function createLbContext(service: RackspaceService, wait: WaitSettings): LbContext {
  let known: ReadonlyMap<string, string> | undefined;
  return {
    service,
    wait,
    async protocols(signal, refresh = false) {
      if (known && !refresh) return known;
      const answer = await service.call('GET', '/loadbalancers/protocols', { signal });
      const names = requireList(answer, 'protocols').map((protocol) => text(protocol, 'name')).filter((name): name is string => !!name);
      known = new Map(names.map((name) => [name.toLowerCase(), name]));
      return known;
    },
  };
}

/**
 * Polls `GET /loadbalancers/<id>` until the balancer is `ACTIVE` (core's `pollUntil`) and returns it.
 * @throws ProviderError when it goes to `ERROR`/`SUSPENDED`; BalancerDoesNotExistError when it is being deleted;
 *   RequestTimeoutError after `wait.timeoutMs`; the caller's abort reason when `signal` aborts
 */
export function waitUntilActive(context: LbContext, id: string, signal: AbortSignal | undefined): Promise<JsonRecord> {
  return pollUntil(async (pollSignal) => {
    const answer = await context.service.call('GET', balancerPath(id), { signal: pollSignal, notFound: BalancerDoesNotExistError });
    const balancer = requireRecord(answer, 'loadBalancer');
    const status = text(balancer, 'status');
    if (status === 'ACTIVE') return balancer;
    if (status === 'ERROR' || status === 'SUSPENDED') {
      throw new ProviderError({ provider: RACKSPACE, status: answer.status, providerCode: status, providerMessage: `balancer ${id} went to status ${status}` });
    }
    if (status === 'DELETED' || status === 'PENDING_DELETE') {
      throw new BalancerDoesNotExistError({ provider: RACKSPACE, status: answer.status, providerCode: status, providerMessage: `balancer ${id} is being deleted` });
    }
    return undefined;
  }, { provider: RACKSPACE, what: `balancer ${id} to become active`, intervalMs: context.wait.intervalMs, timeoutMs: context.wait.timeoutMs, signal });
}

/**
 * Sends a write the service completes asynchronously (HTTP 202), then waits until the balancer is active again,
 * so the next call does not meet a busy ("immutable") balancer. Returns the write's answer and the active balancer.
 */
export async function writeAndWait(
  context: LbContext,
  balancer: LoadBalancer,
  method: string,
  sub: string,
  options: Pick<ServiceCallOptions, 'body' | 'signal' | 'notFound'>,
): Promise<{ answer: ServiceAnswer; active: JsonRecord }> {
  assertOwnModel('balancer', balancer, RACKSPACE);
  const answer = await context.service.call(method, balancerPath(balancer.id, sub), { body: options.body, signal: options.signal, notFound: options.notFound ?? BalancerDoesNotExistError });
  const active = await waitUntilActive(context, balancer.id, options.signal);
  return { answer, active };
}
