import { NotFoundError, ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { BalancerDoesNotExistError, type CallOptions, type ComputeNodeLike, type LoadBalancer, type Member, type MemberSpec } from '@multicloud/lb';
import { requireList } from '../identity/json-fields.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { convertRackspaceMember } from './convert-rackspace-balancer.js';
import { balancerPath, writeAndWait, type LbContext } from './rackspace-lb-context.js';
import type { RackspaceMemberCondition } from './rackspace-lb-states.js';
import { checkCondition, checkMemberSpec, checkPort, checkRange } from './rackspace-lb-validation.js';

/** Rackspace-only options of `attachMember`. */
export interface RackspaceAttachMemberOptions extends CallOptions {
  /** Condition of the new member; default `ENABLED`. */
  readonly exCondition?: RackspaceMemberCondition | undefined;
  /** Weight 1–100 for the weighted algorithms. */
  readonly exWeight?: number | undefined;
}

/** What `exUpdateMember` changes. */
export interface RackspaceMemberUpdate extends CallOptions {
  /** New condition: `ENABLED`, `DISABLED` or `DRAINING`. */
  readonly condition?: RackspaceMemberCondition | undefined;
  /** New weight, 1–100. */
  readonly weight?: number | undefined;
}

/** Lists a balancer's members (`GET /loadbalancers/<id>/nodes`). */
export async function listRackspaceMembers(context: LbContext, balancer: LoadBalancer, options: CallOptions = {}): Promise<Member[]> {
  assertOwnModel('balancer', balancer, RACKSPACE);
  const answer = await context.service.call('GET', balancerPath(balancer.id, '/nodes'), { signal: options.signal, notFound: BalancerDoesNotExistError });
  return requireList(answer, 'nodes').map(convertRackspaceMember);
}

/** Adds a member (`POST /loadbalancers/<id>/nodes`, 202) and waits until the balancer is active again. */
export async function attachRackspaceMember(context: LbContext, balancer: LoadBalancer, spec: MemberSpec, options: RackspaceAttachMemberOptions = {}): Promise<Member> {
  assertOwnModel('balancer', balancer, RACKSPACE);
  const { address, port } = checkMemberSpec('member', spec);
  checkCondition('options.exCondition', options.exCondition);
  checkRange('options.exWeight', options.exWeight, 1, 100);
  const node = { address, port, condition: options.exCondition ?? 'ENABLED', ...(options.exWeight === undefined ? {} : { weight: options.exWeight }) };
  const { answer } = await writeAndWait(context, balancer, 'POST', '/nodes', { signal: options.signal, body: { nodes: [node] } });
  const added = requireList(answer, 'nodes').map(convertRackspaceMember);
  const member = added.find((candidate) => candidate.ip === address && candidate.port === port) ?? added[0];
  if (!member) throw new ValidationError('member', `the service added no node for ${address}:${port}`);
  return member;
}

/**
 * The address a compute node is balanced at. A Rackspace server: its first private IPv4 (ServiceNet, free of
 * bandwidth charges), else its first public one. A node of another cloud: its public address only.
 */
function memberAddress(node: ComputeNodeLike): string | undefined {
  const ipv4 = (ips: readonly string[]) => ips.find((ip) => /^\d{1,3}(\.\d{1,3}){3}$/.test(ip));
  if (node.provider !== RACKSPACE) return ipv4(node.publicIps) ?? node.publicIps[0];
  return ipv4(node.privateIps) ?? ipv4(node.publicIps) ?? node.privateIps[0] ?? node.publicIps[0];
}

/** Adds a compute node as a member, on `options.port` or the balancer's port. */
export async function attachRackspaceComputeNode(
  context: LbContext,
  balancer: LoadBalancer,
  node: ComputeNodeLike,
  options: CallOptions & { readonly port?: number | undefined } = {},
): Promise<Member> {
  assertNonEmptyString('node.id', node?.id);
  const ip = memberAddress(node);
  if (ip === undefined) throw new ValidationError('node', `node ${node.id} has no address to balance to`);
  const port = options.port ?? balancer.port;
  checkPort('options.port', port);
  return attachRackspaceMember(context, balancer, { ip, port }, { signal: options.signal });
}

/** Removes a member (`DELETE /loadbalancers/<id>/nodes/<member>`, 202) and waits until the balancer is active again. */
export async function detachRackspaceMember(context: LbContext, balancer: LoadBalancer, member: Member, options: CallOptions = {}): Promise<void> {
  assertOwnModel('member', member, RACKSPACE);
  await writeAndWait(context, balancer, 'DELETE', `/nodes/${encodeURIComponent(member.id)}`, { signal: options.signal, notFound: NotFoundError });
}

/** Changes a member's condition or weight (`PUT /loadbalancers/<id>/nodes/<member>`, 202) and waits. */
export async function updateRackspaceMember(context: LbContext, balancer: LoadBalancer, member: Member, update: RackspaceMemberUpdate): Promise<void> {
  assertOwnModel('member', member, RACKSPACE);
  checkCondition('update.condition', update.condition);
  checkRange('update.weight', update.weight, 1, 100);
  if (update.condition === undefined && update.weight === undefined) throw new ValidationError('update', 'give a condition or a weight');
  const node = { ...(update.condition === undefined ? {} : { condition: update.condition }), ...(update.weight === undefined ? {} : { weight: update.weight }) };
  await writeAndWait(context, balancer, 'PUT', `/nodes/${encodeURIComponent(member.id)}`, { signal: update.signal, body: { node } });
}

