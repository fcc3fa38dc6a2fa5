import { validateTimeout } from '@multicloud/core';
import type { Algorithm, CallOptions, CreateBalancerOptions, LoadBalancer, LoadBalancerDriver, Member, MemberSpec } from '@multicloud/lb';
import { requireList, text } from '../identity/json-fields.js';
import type { RackspaceRegion } from '../identity/rackspace-regions.js';
import { createRackspaceService } from '../identity/rackspace-service.js';
import { RACKSPACE, type RackspaceSettings } from '../identity/rackspace-settings.js';
import {
  createRackspaceBalancer,
  destroyRackspaceBalancer,
  getRackspaceBalancer,
  listRackspaceBalancers,
  updateRackspaceBalancer,
  type RackspaceCreateBalancerOptions,
  type RackspaceListBalancersOptions,
} from './rackspace-balancers.js';
import { createLbContext } from './rackspace-lb-context.js';
import { createRackspaceLbErrorClassifier, parseRackspaceLbError } from './rackspace-lb-errors.js';
import { rackspaceLoadBalancerExtras, type RackspaceLoadBalancerExtras } from './rackspace-lb-extras.js';
import { RACKSPACE_ALGORITHMS } from './rackspace-lb-states.js';
import {
  attachRackspaceComputeNode,
  attachRackspaceMember,
  detachRackspaceMember,
  listRackspaceMembers,
  type RackspaceAttachMemberOptions,
} from './rackspace-members.js';

/** The catalog entry of Cloud Load Balancers. */
export const RACKSPACE_LB_SERVICE = { type: 'rax:load-balancer', name: 'cloudLoadBalancers' } as const;

/** Settings of {@link createRackspaceLoadBalancer}. */
export interface RackspaceLoadBalancerSettings extends RackspaceSettings {
  /** Pause between status checks while a write completes, in ms; default 2000. */
  readonly pollIntervalMs?: number | undefined;
  /** Longest wait for a balancer to be active again after a write, in ms; default 600 000. */
  readonly pollTimeoutMs?: number | undefined;
}

/** The Rackspace Cloud Load Balancers driver: the portable contract plus `ex` methods. */
export interface RackspaceLoadBalancerDriver extends LoadBalancerDriver, RackspaceLoadBalancerExtras {
  /** Lists balancers, optionally only those with a member at `exMemberAddress`. */
  listBalancers(options?: RackspaceListBalancersOptions): Promise<LoadBalancer[]>;
  /** Creates a balancer (`exVirtualIpType`: `PUBLIC` or `SERVICENET`) and waits until it is active. */
  createBalancer(options: CreateBalancerOptions & RackspaceCreateBalancerOptions): Promise<LoadBalancer>;
  /** Adds a member (`exCondition`, `exWeight`) and waits until the balancer is active again. */
  attachMember(balancer: LoadBalancer, member: MemberSpec, options?: RackspaceAttachMemberOptions): Promise<Member>;
  /** The region in force. */
  readonly region: RackspaceRegion;
}

/**
 * Creates a Rackspace Cloud Load Balancers driver (API v1.0, catalog `rax:load-balancer`). No I/O happens and no
 * credential is read until the first call. Writes the service completes asynchronously (HTTP 202) wait until the
 * balancer is `ACTIVE` again (`pollIntervalMs`, `pollTimeoutMs`, the call's `signal`), so the next call does not
 * meet a busy balancer; one that is busy anyway answers 422 → `BalancerImmutableError`.
 *
 * @example
 * ```ts
 * import { createRackspaceLoadBalancer } from '@multicloud/provider-rackspace';
 * const lb = createRackspaceLoadBalancer({ region: 'dfw' });
 * const balancer = await lb.createBalancer({ name: 'web', port: 80, protocol: 'http', members: [{ ip: '10.0.0.5', port: 8080 }] });
 * ```
 * @throws ValidationError for bad settings (see `createRackspaceCompute`) or a bad poll interval/timeout
 */
export function createRackspaceLoadBalancer(settings: RackspaceLoadBalancerSettings = {}): RackspaceLoadBalancerDriver {
  validateTimeout(settings.pollIntervalMs, 'pollIntervalMs');
  validateTimeout(settings.pollTimeoutMs, 'pollTimeoutMs');
  const service = createRackspaceService({
    ...RACKSPACE_LB_SERVICE,
    classifyError: createRackspaceLbErrorClassifier(),
    parseError: parseRackspaceLbError,
  }, settings);
  const context = createLbContext(service, { intervalMs: settings.pollIntervalMs ?? 2_000, timeoutMs: settings.pollTimeoutMs ?? 600_000 });
  return {
    provider: RACKSPACE,
    region: service.region,
    listProtocols: async (options: CallOptions = {}) => [...(await context.protocols(options.signal, true)).keys()],
    listSupportedAlgorithms: async (options: CallOptions = {}): Promise<Algorithm[]> => {
      const answer = await service.call('GET', '/loadbalancers/algorithms', { signal: options.signal });
      const names = requireList(answer, 'algorithms').map((algorithm) => text(algorithm, 'name')?.toUpperCase());
      return names.flatMap((name) => (name !== undefined && RACKSPACE_ALGORITHMS[name] ? [RACKSPACE_ALGORITHMS[name]] : []));
    },
    listBalancers: (options) => listRackspaceBalancers(context, options),
    getBalancer: (id, options) => getRackspaceBalancer(context, id, options),
    createBalancer: (options) => createRackspaceBalancer(context, options),
    updateBalancer: (balancer, options) => updateRackspaceBalancer(context, balancer, options),
    destroyBalancer: (balancer, options) => destroyRackspaceBalancer(context, balancer, options),
    attachMember: (balancer, member, options) => attachRackspaceMember(context, balancer, member, options),
    attachComputeNode: (balancer, node, options) => attachRackspaceComputeNode(context, balancer, node, options),
    detachMember: (balancer, member, options) => detachRackspaceMember(context, balancer, member, options),
    listMembers: (balancer, options) => listRackspaceMembers(context, balancer, options),
    ...rackspaceLoadBalancerExtras(context),
  };
}
