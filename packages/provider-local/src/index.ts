/**
 * `@multicloud/provider-local`: the local provider for multicloud, which needs nothing but Node: storage in a
 * directory (`createLocalStorage`), compute nodes as supervised process groups on this machine
 * (`createLocalCompute`), and a local load balancer. This entry is pure (no side effects); import
 * `@multicloud/provider-local/register` to register the drivers with the registry under the id `local`.
 *
 * @packageDocumentation
 */
export { LOCAL, LOCAL_ROOT_ENV, defaultLocalRoot, resolveLocalRoot } from './local-root.js';

// Storage
export { createLocalStorage, type LocalStorageDriver, type LocalStorageSettings } from './storage/local-storage-driver.js';
export { LOCAL_STORAGE_ERRORS, type LocalStorageErrorCode } from './storage/local-storage-errors.js';
export { MAX_CONTAINER_NAME_BYTES, MAX_OBJECT_NAME_BYTES, MAX_OBJECT_SEGMENT_BYTES, RESERVED_FOLDER } from './storage/local-names.js';

// Compute
export {
  createLocalCompute,
  type LocalComputeDriver,
  type LocalComputeSettings,
  type LocalDeployNodeOptions,
} from './compute/local-compute-driver.js';
export type { LocalCreateNodeOptions } from './compute/local-node-validation.js';
export type { LocalService, StartedLocalService } from './compute/local-services.js';
export type { LocalNodeStatus } from './compute/local-node-store.js';
export { LOCAL_NODE_STATES } from './compute/local-node-state.js';
export { LOCAL_COMPUTE_ERRORS, type LocalComputeErrorCode } from './compute/local-compute-errors.js';
export { LOCAL_IMAGES, LOCAL_LOCATION_ID, LOCAL_SIZES, type LocalImageId, type LocalSizeShape } from './compute/local-catalog.js';
export { LOCAL_NODE_IP } from './compute/convert-local-node.js';
export { INHERITED_VARIABLES } from './compute/local-node-env.js';
export { BOOT_SCRIPT } from './compute/local-node-lifecycle.js';

// Load balancer
export { createLocalLoadBalancer } from './lb/local-lb-driver.js';
export type { LocalAnyPortBalancerOptions, LocalAttachNodeOptions, LocalCreateBalancerOptions, LocalLoadBalancerDriver } from './lb/local-lb-options.js';
export type { LocalHealthCheckSettings, LocalLoadBalancerSettings } from './lb/local-lb-settings.js';
export type { LocalBalancerStats, LocalMemberStats } from './lb/local-lb-stats.js';
export { LOCAL_LB_ALGORITHMS, LOCAL_LB_PROTOCOLS, type LocalLbProtocol } from './lb/local-lb-validation.js';
