import { MalformedResponseError, NotFoundError, ValidationError, assertOwnModel } from '@multicloud/core';
import { BalancerDoesNotExistError, type CallOptions, type ComputeNodeLike, type LoadBalancer, type Member, type MemberSpec } from '@multicloud/lb';
import type { GoGridClient } from '../gogrid-client.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridMembers } from './convert-gogrid-balancer.js';
import { getGoGridBalancerObject } from './gogrid-balancers.js';
import { realIpParams, validatePort, validateRealIp, type GoGridRealIp } from './gogrid-lb-validation.js';

/** Lists a balancer's members (its real IPs, from `grid/loadbalancer/get`). */
export async function listGoGridMembers(client: GoGridClient, balancer: LoadBalancer, options: CallOptions = {}): Promise<Member[]> {
  assertOwnModel('balancer', balancer, GOGRID);
  return convertGoGridMembers(await getGoGridBalancerObject(client, balancer.id, options.signal));
}

/** Rewrites a balancer's real-IP list (`grid/loadbalancer/edit`) and returns the members GoGrid reports. */
async function editRealIps(client: GoGridClient, balancer: LoadBalancer, members: readonly GoGridRealIp[], signal: AbortSignal | undefined): Promise<Member[]> {
  const answer = await client.call('grid/loadbalancer/edit', { id: balancer.id, ...realIpParams(members) }, {
    signal, mutating: true, notFound: BalancerDoesNotExistError,
  });
  const [edited] = answer.list;
  if (edited === undefined) throw new MalformedResponseError({ provider: GOGRID, body: JSON.stringify(answer.document), reason: 'grid/loadbalancer/edit answered no balancer' });
  return convertGoGridMembers(edited);
}

const sameMember = (a: GoGridRealIp, b: GoGridRealIp): boolean => a.ip === b.ip && a.port === b.port;

/**
 * Adds a member: GoGrid has no per-member call, so the balancer's current real-IP list plus the new one is sent
 * as a whole (`grid/loadbalancer/edit`). A member that is already there is returned without an edit.
 * @throws BalancerImmutableError while an earlier change is pending
 */
export async function attachGoGridMember(client: GoGridClient, balancer: LoadBalancer, member: MemberSpec, options: CallOptions = {}): Promise<Member> {
  assertOwnModel('balancer', balancer, GOGRID);
  const wanted = validateRealIp('member', member);
  const current = await listGoGridMembers(client, balancer, options);
  const existing = current.find((candidate) => sameMember(candidate, wanted));
  if (existing !== undefined) return existing;
  const edited = await editRealIps(client, balancer, [...current, wanted], options.signal);
  const attached = edited.find((candidate) => sameMember(candidate, wanted));
  if (attached === undefined) {
    throw new MalformedResponseError({ provider: GOGRID, body: JSON.stringify(edited), reason: `grid/loadbalancer/edit answered without the new member ${wanted.ip}:${wanted.port}` });
  }
  return attached;
}

/** Adds a compute node by its first public (else private) address, on `options.port` or the balancer's port. */
export async function attachGoGridComputeNode(
  client: GoGridClient,
  balancer: LoadBalancer,
  node: ComputeNodeLike,
  options: CallOptions & { readonly port?: number | undefined } = {},
): Promise<Member> {
  const ip = node?.publicIps?.[0] ?? node?.privateIps?.[0];
  if (ip === undefined) throw new ValidationError('node', 'has no IP address to balance to');
  const port = options.port ?? balancer.port;
  validatePort('options.port', port);
  return attachGoGridMember(client, balancer, { ip, port }, options);
}

/**
 * Removes a member by rewriting the real-IP list without it. GoGrid keeps at least one real IP per balancer, so
 * removing the last one is refused before any change (destroy the balancer instead).
 * @throws NotFoundError when the member is not (or no longer) on the balancer
 */
export async function detachGoGridMember(client: GoGridClient, balancer: LoadBalancer, member: Member, options: CallOptions = {}): Promise<void> {
  assertOwnModel('balancer', balancer, GOGRID);
  const leaving = validateRealIp('member', member);
  const current = await listGoGridMembers(client, balancer, options);
  const remaining = current.filter((existing) => !sameMember(existing, leaving));
  if (remaining.length === current.length) {
    throw new NotFoundError({ provider: GOGRID, status: 0, providerMessage: `${leaving.ip}:${leaving.port} is not a member of load balancer ${balancer.id}` });
  }
  if (remaining.length === 0) {
    throw new ValidationError('member', `is the last member of load balancer ${balancer.id}; GoGrid needs at least one real IP (destroy the balancer instead)`);
  }
  await editRealIps(client, balancer, remaining, options.signal);
}
