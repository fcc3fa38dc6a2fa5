/**
 * `@multicloud/lb`: the portable load-balancer contract (balancers, members, algorithms, protocols) that every
 * load-balancer provider implements.
 *
 * @packageDocumentation
 */
export type { CallOptions, CreateBalancerOptions, LoadBalancerDriver, UpdateBalancerOptions } from './lb-driver.js';
export {
  ALGORITHMS,
  BALANCER_STATES,
  type Algorithm,
  type BalancerState,
  type ComputeNodeLike,
  type Extra,
  type LoadBalancer,
  type Member,
  type MemberSpec,
} from './models.js';
export { BalancerDoesNotExistError, BalancerImmutableError } from './lb-errors.js';
