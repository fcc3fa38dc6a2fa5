/**
 * An in-memory load-balancer driver: a TEST DOUBLE, not a provider. It shows the shape of the `LoadBalancerDriver`
 * contract in its smallest correct form — input validated before any "request" (port 1–65535, a listed protocol, a
 * supported algorithm, with the error listing what is supported), stamped models, members by address or by id,
 * compute nodes attached by address, and `BalancerDoesNotExistError` for an unknown balancer.
 * Deterministic: ids and addresses count up per driver instance.
 */
import { NotFoundError, ValidationError, assertNonEmptyString, assertOwnModel, stampProvider } from '@multicloud/core';
import {
  BalancerDoesNotExistError,
  type Algorithm,
  type CallOptions,
  type ComputeNodeLike,
  type CreateBalancerOptions,
  type LoadBalancer,
  type LoadBalancerDriver,
  type Member,
  type MemberSpec,
  type UpdateBalancerOptions,
} from '@multicloud/lb';

/** The provider id of the in-memory driver. */
export const MEMORY = 'memory';

const PROTOCOLS: readonly string[] = ['http', 'tcp'];
const SUPPORTED_ALGORITHMS: readonly Algorithm[] = ['round-robin', 'random'];

interface Entry {
  balancer: LoadBalancer;
  readonly members: Map<string, Member>;
}

function validatePort(argument: string, port: unknown): asserts port is number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(argument, `must be an integer from 1 to 65535, got ${String(port)}`);
  }
}

function validateProtocol(argument: string, protocol: unknown): void {
  if (typeof protocol !== 'string' || !PROTOCOLS.includes(protocol)) {
    throw new ValidationError(argument, `"${String(protocol)}" is not supported; supported: ${PROTOCOLS.join(', ')}`);
  }
}

function validateAlgorithm(argument: string, algorithm: unknown): asserts algorithm is Algorithm {
  if (!SUPPORTED_ALGORITHMS.includes(algorithm as Algorithm)) {
    throw new ValidationError(argument, `"${String(algorithm)}" is not supported; supported: ${SUPPORTED_ALGORITHMS.join(', ')}`);
  }
}

/** The in-memory reference implementation of {@link LoadBalancerDriver}. */
export class MemoryLoadBalancerDriver implements LoadBalancerDriver {
  readonly provider: string = MEMORY;

  protected readonly entries = new Map<string, Entry>();
  private balancersCreated = 0;
  private membersCreated = 0;

  async listProtocols(options?: CallOptions): Promise<string[]> {
    options?.signal?.throwIfAborted();
    return [...PROTOCOLS];
  }

  async listSupportedAlgorithms(options?: CallOptions): Promise<Algorithm[]> {
    options?.signal?.throwIfAborted();
    return [...SUPPORTED_ALGORITHMS];
  }

  async listBalancers(options?: CallOptions): Promise<LoadBalancer[]> {
    options?.signal?.throwIfAborted();
    return [...this.entries.values()].map((entry) => entry.balancer);
  }

  async getBalancer(id: string, options?: CallOptions): Promise<LoadBalancer> {
    assertNonEmptyString('id', id);
    return this.entry(id, options).balancer;
  }

  async createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer> {
    options.signal?.throwIfAborted();
    assertNonEmptyString('options.name', options.name);
    validatePort('options.port', options.port);
    validateProtocol('options.protocol', options.protocol);
    const algorithm = options.algorithm ?? SUPPORTED_ALGORITHMS[0];
    validateAlgorithm('options.algorithm', algorithm);
    const specs = options.members ?? [];
    specs.forEach((spec, index) => this.validateSpec(`options.members[${index}]`, spec));
    const n = ++this.balancersCreated;
    const balancer = this.stamp({ id: `lb-${n}`, name: options.name, state: 'running', ip: `192.0.2.${n}`, port: options.port, protocol: options.protocol, algorithm });
    const entry: Entry = { balancer, members: new Map() };
    this.entries.set(balancer.id, entry);
    for (const spec of specs) this.addMember(entry, spec);
    return balancer;
  }

