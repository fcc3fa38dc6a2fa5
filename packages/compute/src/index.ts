/**
 * `@multicloud/compute`: the portable compute contract (nodes, images, sizes, locations, volumes, key pairs) that
 * every compute provider implements.
 *
 * @packageDocumentation
 */
export type {
  CallOptions,
  ComputeDriver,
  ComputeFeatures,
  CreateNodeOptions,
  CreateVolumeOptions,
  ListOptions,
  NodeAuth,
} from './compute-driver.js';
export { NODE_STATES, type Extra, type KeyPair, type Node, type NodeImage, type NodeLocation, type NodeSize, type NodeState, type Volume } from './models.js';
export { DeploymentError, KeyPairDoesNotExistError, NodeDoesNotExistError } from './compute-errors.js';
export { unsupported } from './unsupported.js';
export {
  DEFAULT_WAIT_INTERVAL_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  waitUntilRunning,
  type NodeLister,
  type WaitUntilRunningOptions,
} from './wait/wait-until-running.js';
export {
  FileDeployment,
  MultiStepDeployment,
  ScriptDeployment,
  SshKeyDeployment,
  type Deployment,
  type DeploymentStep,
  type FileDeploymentOptions,
  type ScriptDeploymentOptions,
  type SshKeyDeploymentOptions,
} from './deploy/deployment.js';
export type {
  CommandResult,
  DeploymentChannel,
  DeploymentChannelFactory,
  DeploymentChannelFactoryOptions,
  RunCommandOptions,
  UploadOptions,
  UploadSource,
} from './deploy/deployment-channel.js';
export type { DeploymentResult, DeploymentStepResult } from './deploy/deployment-result.js';
export { DeploymentStepError } from './deploy/deployment-step-error.js';
export { runDeployment } from './deploy/run-deployment.js';
export { DEFAULT_SSH_CONNECT_TIMEOUT_MS, DEFAULT_SSH_READY_TIMEOUT_MS, type SshOptions } from './deploy/ssh-options.js';
export { deployNode, type DeployDriver, type DeployNodeOptions } from './deploy/deploy-node.js';
