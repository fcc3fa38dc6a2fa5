/**
 * `@multicloud/lb/testing`: the load-balancer conformance kit, for our drivers and third-party ones.
 *
 * ```ts
 * import { describeConformance } from '@multicloud/core/testing';
 * import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
 * describeConformance('mycloud lb', loadBalancerConformanceChecks({ provider: 'mycloud', createDriver, members, extraMember }));
 * ```
 *
 * @packageDocumentation
 */
export { loadBalancerConformanceChecks, type LoadBalancerConformanceOptions } from './testing/lb-conformance.js';
/** The contract's types, so kit users (and the API report of this entry) see them from here too. */
export type * from './index.js';
