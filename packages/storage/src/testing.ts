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
