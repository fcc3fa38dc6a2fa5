import { stampProvider } from '@multicloud/core';
import type { Algorithm, LoadBalancer, Member } from '@multicloud/lb';
import { HealthChecker } from './local-lb-health.js';
import { startListener, type Listener } from './local-lb-listener.js';
import type { LocalMember } from './local-lb-member.js';
import { MemberPool } from './local-lb-member-pool.js';
import type { ResolvedLocalLbSettings } from './local-lb-settings.js';
import type { LocalBalancerStats } from './local-lb-stats.js';
import { LOCAL_LB, type LocalLbProtocol } from './local-lb-validation.js';

/** What a balancer is started with. */
export interface BalancerSpec {
  /** Balancer id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** 0: any free port. */
  readonly port: number;
  /** What it proxies. */
  readonly protocol: LocalLbProtocol;
  /** How it chooses. */
  readonly algorithm: Algorithm;
  /** Members to start with, already checked. */
  readonly members: readonly { readonly ip: string; readonly port: number }[];
}

/** A member as the contract shows it, with its health and traffic in `extra`. */
export function memberModel(member: LocalMember): Member {
  const extra = Object.freeze({ healthy: member.healthy, inFlight: member.inFlight, requests: member.requests, failures: member.failures });
  return stampProvider<Member>({ id: member.id, ip: member.ip, port: member.port, extra }, LOCAL_LB);
}

/** One running balancer: its listener, members and health checker. */
export class RunningBalancer {
  /** Its members and counters. */
  readonly pool: MemberPool;
  private readonly health: HealthChecker | undefined;
  /** Listeners replaced by `rebind`, still finishing their requests; closed for good by `destroy`. */
  private readonly retiring = new Set<Listener>();

  private constructor(
    /** Balancer id. */
    readonly id: string,
    /** Display name (`updateBalancer` changes it). */
    public name: string,
    /** What it proxies now (`updateBalancer` changes it). */
    public protocol: LocalLbProtocol,
    private listener: Listener,
    pool: MemberPool,
    private readonly settings: ResolvedLocalLbSettings,
  ) {
    this.pool = pool;
    this.health = settings.healthCheck === false ? undefined : new HealthChecker(pool, settings.healthCheck, () => this.protocol);
    this.health?.start();
  }

  /** Starts listening, then attaches the members. @throws ValidationError when the port cannot be bound */
  static async start(spec: BalancerSpec, settings: ResolvedLocalLbSettings): Promise<RunningBalancer> {
    const pool = new MemberPool(spec.algorithm, settings.healthCheck === false ? undefined : settings.healthCheck.unhealthyThreshold);
    for (const member of spec.members) pool.add(member.ip, member.port);
    const context = { pool, upstreamTimeoutMs: settings.upstreamTimeoutMs };
    const listener = await startListener(settings.host, spec.port, spec.protocol, context);
    return new RunningBalancer(spec.id, spec.name, spec.protocol, listener, pool, settings);
  }

  /** The listening port. */
  get port(): number {
    return this.listener.port;
  }

  /** The balancer as the contract shows it. */
  model(): LoadBalancer {
    const { host } = this.settings;
    const address = host.includes(':') ? `[${host}]` : host;
    const extra = Object.freeze({ protocol: this.protocol, algorithm: this.pool.algorithm, url: `${this.protocol}://${address}:${this.port}`, members: this.pool.list().length });
    return stampProvider<LoadBalancer>({ id: this.id, name: this.name, state: 'running', ip: host, port: this.port, extra }, LOCAL_LB);
  }

  /**
   * Listens on a new port or with a new protocol. On a new port the new listener starts first, so a port that cannot
   * be bound leaves the balancer as it was; on the same port the old listener must let go of it first (and comes
   * back if the new one fails). Either way the old listener stops accepting and lets its requests finish.
   */
  async rebind(port: number, protocol: LocalLbProtocol): Promise<void> {
    const context = { pool: this.pool, upstreamTimeoutMs: this.settings.upstreamTimeoutMs };
    const previous = this.listener;
    const retire = (): void => {
      this.retiring.add(previous);
      void previous.close(false).then(() => this.retiring.delete(previous));
    };
    if (port !== previous.port) {
      this.listener = await startListener(this.settings.host, port, protocol, context);
      retire();
    } else {
      retire(); // the listening socket closes at once, freeing the port; its connections finish
      try {
        this.listener = await startListener(this.settings.host, port, protocol, context);
      } catch (error) {
        this.listener = await startListener(this.settings.host, port, this.protocol, context);
        throw error;
      }
    }
    this.protocol = protocol;
  }

  /** A snapshot of the counters. */
  stats(): LocalBalancerStats {
    return this.pool.stats(this.id);
  }

  /** Stops everything at once: probes, listeners, client and member connections. */
  async destroy(): Promise<void> {
    this.health?.stop();
    // Client connections first (each cancels its own member request), then what is left towards the members.
    const closing = [this.listener, ...this.retiring].map((listener) => listener.close(true));
    this.pool.closeAll();
    await Promise.all(closing);
    this.retiring.clear();
  }
}
