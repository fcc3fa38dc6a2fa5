import type { Algorithm, ComputeNodeLike, LoadBalancer, Member, MemberSpec } from './models.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call, including waits for the balancer to become active again. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of `createBalancer`. */
export interface CreateBalancerOptions extends CallOptions {
  /** Display name. */
  readonly name: string;
  /** Listening port, 1–65535. */
  readonly port: number;
  /** Protocol, one of `listProtocols()`. */
  readonly protocol: string;
  /** Algorithm, one of `listSupportedAlgorithms()`; default: the cloud's default. */
  readonly algorithm?: Algorithm | undefined;
  /** Members to start with (required by clouds that need at least one). */
  readonly members?: readonly MemberSpec[] | undefined;
}

/** Options of `updateBalancer`: what to change. */
export interface UpdateBalancerOptions extends CallOptions {
  /** New name. */
  readonly name?: string | undefined;
  /** New port. */
  readonly port?: number | undefined;
  /** New protocol. */
  readonly protocol?: string | undefined;
  /** New algorithm. */
  readonly algorithm?: Algorithm | undefined;
}

/** The portable load-balancer API every load-balancer driver implements. */
export interface LoadBalancerDriver {
  /** Provider id, e.g. `elb`. */
  readonly provider: string;

  /** Protocols this cloud balances, lower case (e.g. `http`, `tcp`). */
  listProtocols(options?: CallOptions): Promise<string[]>;
  /** Algorithms this cloud supports. */
  listSupportedAlgorithms(options?: CallOptions): Promise<Algorithm[]>;
  /** Lists balancers. */
  listBalancers(options?: CallOptions): Promise<LoadBalancer[]>;
  /** Gets a balancer. @throws BalancerDoesNotExistError */
  getBalancer(id: string, options?: CallOptions): Promise<LoadBalancer>;
  /** Creates a balancer. @throws ValidationError for a bad port, protocol or algorithm (listing the supported ones) */
  createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer>;
  /** Changes a balancer; waits until the cloud has applied the change. */
  updateBalancer(balancer: LoadBalancer, options: UpdateBalancerOptions): Promise<LoadBalancer>;
  /** Destroys a balancer. */
  destroyBalancer(balancer: LoadBalancer, options?: CallOptions): Promise<void>;
  /** Adds a member. */
  attachMember(balancer: LoadBalancer, member: MemberSpec, options?: CallOptions): Promise<Member>;
  /** Adds a compute node as a member (by address, or by instance id where the cloud wants that). */
  attachComputeNode(balancer: LoadBalancer, node: ComputeNodeLike, options?: CallOptions & { readonly port?: number | undefined }): Promise<Member>;
  /** Removes a member. */
  detachMember(balancer: LoadBalancer, member: Member, options?: CallOptions): Promise<void>;
  /** Lists a balancer's members. */
  listMembers(balancer: LoadBalancer, options?: CallOptions): Promise<Member[]>;
}
