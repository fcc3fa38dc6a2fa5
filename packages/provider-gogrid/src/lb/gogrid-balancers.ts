import { MalformedResponseError, UnsupportedOperationError, assertNonEmptyString, assertOwnModel, pollUntil } from '@multicloud/core';
import { BalancerDoesNotExistError, type CallOptions, type CreateBalancerOptions, type LoadBalancer, type UpdateBalancerOptions } from '@multicloud/lb';
import type { GoGridClient } from '../gogrid-client.js';
import { firstFreePublicIp } from '../gogrid-ips.js';
import { GOGRID } from '../gogrid-provider.js';
import { textField, type GoGridObject } from '../gogrid-fields.js';
import { convertGoGridBalancer } from './convert-gogrid-balancer.js';
import { explainFailedAdd } from './gogrid-lb-errors.js';
import { GOGRID_DEFAULT_ALGORITHM } from './gogrid-lb-tables.js';
import { goGridAlgorithmValue, realIpParams, validatePort, validateProtocol, validateRealIps } from './gogrid-lb-validation.js';

/** GoGrid-only options of `createBalancer`. */
export interface GoGridCreateBalancerOptions {
  /** The virtual IP to listen on; default: the account's first unassigned public address (of `exDatacenterId`). */
  readonly exVirtualIp?: string | undefined;
  /** Data center (id, e.g. `1` for US-West-1) to take the virtual IP from when `exVirtualIp` is not given. */
  readonly exDatacenterId?: string | undefined;
}

/** Lists balancers (`grid/loadbalancer/list`). */
export async function listGoGridBalancers(client: GoGridClient, options: CallOptions = {}): Promise<LoadBalancer[]> {
  const answer = await client.call('grid/loadbalancer/list', {}, { signal: options.signal });
  return answer.list.map(convertGoGridBalancer);
}

/** The raw balancer object (`grid/loadbalancer/get?id=`). @throws BalancerDoesNotExistError */
export async function getGoGridBalancerObject(client: GoGridClient, id: string, signal: AbortSignal | undefined): Promise<GoGridObject> {
  const answer = await client.call('grid/loadbalancer/get', { id }, { signal, notFound: BalancerDoesNotExistError });
  // GoGrid answers the asked-for balancer; one with the same id is preferred should it ever answer more.
  const item = answer.list.find((candidate) => textField(candidate, 'id') === id) ?? answer.list[0];
  if (item === undefined) throw new BalancerDoesNotExistError({ provider: GOGRID, status: 200, providerMessage: `load balancer ${id} does not exist` });
  return item;
}

/** Gets one balancer. @throws BalancerDoesNotExistError */
export async function getGoGridBalancer(client: GoGridClient, id: string, options: CallOptions = {}): Promise<LoadBalancer> {
  assertNonEmptyString('id', id);
  return convertGoGridBalancer(await getGoGridBalancerObject(client, id, options.signal));
}

/**
 * Adds a balancer (`grid/loadbalancer/add`) on a free public virtual IP with at least one real IP. When GoGrid
 * answers without an id yet, waits (every `pollIntervalMs`, at most `pollTimeoutMs`) until the listing shows it.
 * @throws ValidationError for a blank name, a bad port, protocol or algorithm, or no members — before any request
 */
export async function createGoGridBalancer(client: GoGridClient, options: CreateBalancerOptions & GoGridCreateBalancerOptions): Promise<LoadBalancer> {
  assertNonEmptyString('options.name', options.name);
  validatePort('options.port', options.port);
  validateProtocol('options.protocol', options.protocol);
  const type = goGridAlgorithmValue('options.algorithm', options.algorithm ?? GOGRID_DEFAULT_ALGORITHM);
  const members = validateRealIps('options.members', options.members);
  if (options.exVirtualIp !== undefined) assertNonEmptyString('options.exVirtualIp', options.exVirtualIp);
  const { signal } = options;
  const virtualIp = options.exVirtualIp ?? await firstFreePublicIp(client, options.exDatacenterId, signal);
  const answer = await client.call('grid/loadbalancer/add', {
    name: options.name,
    'loadbalancer.type': type,
    'virtualip.ip': virtualIp,
    'virtualip.port': options.port,
    ...realIpParams(members),
  }, { signal, mutating: true }).catch((error: unknown) => {
    throw explainFailedAdd(error);
  });
  const [added] = answer.list;
  if (added === undefined) throw new MalformedResponseError({ provider: GOGRID, body: JSON.stringify(answer.document), reason: 'grid/loadbalancer/add answered no balancer' });
  const balancer = convertGoGridBalancer(added);
  if (balancer.id !== '') return balancer;
  return pollUntil(async (pollSignal) => {
    const balancers = await listGoGridBalancers(client, { signal: pollSignal });
    return balancers.find((candidate) => candidate.id !== '' && candidate.name === options.name);
  }, { provider: GOGRID, what: `load balancer ${options.name} to get an id`, intervalMs: client.pollIntervalMs, timeoutMs: client.pollTimeoutMs, signal });
}

/** Deletes a balancer (`grid/loadbalancer/delete`). @throws BalancerImmutableError while a change is pending */
export async function deleteGoGridBalancer(client: GoGridClient, balancer: LoadBalancer, options: CallOptions = {}): Promise<void> {
  assertOwnModel('balancer', balancer, GOGRID);
  await client.call('grid/loadbalancer/delete', { id: balancer.id }, { signal: options.signal, mutating: true, notFound: BalancerDoesNotExistError });
}

/**
 * "Updates" a balancer: GoGrid can change only a balancer's members (`grid/loadbalancer/edit`), so a request that
 * leaves name, port, protocol and algorithm as they are returns the balancer as it is now, and any real change is
 * refused with `UnsupportedOperationError` (recreate the balancer instead).
 */
export async function updateGoGridBalancer(client: GoGridClient, balancer: LoadBalancer, options: UpdateBalancerOptions): Promise<LoadBalancer> {
  assertOwnModel('balancer', balancer, GOGRID);
  if (options.name !== undefined) assertNonEmptyString('options.name', options.name);
  if (options.port !== undefined) validatePort('options.port', options.port);
  if (options.protocol !== undefined) validateProtocol('options.protocol', options.protocol);
  if (options.algorithm !== undefined) goGridAlgorithmValue('options.algorithm', options.algorithm);
  const changes = [
    options.name !== undefined && options.name !== balancer.name ? 'name' : undefined,
    options.port !== undefined && options.port !== balancer.port ? 'port' : undefined,
    options.algorithm !== undefined && options.algorithm !== balancer.extra.algorithm ? 'algorithm' : undefined,
  ].filter((change) => change !== undefined);
  if (changes.length > 0) {
    throw new UnsupportedOperationError({
      provider: GOGRID,
      operation: 'updateBalancer',
      reason: `GoGrid can change only a balancer's members, not its ${changes.join(', ')}; create a new balancer instead`,
    });
  }
  return getGoGridBalancer(client, balancer.id, options);
}
