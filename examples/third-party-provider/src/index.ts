/**
 * `multicloud-provider-ocean`: an example third-party provider for multicloud — compute on Ocean, a fictional
 * cloud with a DigitalOcean-style JSON API. This entry is pure (no side effects); import
 * `multicloud-provider-ocean/register` to register the driver with the registry of `@multicloud/core`.
 *
 * @packageDocumentation
 */
export { createOceanCompute, type OceanComputeDriver } from './ocean-compute-driver.js';
export { OCEAN_ENDPOINT, OCEAN_REGIONS, type OceanComputeSettings } from './ocean-settings.js';
export type { OceanCreateNodeOptions, OceanDropletAction } from './ocean-droplets.js';
export { OCEAN_ERROR_TABLE } from './ocean-errors.js';
export { OCEAN_NODE_STATES } from './ocean-node-state.js';
export { oceanKeyFingerprint } from './ocean-keys.js';
export { OCEAN_CONTRACT_VERSION } from './ocean-contract.js';
