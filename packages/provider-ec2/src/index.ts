/**
 * `@multicloud/provider-ec2`: Amazon Web Services for multicloud: EC2 compute, S3 storage, ELB load balancers. This entry is pure (no side effects): import
 * a factory and you bundle that driver only. Import `@multicloud/provider-ec2/register` to register the drivers
 * with the registry.
 *
 * @packageDocumentation
 */
export { createEc2Compute, EC2_API_VERSION, type Ec2ComputeDriver, type Ec2ComputeSettings } from './compute/ec2-compute-driver.js';
export type { Ec2CreateNodeOptions } from './compute/ec2-nodes.js';
export type { Ec2ListImagesOptions } from './compute/ec2-resources.js';
export type { Ec2ElasticIp, Ec2Extras, Ec2IngressRule, Ec2SecurityGroup } from './compute/ec2-extras.js';
export { EC2_ERROR_TABLE } from './compute/ec2-errors.js';
export { EC2_NODE_STATES } from './compute/ec2-node-state.js';
export { EC2_INSTANCE_TYPES } from './compute/ec2-instance-types.js';
export { AWS_REGIONS, awsServiceEndpoint, isAwsRegion, type AwsRegion } from './aws/aws-regions.js';
export type { AwsSettings } from './aws/aws-settings.js';
export { createElb, ELB_API_VERSION, type ElbCreateBalancerOptions, type ElbDriver, type ElbSettings } from './elb/elb-driver.js';
export type { ElbExtras, ElbHealthCheck, ElbPolicy } from './elb/elb-extras.js';
export type { ElbListener } from './elb/convert-elb-balancer.js';
export { ELB_ERROR_TABLE } from './elb/elb-errors.js';
export { ELB_ALGORITHMS, ELB_PROTOCOLS } from './elb/elb-validation.js';
export { createS3Storage, type S3StorageDriver } from './s3/s3-storage-driver.js';
export type { S3Settings } from './s3/s3-client.js';
export { S3_ERROR_TABLE } from './s3/s3-errors.js';
export { encodeS3Key } from './s3/s3-addressing.js';
