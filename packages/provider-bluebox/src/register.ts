/**
 * `@multicloud/provider-bluebox/register`: registers the Blue Box driver with the default registry (id `bluebox`
 * for compute) and makes `getDriver('compute', 'bluebox')` typed. The only module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createBlueboxCompute } from './compute/bluebox-compute-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Blue Box Blocks. */
    bluebox: typeof createBlueboxCompute;
  }
}

registerProvider({ id: 'bluebox', name: 'Blue Box Blocks', contractVersion: '1.0.0', compute: createBlueboxCompute }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['bluebox'] } as const;
