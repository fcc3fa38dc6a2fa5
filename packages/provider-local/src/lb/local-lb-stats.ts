/** Traffic and health of one member, as `exStats` reports it. */
export interface LocalMemberStats {
  /** Member id, `ip:port`. */
  readonly id: string;
  /** Member address. */
  readonly ip: string;
  /** Member port. */
  readonly port: number;
  /** Attempts sent to it (retries included) since the balancer started or `exResetStats`. */
  readonly requests: number;
  /** Of those, attempts that failed: refused, reset, timed out or cut mid-response. */
  readonly failures: number;
  /** Requests (or `tcp` connections) being proxied to it right now. */
  readonly inFlight: number;
  /** Whether it is in rotation (health checks and failed attempts decide). */
  readonly healthy: boolean;
}

/** Traffic of one balancer, as `exStats` reports it. */
export interface LocalBalancerStats {
  /** Balancer id. */
  readonly balancerId: string;
  /** Client requests (or `tcp` connections) received. */
  readonly requests: number;
  /** Attempts repeated on another member after one failed before it could have acted on the request. */
  readonly retries: number;
  /** Client requests answered with an error by the balancer itself (502, 503, 504) or cut short. */
  readonly failures: number;
  /** Per-member counters, in attachment order. */
  readonly members: readonly LocalMemberStats[];
}
