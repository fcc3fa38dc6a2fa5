/**
 * `@multicloud/provider-local/register`: registers the local drivers with the default registry under the id `local`
 * (storage, compute and load balancer) and makes `getDriver(api, 'local')` typed. The only
 * module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createLocalCompute } from './compute/local-compute-driver.js';
import { createLocalStorage } from './storage/local-storage-driver.js';
import { createLocalLoadBalancer } from './lb/local-lb-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Local nodes: supervised process groups on this machine. */
    local: typeof createLocalCompute;
  }
  interface StorageProviders {
    /** Local storage: containers are folders, objects are files. */
    local: typeof createLocalStorage;
  }
  interface LoadBalancerProviders {
    /** The local load balancer: a real HTTP/TCP balancer in this process, on 127.0.0.1. */
    local: typeof createLocalLoadBalancer;
  }
}

registerProvider({
  id: 'local',
  name: 'Local (this machine)',
  contractVersion: '1.0.0',
  compute: createLocalCompute,
  storage: createLocalStorage,
  lb: createLocalLoadBalancer,
}, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['local'], storage: ['local'], lb: ['local'] } as const;