  async updateBalancer(balancer: LoadBalancer, options: UpdateBalancerOptions): Promise<LoadBalancer> {
    const entry = this.own(balancer, options);
    if (options.name !== undefined) assertNonEmptyString('options.name', options.name);
    if (options.port !== undefined) validatePort('options.port', options.port);
    if (options.protocol !== undefined) validateProtocol('options.protocol', options.protocol);
    if (options.algorithm !== undefined) validateAlgorithm('options.algorithm', options.algorithm);
    const current = entry.balancer;
    entry.balancer = this.stamp({
      id: current.id,
      name: options.name ?? current.name,
      state: current.state,
      ip: current.ip,
      port: options.port ?? current.port,
      protocol: options.protocol ?? String(current.extra.protocol),
      algorithm: options.algorithm ?? (current.extra.algorithm as Algorithm),
    });
    return entry.balancer;
  }

  async destroyBalancer(balancer: LoadBalancer, options?: CallOptions): Promise<void> {
    this.own(balancer, options);
    this.entries.delete(balancer.id);
  }

  async attachMember(balancer: LoadBalancer, member: MemberSpec, options?: CallOptions): Promise<Member> {
    const entry = this.own(balancer, options);
    this.validateSpec('member', member);
    return this.addMember(entry, member);
  }

  async attachComputeNode(balancer: LoadBalancer, node: ComputeNodeLike, options?: CallOptions & { readonly port?: number | undefined }): Promise<Member> {
    const entry = this.own(balancer, options);
    const ip = node.privateIps[0] ?? node.publicIps[0];
    if (ip === undefined) throw new ValidationError('node', `node ${node.id} has no address to balance to`);
    const port = options?.port ?? balancer.port;
    validatePort('options.port', port);
    return this.addMember(entry, { ip, port });
  }

  async detachMember(balancer: LoadBalancer, member: Member, options?: CallOptions): Promise<void> {
    const entry = this.own(balancer, options);
    assertOwnModel('member', member, MEMORY);
    if (!entry.members.delete(member.id)) {
      throw new NotFoundError({ provider: MEMORY, status: 404, providerMessage: `member ${member.id} is not in balancer ${balancer.id}` });
    }
  }

  async listMembers(balancer: LoadBalancer, options?: CallOptions): Promise<Member[]> {
    return [...this.own(balancer, options).members.values()];
  }

  private stamp(fields: Omit<LoadBalancer, 'extra'> & { readonly protocol: string; readonly algorithm: Algorithm }): LoadBalancer {
    const { protocol, algorithm, ...balancer } = fields;
    return stampProvider<LoadBalancer>({ ...balancer, extra: Object.freeze({ protocol, algorithm }) }, MEMORY);
  }

  private validateSpec(argument: string, spec: MemberSpec): void {
    if ('id' in spec) return assertNonEmptyString(`${argument}.id`, spec.id);
    assertNonEmptyString(`${argument}.ip`, spec.ip);
    validatePort(`${argument}.port`, spec.port);
  }

  private addMember(entry: Entry, spec: MemberSpec): Member {
    const member = 'id' in spec
      ? { id: spec.id, ip: '', port: entry.balancer.port, extra: Object.freeze({}) }
      : { id: `member-${++this.membersCreated}`, ip: spec.ip, port: spec.port, extra: Object.freeze({}) };
    const stamped = stampProvider<Member>(member, MEMORY);
    entry.members.set(stamped.id, stamped);
    return stamped;
  }

  /** The entry of a balancer argument, after checking it is this driver's and still exists. */
  private own(balancer: LoadBalancer, options: CallOptions | undefined): Entry {
    assertOwnModel('balancer', balancer, MEMORY);
    return this.entry(balancer.id, options);
  }

  private entry(id: string, options: CallOptions | undefined): Entry {
    options?.signal?.throwIfAborted();
    const entry = this.entries.get(id);
    if (!entry) throw new BalancerDoesNotExistError({ provider: MEMORY, status: 404, providerMessage: `balancer ${id} does not exist` });
    return entry;
  }
}
