import { NotFoundError, ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { BalancerDoesNotExistError, type Algorithm, type CallOptions, type LoadBalancer, type MemberSpec } from '@multicloud/lb';
import { RunningBalancer, memberModel } from './local-lb-balancer.js';
import type { LocalCreateBalancerOptions, LocalLoadBalancerDriver } from './local-lb-options.js';
import { resolveLocalLbSettings, type LocalLoadBalancerSettings } from './local-lb-settings.js';
import { LOCAL_LB, LOCAL_LB_ALGORITHMS, LOCAL_LB_PROTOCOLS, checkAlgorithm, checkPort, checkProtocol, memberAddress } from './local-lb-validation.js';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1']);
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** The port a compute node's own server listens on, when its driver says (local nodes keep it in `extra.port`). */
function nodePort(node: unknown): number | undefined {
  const port = (node as { extra?: { port?: unknown } } | undefined)?.extra?.port;
  return typeof port === 'number' ? port : undefined;
}

/** Refuses a member that is the balancer itself: every request would loop back into it. */
function checkNotItself(argument: string, host: string, balancerPort: number, ip: string, port: number): void {
  const sameHost = ip === host || (LOOPBACK_NAMES.has(ip) && (LOOPBACK_NAMES.has(host) || WILDCARDS.has(host)));
  if (sameHost && port === balancerPort) throw new ValidationError(argument, `${ip}:${port} is the balancer itself; requests would loop`);
}

/**
 * Creates the local load-balancer driver: real HTTP (and TCP) balancers running in this process on `127.0.0.1`, with
 * the `round-robin`, `random` and `least-connections` algorithms, live member changes, health checks, retries on
 * another member, streaming bodies and `X-Forwarded-*` headers. No I/O until `createBalancer`.
 *
 * @example
 * ```ts
 * const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 500 } });
 * const balancer = await lb.createBalancer({ name: 'web', exAnyPort: true, protocol: 'http', members: [{ ip: '127.0.0.1', port: 8081 }] });
 * await fetch(String(balancer.extra.url));
 * await lb.exCloseAll();
 * ```
 * @throws ValidationError for bad settings
 */
export function createLocalLoadBalancer(settings: LocalLoadBalancerSettings = {}): LocalLoadBalancerDriver {
  const resolved = resolveLocalLbSettings(settings);
  const balancers = new Map<string, RunningBalancer>();
  let created = 0;

  const find = (id: string, options?: CallOptions): RunningBalancer => {
    options?.signal?.throwIfAborted();
    const running = balancers.get(id);
    if (!running) throw new BalancerDoesNotExistError({ provider: LOCAL_LB, status: 404, providerMessage: `balancer ${id} does not exist` });
    return running;
  };
  const own = (balancer: LoadBalancer, options?: CallOptions): RunningBalancer => {
    assertOwnModel('balancer', balancer, LOCAL_LB);
    return find(balancer.id, options);
  };
  const attach = (running: RunningBalancer, argument: string, spec: MemberSpec) => {
    const { ip, port } = memberAddress(argument, spec);
    checkNotItself(argument, resolved.host, running.port, ip, port);
    const member = running.pool.add(ip, port);
    if (!member) throw new ValidationError(argument, `${ip}:${port} is already a member of balancer ${running.id}`);
    return memberModel(member);
  };

  return {
    provider: LOCAL_LB,
    listProtocols: async (options) => (options?.signal?.throwIfAborted(), [...LOCAL_LB_PROTOCOLS]),
    listSupportedAlgorithms: async (options): Promise<Algorithm[]> => (options?.signal?.throwIfAborted(), [...LOCAL_LB_ALGORITHMS]),
    listBalancers: async (options) => (options?.signal?.throwIfAborted(), [...balancers.values()].map((running) => running.model())),
    getBalancer: async (id, options) => {
      assertNonEmptyString('id', id);
      return find(id, options).model();
    },

    async createBalancer(options: LocalCreateBalancerOptions) {
      options.signal?.throwIfAborted();
      assertNonEmptyString('options.name', options.name);
      const anyPort = 'exAnyPort' in options && options.exAnyPort === true;
      if (anyPort && options.port !== undefined) throw new ValidationError('options.port', 'leave it out with exAnyPort: true');
      if (!anyPort) checkPort('options.port', options.port);
      const protocol = checkProtocol('options.protocol', options.protocol);
      const algorithm = options.algorithm ?? (LOCAL_LB_ALGORITHMS[0] as Algorithm);
      checkAlgorithm('options.algorithm', algorithm);
      const members = (options.members ?? []).map((spec, index) => memberAddress(`options.members[${index}]`, spec));
      const ids = new Set(members.map(({ ip, port }) => `${ip}:${port}`));
      if (ids.size !== members.length) throw new ValidationError('options.members', 'lists the same address twice');
      if (!anyPort) members.forEach(({ ip, port }, index) => checkNotItself(`options.members[${index}]`, resolved.host, options.port as number, ip, port));
      const id = `local-lb-${++created}`;
      const running = await RunningBalancer.start({ id, name: options.name, port: anyPort ? 0 : (options.port as number), protocol, algorithm, members }, resolved);
      balancers.set(id, running);
      return running.model();
    },

    async updateBalancer(balancer, options) {
      const running = own(balancer, options);
      if (options.name !== undefined) assertNonEmptyString('options.name', options.name);
      if (options.port !== undefined) checkPort('options.port', options.port);
      const protocol = options.protocol === undefined ? running.protocol : checkProtocol('options.protocol', options.protocol);
      if (options.algorithm !== undefined) checkAlgorithm('options.algorithm', options.algorithm);
      const port = options.port ?? running.port;
      if (port !== running.port || protocol !== running.protocol) await running.rebind(port, protocol);
      if (options.name !== undefined) running.name = options.name;
      if (options.algorithm !== undefined) running.pool.algorithm = options.algorithm;
      return running.model();
    },

    async destroyBalancer(balancer, options) {
      const running = own(balancer, options);
      balancers.delete(running.id);
      await running.destroy();
    },

    attachMember: async (balancer, member, options) => attach(own(balancer, options), 'member', member),

    async attachComputeNode(balancer, node, options) {
      const running = own(balancer, options);
      if (node === null || typeof node !== 'object') throw new ValidationError('node', 'is required');
      const ip = node.privateIps?.[0] ?? node.publicIps?.[0];
      if (ip === undefined) throw new ValidationError('node', `node ${String(node.id)} has no address to balance to`);
      const port = options?.port ?? nodePort(node) ?? running.port;
      checkPort('options.port', port);
      return attach(running, 'node', { ip, port });
    },

    async detachMember(balancer, member, options) {
      const running = own(balancer, options);
      assertOwnModel('member', member, LOCAL_LB);
      const found = running.pool.get(member.id);
      if (!found) throw new NotFoundError({ provider: LOCAL_LB, status: 404, providerMessage: `member ${member.id} is not in balancer ${running.id}` });
      running.pool.remove(found);
    },

    listMembers: async (balancer, options) => own(balancer, options).pool.list().map(memberModel),
    exStats: (balancer) => own(balancer).stats(),
    exResetStats: (balancer) => own(balancer).pool.resetStats(),

    async exCloseAll() {
      const all = [...balancers.values()];
      balancers.clear();
      await Promise.all(all.map((running) => running.destroy()));
    },
  };
}
