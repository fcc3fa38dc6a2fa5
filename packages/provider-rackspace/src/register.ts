/**
 * `@multicloud/provider-rackspace/register`: registers the Rackspace drivers with the default registry (id
 * `rackspace` for compute and lb) and makes `getDriver('compute', 'rackspace')` and `getDriver('lb', 'rackspace')`
 * typed. The only module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createRackspaceCompute } from './compute/rackspace-compute-driver.js';
import { createRackspaceLoadBalancer } from './lb/rackspace-lb-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Rackspace next-gen Cloud Servers. */
    rackspace: typeof createRackspaceCompute;
  }
  interface LoadBalancerProviders {
    /** Rackspace Cloud Load Balancers. */
    rackspace: typeof createRackspaceLoadBalancer;
  }
}

registerProvider({ id: 'rackspace', name: 'Rackspace Cloud', compute: createRackspaceCompute, lb: createRackspaceLoadBalancer }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['rackspace'], lb: ['rackspace'] } as const;
