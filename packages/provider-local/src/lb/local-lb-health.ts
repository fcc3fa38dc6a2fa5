import { request } from 'node:http';
import { connect } from 'node:net';
import type { ResolvedHealthCheckSettings } from './local-lb-settings.js';
import type { LocalMember } from './local-lb-member.js';
import type { MemberPool } from './local-lb-member-pool.js';
import type { LocalLbProtocol } from './local-lb-validation.js';

/** One probe: resolves true when the member answered in time (HTTP: any status below 500; TCP: connected). */
function probe(member: LocalMember, protocol: LocalLbProtocol, settings: ResolvedHealthCheckSettings, live: Set<() => void>): Promise<boolean> {
  return new Promise((resolve) => {
    let cancel: () => void = () => {};
    const done = (healthy: boolean): void => {
      live.delete(cancel);
      cancel();
      resolve(healthy);
    };
    if (protocol === 'tcp') {
      const socket = connect({ host: member.ip, port: member.port, timeout: settings.timeoutMs });
      cancel = () => socket.destroy();
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', () => done(false));
    } else {
      // A fresh connection each time (agent: false): a probe must find out whether the member still accepts connections.
      const probeRequest = request({ host: member.ip, port: member.port, path: settings.path, agent: false, timeout: settings.timeoutMs, headers: { 'user-agent': 'multicloud-local-lb-health' } });
      cancel = () => probeRequest.destroy();
      probeRequest.once('response', (answer) => {
        answer.resume();
        done((answer.statusCode ?? 500) < 500);
      });
      probeRequest.once('timeout', () => done(false));
      probeRequest.on('error', () => done(false));
      probeRequest.end();
    }
    live.add(cancel);
  });
}

/**
 * Probes every member of a pool each `intervalMs` (one probe per member at a time) and moves its health. Timers are
 * unref'd, so probes alone never keep a process alive; `stop` cancels probes in flight.
 */
export class HealthChecker {
  private timer: NodeJS.Timeout | undefined;
  private readonly probing = new Set<LocalMember>();
  private readonly live = new Set<() => void>();

  constructor(
    private readonly pool: MemberPool,
    private readonly settings: ResolvedHealthCheckSettings,
    /** The balancer's protocol now (it can change with `updateBalancer`). */
    private readonly protocol: () => LocalLbProtocol,
  ) {}

  /** Starts probing. */
  start(): void {
    this.timer ??= setInterval(() => this.round(), this.settings.intervalMs).unref();
  }

  /** Stops probing and cancels probes in flight. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    for (const cancel of this.live) cancel();
    this.live.clear();
  }

  private round(): void {
    for (const member of this.pool.list()) {
      if (this.probing.has(member)) continue;
      this.probing.add(member);
      void probe(member, this.protocol(), this.settings, this.live).then((healthy) => {
        this.probing.delete(member);
        if (this.timer === undefined || member.detached) return;
        if (healthy) member.noteProbeSuccess(this.settings.healthyThreshold);
        else member.noteFailure(this.settings.unhealthyThreshold);
      });
    }
  }
}
