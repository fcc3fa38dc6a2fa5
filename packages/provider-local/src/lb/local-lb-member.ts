import { Agent } from 'node:http';
import { memberId } from './local-lb-validation.js';

/**
 * A member of a running local balancer: its address, its keep-alive connections, its counters and its health.
 * Health moves on consecutive results: `unhealthyThreshold` failures take it out, `healthyThreshold` successful
 * probes put it back.
 */
export class LocalMember {
  /** `ip:port`. */
  readonly id: string;
  /** Keep-alive connections to this member only, so detaching it can close them. */
  readonly agent = new Agent({ keepAlive: true });
  /** Requests (or connections) being proxied to it now. */
  inFlight = 0;
  /** Attempts sent to it since the last reset. */
  requests = 0;
  /** Attempts that failed (refused, reset, timed out, cut mid-response) since the last reset. */
  failures = 0;
  /** In rotation. */
  healthy = true;
  /** Set by `detachMember`: no new traffic; its connections close once the last request is done. */
  detached = false;
  private failuresInARow = 0;
  private successesInARow = 0;

  constructor(
    /** Address traffic goes to. */
    readonly ip: string,
    /** Port traffic goes to. */
    readonly port: number,
  ) {
    this.id = memberId(ip, port);
  }

  /** Counts one attempt starting. */
  acquire(): void {
    this.inFlight += 1;
    this.requests += 1;
  }

  /** Counts one attempt over; closes the connections of a detached member once idle. */
  release(): void {
    this.inFlight -= 1;
    if (this.detached && this.inFlight === 0) this.agent.destroy();
  }

  /** Takes the member out of rotation for good, letting in-flight requests finish. */
  detach(): void {
    this.detached = true;
    if (this.inFlight === 0) this.agent.destroy();
  }

  /** A probe or a proxied attempt failed; `threshold` undefined means health is not tracked. */
  noteFailure(threshold: number | undefined): void {
    this.successesInARow = 0;
    this.failuresInARow += 1;
    if (threshold !== undefined && this.failuresInARow >= threshold) this.healthy = false;
  }

  /** A probe succeeded: back in rotation after `threshold` in a row. */
  noteProbeSuccess(threshold: number): void {
    this.failuresInARow = 0;
    this.successesInARow += 1;
    if (!this.healthy && this.successesInARow >= threshold) this.healthy = true;
  }

  /** A proxied attempt succeeded: it clears the failure streak of a healthy member (only probes bring one back). */
  noteProxySuccess(): void {
    if (this.healthy) this.failuresInARow = 0;
  }
}
