/**
 * `@multicloud/provider-cloudsigma/register`: registers the CloudSigma driver with the default registry (id
 * `cloudsigma` for compute) and makes `getDriver('compute', 'cloudsigma')` typed. The only module of this package
 * with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createCloudSigmaCompute } from './compute/cloudsigma-compute-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** CloudSigma (API 2.0, or 1.0 with `apiVersion: '1.0'`). */
    cloudsigma: typeof createCloudSigmaCompute;
  }
}

registerProvider({ id: 'cloudsigma', name: 'CloudSigma', contractVersion: '1.0.0', compute: createCloudSigmaCompute }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['cloudsigma'] } as const;
