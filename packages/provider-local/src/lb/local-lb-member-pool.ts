import type { Algorithm } from '@multicloud/lb';
import { createPicker, type MemberPicker } from './local-lb-algorithms.js';
import { LocalMember } from './local-lb-member.js';
import type { LocalBalancerStats } from './local-lb-stats.js';

/**
 * The members of one balancer and the choice among them: healthy members first, unhealthy ones only when no healthy
 * one is left (a balancer whose every member failed a probe still tries them rather than refusing everything), never
 * one already tried for the same request. Also keeps the balancer-wide counters.
 */
export class MemberPool {
  private readonly members = new Map<string, LocalMember>();
  private picker: MemberPicker;
  /** Client requests (or connections) received. */
  requests = 0;
  /** Attempts repeated on another member. */
  retries = 0;
  /** Client requests the balancer answered with an error or cut short. */
  failures = 0;

  constructor(
    private currentAlgorithm: Algorithm,
    /** Failures in a row that take a member out; undefined: health is not tracked. */
    readonly unhealthyThreshold: number | undefined,
  ) {
    this.picker = createPicker(currentAlgorithm);
  }

  /** The algorithm in use. */
  get algorithm(): Algorithm {
    return this.currentAlgorithm;
  }

  /** Switches algorithm; requests already routed are not affected. */
  set algorithm(algorithm: Algorithm) {
    this.currentAlgorithm = algorithm;
    this.picker = createPicker(algorithm);
  }

  /** The members in rotation, in attachment order. */
  list(): LocalMember[] {
    return [...this.members.values()];
  }

  /** The member with this id, if attached. */
  get(id: string): LocalMember | undefined {
    return this.members.get(id);
  }

  /** Adds a member; undefined when one with the same address is already attached. */
  add(ip: string, port: number): LocalMember | undefined {
    const member = new LocalMember(ip, port);
    if (this.members.has(member.id)) return undefined;
    this.members.set(member.id, member);
    return member;
  }

  /** Takes a member out; its in-flight requests finish. */
  remove(member: LocalMember): void {
    this.members.delete(member.id);
    member.detach();
  }

  /** The next member for a request that already tried `tried`, or undefined when none is left. */
  choose(tried: ReadonlySet<LocalMember>): LocalMember | undefined {
    const untried = this.list().filter((member) => !tried.has(member));
    const healthy = untried.filter((member) => member.healthy);
    const candidates = healthy.length > 0 ? healthy : untried;
    return candidates.length > 0 ? this.picker(candidates) : undefined;
  }

  /** An attempt on `member` failed. */
  noteFailure(member: LocalMember): void {
    member.failures += 1;
    member.noteFailure(this.unhealthyThreshold);
  }

  /** Closes every member's connections at once, in-flight ones included. */
  closeAll(): void {
    for (const member of this.members.values()) {
      member.detached = true;
      member.agent.destroy();
    }
    this.members.clear();
  }

  /** A snapshot of the counters. */
  stats(balancerId: string): LocalBalancerStats {
    return {
      balancerId,
      requests: this.requests,
      retries: this.retries,
      failures: this.failures,
      members: this.list().map(({ id, ip, port, requests, failures, inFlight, healthy }) => ({ id, ip, port, requests, failures, inFlight, healthy })),
    };
  }

  /** Zeroes the counters (not in-flight requests, not health). */
  resetStats(): void {
    this.requests = 0;
    this.retries = 0;
    this.failures = 0;
    for (const member of this.members.values()) {
      member.requests = 0;
      member.failures = 0;
    }
  }
}
