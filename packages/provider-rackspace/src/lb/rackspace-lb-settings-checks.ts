import { ValidationError, assertNonEmptyString } from '@multicloud/core';
import { checkRange } from './rackspace-lb-validation.js';

/** A health monitor: `CONNECT` checks the port; `HTTP`/`HTTPS` also request `path` and match the answer. */
export interface RackspaceHealthMonitor {
  /** `CONNECT`, `HTTP` or `HTTPS`. */
  readonly type: 'CONNECT' | 'HTTP' | 'HTTPS';
  /** Seconds between checks, 1–3600. */
  readonly delay: number;
  /** Seconds to wait for a connection, 1–300. */
  readonly timeout: number;
  /** Failed checks before a member is taken out of rotation, 1–10. */
  readonly attemptsBeforeDeactivation: number;
  /** HTTP(S) only: the path to request, starting with `/`. */
  readonly path?: string | undefined;
  /** HTTP(S) only: regular expression the status code must match, e.g. `^[234][0-9][0-9]$`. */
  readonly statusRegex?: string | undefined;
  /** HTTP(S) only: regular expression the body must match. */
  readonly bodyRegex?: string | undefined;
  /** HTTP(S) only: the Host header to send. */
  readonly hostHeader?: string | undefined;
}

/** Connection throttling per client IP; 0 means unlimited where allowed. */
export interface RackspaceConnectionThrottle {
  /** Connections per IP before throttling applies, 0–1000. */
  readonly minConnections?: number | undefined;
  /** Most connections per IP, 0–100000. */
  readonly maxConnections?: number | undefined;
  /** Most new connections per IP within `rateInterval`, 0–100000. */
  readonly maxConnectionRate?: number | undefined;
  /** Seconds over which `maxConnectionRate` counts, 1–3600. */
  readonly rateInterval?: number | undefined;
}

/** @throws ValidationError naming the faulty field */
export function checkHealthMonitor(monitor: RackspaceHealthMonitor): void {
  if (typeof monitor !== 'object' || monitor === null) throw new ValidationError('monitor', 'is required');
  if (!['CONNECT', 'HTTP', 'HTTPS'].includes(monitor.type)) throw new ValidationError('monitor.type', "must be 'CONNECT', 'HTTP' or 'HTTPS'");
  for (const [field, min, max] of [['delay', 1, 3600], ['timeout', 1, 300], ['attemptsBeforeDeactivation', 1, 10]] as const) {
    if (monitor[field] === undefined) throw new ValidationError(`monitor.${field}`, 'is required');
    checkRange(`monitor.${field}`, monitor[field], min, max);
  }
  if (monitor.type === 'CONNECT') {
    if (monitor.path !== undefined || monitor.statusRegex !== undefined || monitor.bodyRegex !== undefined) {
      throw new ValidationError('monitor', 'path, statusRegex and bodyRegex apply to HTTP and HTTPS monitors only');
    }
    return;
  }
  assertNonEmptyString('monitor.path', monitor.path);
  if (!monitor.path.startsWith('/')) throw new ValidationError('monitor.path', 'must start with /');
}

/** @throws ValidationError naming the faulty field */
export function checkThrottle(throttle: RackspaceConnectionThrottle): void {
  if (typeof throttle !== 'object' || throttle === null) throw new ValidationError('throttle', 'is required');
  checkRange('throttle.minConnections', throttle.minConnections, 0, 1000);
  checkRange('throttle.maxConnections', throttle.maxConnections, 0, 100_000);
  checkRange('throttle.maxConnectionRate', throttle.maxConnectionRate, 0, 100_000);
  checkRange('throttle.rateInterval', throttle.rateInterval, 1, 3600);
  if (Object.values(throttle).every((value) => value === undefined)) throw new ValidationError('throttle', 'give at least one limit');
}
