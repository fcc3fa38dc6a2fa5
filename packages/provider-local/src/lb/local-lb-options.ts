import type { CallOptions, ComputeNodeLike, CreateBalancerOptions, LoadBalancer, LoadBalancerDriver, Member } from '@multicloud/lb';
import type { LocalBalancerStats } from './local-lb-stats.js';

/**
 * `createBalancer` options asking for any free port: the system chooses one, and the returned balancer's `port`
 * (and `extra.url`) say which. The portable `port` is then left out.
 */
export interface LocalAnyPortBalancerOptions extends Omit<CreateBalancerOptions, 'port'> {
  /** Leave out: the system chooses. */
  readonly port?: undefined;
  /** Listen on a free port the system chooses. */
  readonly exAnyPort: true;
}

/** Options of the local `createBalancer`: the portable ones (listen on `port`), or any free port. */
export type LocalCreateBalancerOptions = CreateBalancerOptions | LocalAnyPortBalancerOptions;

/** Options of the local `attachComputeNode`. */
export type LocalAttachNodeOptions = CallOptions & {
  /** Port on the node; default the node's `extra.port` (local nodes have one), then the balancer's port. */
  readonly port?: number | undefined;
};

/**
 * The local load balancer: the portable contract, run in this process, plus `ex` methods to read traffic counters and
 * to stop everything it started.
 */
export interface LocalLoadBalancerDriver extends LoadBalancerDriver {
  /**
   * Starts a balancer listening on `port` of the driver's host (or any free port with `exAnyPort: true`). An empty
   * member list is fine: requests get 503 until a member is attached.
   * @throws ValidationError for a bad port, protocol, algorithm or member (listing the supported values), or when
   * the port is taken or needs privileges
   */
  createBalancer(options: LocalCreateBalancerOptions): Promise<LoadBalancer>;
  /**
   * Attaches a compute node by its first private address (else its first public one).
   * @throws ValidationError when the node has no address or the port is bad
   */
  attachComputeNode(balancer: LoadBalancer, node: ComputeNodeLike, options?: LocalAttachNodeOptions): Promise<Member>;
  /** Requests, retries, failures and per-member traffic and health since the start or the last `exResetStats`. @throws BalancerDoesNotExistError */
  exStats(balancer: LoadBalancer): LocalBalancerStats;
  /** Zeroes the counters of `exStats` (not in-flight requests, not health). @throws BalancerDoesNotExistError */
  exResetStats(balancer: LoadBalancer): void;
  /** Destroys every balancer this driver started: listeners, connections and health probes. The driver stays usable. */
  exCloseAll(): Promise<void>;
}
