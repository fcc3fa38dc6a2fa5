/**
 * `@multicloud/provider-bluebox`: Blue Box Blocks for multicloud. This entry is pure (no side effects); import
 * `@multicloud/provider-bluebox/register` to register the driver with the registry.
 *
 * @packageDocumentation
 */
export { createBlueboxCompute, type BlueboxComputeDriver } from './compute/bluebox-compute-driver.js';
export { BLUEBOX_ENDPOINT, type BlueboxComputeSettings } from './compute/bluebox-settings.js';
export type { BlueboxCreateNodeOptions } from './compute/bluebox-nodes.js';
export { BLUEBOX_NODE_STATES } from './compute/bluebox-node-state.js';
export { BLUEBOX_PRODUCT_SHAPES, type BlueboxProductShape } from './compute/bluebox-products.js';
