/**
 * `@multicloud/provider-gogrid/register`: registers the GoGrid drivers with the default registry (id `gogrid` for
 * compute and for load balancers) and makes `getDriver('compute', 'gogrid')` and `getDriver('lb', 'gogrid')` typed.
 * The only module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createGoGridCompute } from './compute/gogrid-compute-driver.js';
import { createGoGridLoadBalancer } from './lb/gogrid-lb-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** GoGrid servers. */
    gogrid: typeof createGoGridCompute;
  }
  interface LoadBalancerProviders {
    /** GoGrid load balancers. */
    gogrid: typeof createGoGridLoadBalancer;
  }
}

registerProvider({ id: 'gogrid', name: 'GoGrid', contractVersion: '1.0.0', compute: createGoGridCompute, lb: createGoGridLoadBalancer }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['gogrid'], lb: ['gogrid'] } as const;
