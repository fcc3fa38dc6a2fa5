/**
 * `@multicloud/provider-cloudsigma`: CloudSigma for multicloud, over API 2.0 (JSON, the default) or the deprecated
 * API 1.0 (plain-text key/value bodies). This entry is pure (no side effects); import
 * `@multicloud/provider-cloudsigma/register` to register the driver with the registry.
 *
 * @packageDocumentation
 */
export { createCloudSigmaCompute, type CloudSigmaComputeDriver } from './compute/cloudsigma-compute-driver.js';
export type { CloudSigmaApiVersion, CloudSigmaComputeSettings } from './compute/cloudsigma-settings.js';
export { CLOUDSIGMA_REGIONS, CLOUDSIGMA_V1_REGIONS, type CloudSigmaRegion } from './compute/cloudsigma-regions.js';
export {
  CLOUDSIGMA_SIZE_PRESETS,
  type CloudSigmaServerShapeOptions,
  type CloudSigmaSizePreset,
} from './compute/cloudsigma-sizes.js';
export type { CloudSigmaV2ComputeDriver } from './v2/cloudsigma-v2-driver.js';
export type { CloudSigmaV2CreateNodeOptions } from './v2/cloudsigma-v2-create-node.js';
export type { CloudSigmaListImagesOptions } from './v2/cloudsigma-v2-drives.js';
export type { CloudSigmaV2Extras } from './v2/cloudsigma-v2-extras.js';
export type { CloudSigmaStartOptions } from './v2/cloudsigma-v2-nodes.js';
export type { CloudSigmaDestroyOptions } from './compute/cloudsigma-destroy-options.js';
export { CLOUDSIGMA_V2_ERROR_TABLE } from './v2/cloudsigma-v2-errors.js';
export { CLOUDSIGMA_V2_NODE_STATES } from './v2/cloudsigma-v2-node-state.js';
export type { CloudSigmaV1ComputeDriver } from './v1/cloudsigma-v1-driver.js';
export type { CloudSigmaV1CreateNodeOptions } from './v1/cloudsigma-v1-create-node.js';
export type { CloudSigmaV1Extras } from './v1/cloudsigma-v1-extras.js';
export { CLOUDSIGMA_V1_NODE_STATES } from './v1/cloudsigma-v1-node-state.js';
export {
  formatCloudSigmaText,
  parseCloudSigmaEntries,
  parseCloudSigmaText,
  type CloudSigmaTextEntries,
  type CloudSigmaTextSource,
} from './v1/cloudsigma-text-codec.js';
