import { ValidationError, assertNonEmptyString } from '@multicloud/core';

/** How the local balancer probes its members. */
export interface LocalHealthCheckSettings {
  /** Time between two probes of a member, ms. Default 1000. */
  readonly intervalMs?: number | undefined;
  /** How long a probe may take before it counts as a failure, ms. Default 1000. */
  readonly timeoutMs?: number | undefined;
  /** Path an `http` balancer GETs; any answer below 500 is healthy. Default `/`. `tcp` balancers only connect. */
  readonly path?: string | undefined;
  /** Consecutive failures (probes or proxied connections) that take a member out. Default 2. */
  readonly unhealthyThreshold?: number | undefined;
  /** Consecutive successful probes that put a member back. Default 2. */
  readonly healthyThreshold?: number | undefined;
}

/** Settings of `createLocalLoadBalancer`. */
export interface LocalLoadBalancerSettings {
  /** Address balancers listen on and report as their `ip`. Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /**
   * Health checking. `false` turns it off: members then stay in rotation whatever happens (a failed attempt is still
   * retried on another member).
   */
  readonly healthCheck?: LocalHealthCheckSettings | false | undefined;
  /** How long a member may stay silent (no response headers, or no next body chunk) before the balancer gives up, ms. Default 30000. */
  readonly upstreamTimeoutMs?: number | undefined;
}

/** Health-check settings with every default filled in. */
export interface ResolvedHealthCheckSettings {
  /** See {@link LocalHealthCheckSettings.intervalMs}. */
  readonly intervalMs: number;
  /** See {@link LocalHealthCheckSettings.timeoutMs}. */
  readonly timeoutMs: number;
  /** See {@link LocalHealthCheckSettings.path}. */
  readonly path: string;
  /** See {@link LocalHealthCheckSettings.unhealthyThreshold}. */
  readonly unhealthyThreshold: number;
  /** See {@link LocalHealthCheckSettings.healthyThreshold}. */
  readonly healthyThreshold: number;
}

/** Settings with every default filled in. */
export interface ResolvedLocalLbSettings {
  /** See {@link LocalLoadBalancerSettings.host}. */
  readonly host: string;
  /** See {@link LocalLoadBalancerSettings.healthCheck}. */
  readonly healthCheck: ResolvedHealthCheckSettings | false;
  /** See {@link LocalLoadBalancerSettings.upstreamTimeoutMs}. */
  readonly upstreamTimeoutMs: number;
}

function positiveInteger(argument: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1) throw new ValidationError(argument, `must be a whole number of at least 1, got ${String(value)}`);
  return result;
}

/** Fills in defaults and checks every setting. @throws ValidationError naming the setting */
export function resolveLocalLbSettings(settings: LocalLoadBalancerSettings): ResolvedLocalLbSettings {
  const host = settings.host ?? '127.0.0.1';
  assertNonEmptyString('host', host);
  const upstreamTimeoutMs = positiveInteger('upstreamTimeoutMs', settings.upstreamTimeoutMs, 30_000);
  const check = settings.healthCheck;
  if (check === false) return { host, healthCheck: false, upstreamTimeoutMs };
  const path = check?.path ?? '/';
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ValidationError('healthCheck.path', `must start with "/", got ${String(path)}`);
  return {
    host,
    upstreamTimeoutMs,
    healthCheck: {
      intervalMs: positiveInteger('healthCheck.intervalMs', check?.intervalMs, 1000),
      timeoutMs: positiveInteger('healthCheck.timeoutMs', check?.timeoutMs, 1000),
      path,
      unhealthyThreshold: positiveInteger('healthCheck.unhealthyThreshold', check?.unhealthyThreshold, 2),
      healthyThreshold: positiveInteger('healthCheck.healthyThreshold', check?.healthyThreshold, 2),
    },
  };
}
