/**
 * `@multicloud/storage/testing`: the storage conformance kit, for our drivers and third-party ones.
 *
 * ```ts
 * import { describeConformance } from '@multicloud/core/testing';
 * import { storageConformanceChecks } from '@multicloud/storage/testing';
 * describeConformance('mycloud storage', storageConformanceChecks({ provider: 'mycloud', createDriver }));
 * ```
 *
 * @packageDocumentation
 */
export { storageConformanceChecks, type StorageConformanceOptions } from './testing/storage-conformance.js';
/** The contract's types, so kit users (and the API report of this entry) see them from here too. */
export type * from './index.js';
