/** Provider-specific fields a model keeps as they came. */
export type Extra = Readonly<Record<string, unknown>>;

/** Balancing algorithms, portable across clouds; each driver says which it supports. */
export const ALGORITHMS = [
  'random', 'round-robin', 'least-connections', 'weighted-round-robin', 'weighted-least-connections', 'shortest-response', 'persistent-ip',
] as const;

/** A portable balancing algorithm (see {@link ALGORITHMS}). */
export type Algorithm = (typeof ALGORITHMS)[number];

/** Portable balancer states. */
export const BALANCER_STATES = ['running', 'pending', 'unknown', 'error', 'deleted'] as const;

/** A portable balancer state (see {@link BALANCER_STATES}). */
export type BalancerState = (typeof BALANCER_STATES)[number];

/** A load balancer. */
export interface LoadBalancer {
  /** Provider id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Portable state. */
  readonly state: BalancerState;
  /** The virtual IP (or DNS name where the cloud gives no IP). */
  readonly ip: string;
  /** The listening port. */
  readonly port: number;
  /** Provider fields. */
  readonly extra: Extra;
}

/** A balancer member (a back-end server). */
export interface Member {
  /** Provider id (an instance id where the cloud balances instances). */
  readonly id: string;
  /** Address traffic is sent to (empty where members are instance ids). */
  readonly ip: string;
  /** Port traffic is sent to. */
  readonly port: number;
  /** Provider fields (condition, weight, …). */
  readonly extra: Extra;
}

/** A member to attach: an address and port, or an existing resource id (an EC2 instance for ELB). */
export type MemberSpec = { readonly ip: string; readonly port: number } | { readonly id: string };

/**
 * The part of a compute node `attachComputeNode` needs. Structural, so this package does not depend on
 * `@multicloud/compute`; any compute `Node` fits.
 */
export interface ComputeNodeLike {
  /** Node id. */
  readonly id: string;
  /** Public addresses. */
  readonly publicIps: readonly string[];
  /** Private addresses. */
  readonly privateIps: readonly string[];
  /** The provider that made the node. */
  readonly provider: string;
}
