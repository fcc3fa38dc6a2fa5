/**
 * `@multicloud/provider-ec2/register`: registers the AWS drivers with the default registry (`ec2` for compute, `s3` for storage, `elb` for load balancers)
 * and makes `getDriver('compute', 'ec2')` typed. The only module of this package with a side effect.
 *
 * @packageDocumentation
 */
import { registerProvider } from '@multicloud/core';
import { createEc2Compute } from './compute/ec2-compute-driver.js';
import { createElb } from './elb/elb-driver.js';
import { createS3Storage } from './s3/s3-storage-driver.js';

declare module '@multicloud/core' {
  interface ComputeProviders {
    /** Amazon EC2. */
    ec2: typeof createEc2Compute;
  }
  interface StorageProviders {
    /** Amazon S3 (and S3-compatible services through `endpoint`). */
    s3: typeof createS3Storage;
  }
  interface LoadBalancerProviders {
    /** Amazon Elastic Load Balancing (classic). */
    elb: typeof createElb;
  }
}

registerProvider({ id: 'ec2', name: 'Amazon EC2', contractVersion: '1.0.0', compute: createEc2Compute }, { replace: true });
registerProvider({ id: 's3', name: 'Amazon S3', contractVersion: '1.0.0', storage: createS3Storage }, { replace: true });
registerProvider({ id: 'elb', name: 'Amazon Elastic Load Balancing', contractVersion: '1.0.0', lb: createElb }, { replace: true });

/** The registry ids this entry registers. */
export const REGISTERED = { compute: ['ec2'], storage: ['s3'], lb: ['elb'] } as const;
