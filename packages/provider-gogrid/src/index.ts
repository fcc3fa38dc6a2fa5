/**
 * `@multicloud/provider-gogrid`: GoGrid (API 1.8) for multicloud — compute and load balancers. This entry is pure
 * (no side effects): import a factory and you bundle that driver only. Import `@multicloud/provider-gogrid/register`
 * to register both drivers with the registry under the id `gogrid`.
 *
 * @packageDocumentation
 */
export { createGoGridCompute, type GoGridComputeDriver, type GoGridComputeSettings } from './compute/gogrid-compute-driver.js';
export type { GoGridCreateNodeOptions } from './compute/gogrid-create-node.js';
export type { GoGridComputeExtras, GoGridEditNodeOptions, GoGridListIpsOptions } from './compute/gogrid-compute-extras.js';
export { GOGRID_NODE_STATES } from './compute/gogrid-node-state.js';
export { GOGRID_SERVER_RAM_SIZES } from './compute/gogrid-sizes.js';
export { GOGRID_DATACENTER_COUNTRIES } from './compute/convert-gogrid-models.js';
export { createGoGridLoadBalancer, type GoGridLoadBalancerDriver, type GoGridLoadBalancerSettings } from './lb/gogrid-lb-driver.js';
export type { GoGridCreateBalancerOptions } from './lb/gogrid-balancers.js';
export { GOGRID_ALGORITHMS, GOGRID_BALANCER_STATES, GOGRID_PROTOCOLS } from './lb/gogrid-lb-tables.js';
export { GOGRID_LB_MESSAGE_RULES } from './lb/gogrid-lb-errors.js';
export { GOGRID_API_VERSION } from './gogrid-client.js';
export { GOGRID_ERROR_TABLE, GOGRID_MESSAGE_RULES, parseGoGridError, type GoGridMessageRule } from './gogrid-errors.js';
export type { GoGridIp, GoGridIpFilter } from './gogrid-ips.js';
export { DEFAULT_GOGRID_POLL_INTERVAL_MS, DEFAULT_GOGRID_POLL_TIMEOUT_MS, GOGRID_ENDPOINT, type GoGridSettings } from './gogrid-settings.js';
