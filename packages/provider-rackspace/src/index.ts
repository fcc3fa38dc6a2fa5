/**
 * `@multicloud/provider-rackspace`: Rackspace Cloud for multicloud — next-gen Cloud Servers (compute), Cloud
 * Load Balancers and Cloud Files (storage, plus a generic OpenStack Swift driver), authenticated with Keystone. This entry is pure (no side effects): import a factory and
 * you bundle that driver only. Import `@multicloud/provider-rackspace/register` to register the drivers.
 *
 * @packageDocumentation
 */
export {
  createRackspaceCompute,
  RACKSPACE_COMPUTE_SERVICE,
  type RackspaceComputeDriver,
  type RackspaceComputeSettings,
} from './compute/rackspace-compute-driver.js';
export type { RackspaceCreateNodeOptions } from './compute/rackspace-nodes.js';
export type { RackspaceCreateVolumeOptions } from './compute/rackspace-volumes.js';
export type { RackspaceComputeExtras, RackspaceMetadata } from './compute/rackspace-compute-extras.js';
export { RACKSPACE_COMPUTE_ERROR_TABLE } from './compute/rackspace-compute-errors.js';
export { RACKSPACE_NODE_STATES } from './compute/rackspace-node-state.js';

export {
  createRackspaceLoadBalancer,
  RACKSPACE_LB_SERVICE,
  type RackspaceLoadBalancerDriver,
  type RackspaceLoadBalancerSettings,
} from './lb/rackspace-lb-driver.js';
export type { RackspaceCreateBalancerOptions, RackspaceListBalancersOptions } from './lb/rackspace-balancers.js';
export type { RackspaceAttachMemberOptions, RackspaceMemberUpdate } from './lb/rackspace-members.js';
export type { RackspaceAccessRule, RackspaceLoadBalancerExtras } from './lb/rackspace-lb-extras.js';
export type { RackspaceConnectionThrottle, RackspaceHealthMonitor } from './lb/rackspace-lb-settings-checks.js';
export {
  RACKSPACE_ALGORITHMS,
  RACKSPACE_BALANCER_STATES,
  RACKSPACE_MEMBER_CONDITIONS,
  type RackspaceMemberCondition,
} from './lb/rackspace-lb-states.js';
export { RACKSPACE_LB_ERROR_TABLE, parseRackspaceLbError } from './lb/rackspace-lb-errors.js';

export { RACKSPACE_AUTH_URL, RACKSPACE_AUTH_URL_V1, type RackspaceSettings } from './identity/rackspace-settings.js';
export { RACKSPACE_REGIONS, isRackspaceRegion, type RackspaceRegion } from './identity/rackspace-regions.js';

export {
  createCloudFilesStorage,
  CLOUDFILES_CDN_SERVICE,
  CLOUDFILES_SERVICE,
  type CloudFilesSettings,
  type CloudFilesStorageDriver,
} from './storage/cloudfiles-storage.js';
export { createOpenStackSwiftStorage, type OpenStackSwiftStorageDriver } from './storage/openstack-swift-storage.js';
export type { OpenStackSwiftSettings } from './storage/openstack-swift-settings.js';
export type { SwiftStorageDriver } from './storage/swift-storage-driver.js';
export {
  DEFAULT_SEGMENT_SIZE,
  MAX_SEGMENT_SIZE,
  MIN_SEGMENT_SIZE,
  type SwiftStorageOptions,
} from './storage/swift-settings.js';
export { SEGMENT_CONTAINER_SUFFIX } from './storage/swift-slo.js';
export type { SwiftAccountInfo } from './storage/swift-objects.js';
export type { SwiftObjectExtra } from './storage/convert-swift-models.js';
export type { CdnEnableOptions, CdnUrlOptions } from './storage/swift-cdn.js';
export { signTempUrl } from './storage/swift-temp-url.js';
export { SWIFT_ERROR_TABLE, parseSwiftError } from './storage/swift-errors.js';
