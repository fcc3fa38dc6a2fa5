/**
 * `@multicloud/provider-rackspace/register`: registers the Rackspace drivers with the default registry —
 * `rackspace` for compute and lb, `cloudfiles` and `openstack-swift` for storage — and makes `getDriver` typed for
 * them. The only module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createRackspaceCompute } from './compute/rackspace-compute-driver.js';
import { createRackspaceLoadBalancer } from './lb/rackspace-lb-driver.js';
import { createCloudFilesStorage } from './storage/cloudfiles-storage.js';
import { createOpenStackSwiftStorage } from './storage/openstack-swift-storage.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Rackspace next-gen Cloud Servers. */
    rackspace: typeof createRackspaceCompute;
  }
  interface StorageProviders {
    /** Rackspace Cloud Files (OpenStack Swift with the Rackspace catalog and CDN). */
    cloudfiles: typeof createCloudFilesStorage;
    /** Any OpenStack Swift cluster (Keystone v2.0 or v1.0 auth). */
    'openstack-swift': typeof createOpenStackSwiftStorage;
  }
  interface LoadBalancerProviders {
    /** Rackspace Cloud Load Balancers. */
    rackspace: typeof createRackspaceLoadBalancer;
  }
}

registerProvider({ id: 'rackspace', name: 'Rackspace Cloud', contractVersion: '1.0.0', compute: createRackspaceCompute, lb: createRackspaceLoadBalancer }, { replace: true });
// Cloud Files and the generic OpenStack Swift driver share one Swift implementation.
registerProvider({ id: 'cloudfiles', name: 'Rackspace Cloud Files', contractVersion: '1.0.0', storage: createCloudFilesStorage }, { replace: true });
registerProvider({ id: 'openstack-swift', name: 'OpenStack Swift', contractVersion: '1.0.0', storage: createOpenStackSwiftStorage }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['rackspace'], storage: ['cloudfiles', 'openstack-swift'], lb: ['rackspace'] } as const;
