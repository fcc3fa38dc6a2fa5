/**
 * `multicloud-provider-ocean/register`: registers the Ocean driver with the default registry of
 * `@multicloud/core` (id `ocean`, compute) and makes `getDriver('compute', 'ocean')` typed. The only module of this
 * package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { OCEAN_CONTRACT_VERSION } from './ocean-contract.js';
import { createOceanCompute } from './ocean-compute-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Ocean droplets (an example third-party provider). */
    ocean: typeof createOceanCompute;
  }
}

registerProvider({ id: 'ocean', name: 'Ocean', contractVersion: OCEAN_CONTRACT_VERSION, compute: createOceanCompute }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['ocean'] } as const;
