import type { Algorithm, CreateBalancerOptions, LoadBalancer, LoadBalancerDriver } from '@multicloud/lb';
import { createGoGridClient, type GoGridClient } from '../gogrid-client.js';
import { GOGRID_ERROR_TABLE } from '../gogrid-errors.js';
import { listGoGridIps, type GoGridIp, type GoGridIpFilter } from '../gogrid-ips.js';
import { GOGRID } from '../gogrid-provider.js';
import type { GoGridSettings } from '../gogrid-settings.js';
import {
  createGoGridBalancer,
  deleteGoGridBalancer,
  getGoGridBalancer,
  listGoGridBalancers,
  updateGoGridBalancer,
  type GoGridCreateBalancerOptions,
} from './gogrid-balancers.js';
import { GOGRID_LB_MESSAGE_RULES } from './gogrid-lb-errors.js';
import { GOGRID_ALGORITHMS, GOGRID_PROTOCOLS } from './gogrid-lb-tables.js';
import { attachGoGridComputeNode, attachGoGridMember, detachGoGridMember, listGoGridMembers } from './gogrid-members.js';

/** Settings of {@link createGoGridLoadBalancer}. */
export type GoGridLoadBalancerSettings = GoGridSettings;

/** The GoGrid load-balancer driver: the portable contract, GoGrid's virtual-IP options, and the account's IPs. */
export interface GoGridLoadBalancerDriver extends LoadBalancerDriver {
  /** Creates a balancer on a free public virtual IP (or `exVirtualIp`); GoGrid needs at least one member. */
  createBalancer(options: CreateBalancerOptions & GoGridCreateBalancerOptions): Promise<LoadBalancer>;
  /** Lists the account's IP addresses (`grid/ip/list`), e.g. to choose `exVirtualIp`. */
  exListIps(filter?: GoGridIpFilter): Promise<GoGridIp[]>;
}

/**
 * Creates a GoGrid load-balancer driver (API 1.8). No I/O happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createGoGridLoadBalancer } from '@multicloud/provider-gogrid';
 * const lb = createGoGridLoadBalancer(); // credentials from GOGRID_API_KEY / GOGRID_SHARED_SECRET
 * const balancer = await lb.createBalancer({ name: 'web', port: 80, protocol: 'http', members: [{ ip: '10.0.0.76', port: 80 }] });
 * ```
 * @throws ValidationError for blank credentials, a malformed endpoint or bad timings
 */
export function createGoGridLoadBalancer(settings: GoGridLoadBalancerSettings = {}): GoGridLoadBalancerDriver {
  const client: GoGridClient = createGoGridClient({ provider: GOGRID, errorTable: GOGRID_ERROR_TABLE, messageRules: GOGRID_LB_MESSAGE_RULES }, settings);
  return {
    provider: GOGRID,
    listProtocols: async () => [...GOGRID_PROTOCOLS],
    listSupportedAlgorithms: async () => Object.keys(GOGRID_ALGORITHMS) as Algorithm[],
    listBalancers: (options) => listGoGridBalancers(client, options),
    getBalancer: (id, options) => getGoGridBalancer(client, id, options),
    createBalancer: (options) => createGoGridBalancer(client, options),
    updateBalancer: (balancer, options) => updateGoGridBalancer(client, balancer, options),
    destroyBalancer: (balancer, options) => deleteGoGridBalancer(client, balancer, options),
    attachMember: (balancer, member, options) => attachGoGridMember(client, balancer, member, options),
    attachComputeNode: (balancer, node, options) => attachGoGridComputeNode(client, balancer, node, options),
    detachMember: (balancer, member, options) => detachGoGridMember(client, balancer, member, options),
    listMembers: (balancer, options) => listGoGridMembers(client, balancer, options),
    exListIps: (filter) => listGoGridIps(client, filter),
  };
}
