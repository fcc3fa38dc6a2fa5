/**
 * `@multicloud/compute/testing`: the compute conformance kit. Run it against any compute driver — ours or a
 * third party's — wired to recordings:
 *
 * ```ts
 * import { describeConformance } from '@multicloud/core/testing';
 * import { computeConformanceChecks } from '@multicloud/compute/testing';
 * describeConformance('mycloud compute', computeConformanceChecks({ provider: 'mycloud', createDriver }));
 * ```
 *
 * @packageDocumentation
 */
export { computeConformanceChecks, type ComputeConformanceOptions } from './testing/compute-conformance.js';
export { checkImage, checkLocation, checkNode, checkSize } from './testing/model-checks.js';
/** The contract's types, so kit users (and the API report of this entry) see them from here too. */
export type * from './index.js';
