import { ValidationError, assertNonEmptyString, assertOwnModel, collect, paginate } from '@multicloud/core';
import { BalancerDoesNotExistError, type CallOptions, type CreateBalancerOptions, type LoadBalancer, type UpdateBalancerOptions } from '@multicloud/lb';
import { requireId, requireList, requireRecord } from '../identity/json-fields.js';
import { nextMarker } from '../identity/next-marker.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { convertRackspaceBalancer } from './convert-rackspace-balancer.js';
import { balancerPath, waitUntilActive, writeAndWait, type LbContext } from './rackspace-lb-context.js';
import { algorithmName, checkBalancerName, checkMemberSpec, checkPort, protocolName } from './rackspace-lb-validation.js';

/** Rackspace-only options of `listBalancers`. */
export interface RackspaceListBalancersOptions extends CallOptions {
  /** Only balancers that have a member (node) with this address. */
  readonly exMemberAddress?: string | undefined;
}

/** Rackspace-only options of `createBalancer`. */
export interface RackspaceCreateBalancerOptions {
  /** `PUBLIC` (default) or `SERVICENET` (reachable only inside Rackspace's network). */
  readonly exVirtualIpType?: 'PUBLIC' | 'SERVICENET' | undefined;
}

/** Page size of balancer listings. */
const PAGE_SIZE = 100;

/** Lists balancers (`GET /loadbalancers?limit=…&marker=…`, following `links`). */
export function listRackspaceBalancers(context: LbContext, options: RackspaceListBalancersOptions = {}): Promise<LoadBalancer[]> {
  if (options.exMemberAddress !== undefined) assertNonEmptyString('options.exMemberAddress', options.exMemberAddress);
  return collect(paginate(async (marker) => {
    const query = { limit: PAGE_SIZE, marker, nodeaddress: options.exMemberAddress };
    const answer = await context.service.call('GET', '/loadbalancers', { signal: options.signal, query });
    return { items: requireList(answer, 'loadBalancers').map(convertRackspaceBalancer), next: nextMarker(answer, 'links') };
  }));
}

/** Gets a balancer with its details. @throws BalancerDoesNotExistError */
export async function getRackspaceBalancer(context: LbContext, id: string, options: CallOptions = {}): Promise<LoadBalancer> {
  assertNonEmptyString('id', id);
  const answer = await context.service.call('GET', balancerPath(id), { signal: options.signal, notFound: BalancerDoesNotExistError });
  return convertRackspaceBalancer(requireRecord(answer, 'loadBalancer'));
}

/**
 * Creates a balancer (`POST /loadbalancers`, answered 202 with status `BUILD`) and waits until it is active.
 * Everything but the protocol is checked before any request; the protocol against the API's list (fetched once).
 */
export async function createRackspaceBalancer(context: LbContext, options: CreateBalancerOptions & RackspaceCreateBalancerOptions): Promise<LoadBalancer> {
  checkBalancerName('options.name', options.name);
  checkPort('options.port', options.port);
  const algorithm = options.algorithm === undefined ? undefined : algorithmName('options.algorithm', options.algorithm);
  const members = options.members ?? [];
  if (members.length === 0) throw new ValidationError('options.members', 'Rackspace needs at least one member to create a balancer');
  const nodes = members.map((member, index) => ({ ...checkMemberSpec(`options.members[${index}]`, member), condition: 'ENABLED' }));
  const vipType = options.exVirtualIpType ?? 'PUBLIC';
  if (vipType !== 'PUBLIC' && vipType !== 'SERVICENET') throw new ValidationError('options.exVirtualIpType', "must be 'PUBLIC' or 'SERVICENET'");
  const protocol = protocolName('options.protocol', options.protocol, await context.protocols(options.signal));
  const loadBalancer = {
    name: options.name, port: options.port, protocol, ...(algorithm === undefined ? {} : { algorithm }), virtualIps: [{ type: vipType }], nodes,
  };
  const answer = await context.service.call('POST', '/loadbalancers', { signal: options.signal, body: { loadBalancer } });
  const id = requireId(answer, requireRecord(answer, 'loadBalancer'));
  return convertRackspaceBalancer(await waitUntilActive(context, id, options.signal));
}

/** Changes name, port, protocol or algorithm (`PUT /loadbalancers/<id>`, 202) and waits until it is active. */
export async function updateRackspaceBalancer(context: LbContext, balancer: LoadBalancer, options: UpdateBalancerOptions): Promise<LoadBalancer> {
  assertOwnModel('balancer', balancer, RACKSPACE);
  if (options.name !== undefined) checkBalancerName('options.name', options.name);
  if (options.port !== undefined) checkPort('options.port', options.port);
  const algorithm = options.algorithm === undefined ? undefined : algorithmName('options.algorithm', options.algorithm);
  if ([options.name, options.port, options.protocol, options.algorithm].every((value) => value === undefined)) {
    throw new ValidationError('options', 'give at least one of name, port, protocol, algorithm');
  }
  const protocol = options.protocol === undefined ? undefined : protocolName('options.protocol', options.protocol, await context.protocols(options.signal));
  const loadBalancer = Object.fromEntries(Object.entries({ name: options.name, port: options.port, protocol, algorithm }).filter(([, value]) => value !== undefined));
  const { active } = await writeAndWait(context, balancer, 'PUT', '', { signal: options.signal, body: { loadBalancer } });
  return convertRackspaceBalancer(active);
}

/** Deletes a balancer (`DELETE /loadbalancers/<id>`, 202). It does not wait: a deleted balancer has nothing to wait for. */
export async function destroyRackspaceBalancer(context: LbContext, balancer: LoadBalancer, options: CallOptions = {}): Promise<void> {
  assertOwnModel('balancer', balancer, RACKSPACE);
  await context.service.call('DELETE', balancerPath(balancer.id), { signal: options.signal, notFound: BalancerDoesNotExistError });
}
