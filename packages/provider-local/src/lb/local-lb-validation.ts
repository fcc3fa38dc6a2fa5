import { ValidationError, assertNonEmptyString } from '@multicloud/core';
import type { Algorithm, MemberSpec } from '@multicloud/lb';
import { LOCAL } from '../local-root.js';

/** The provider id of the local load balancer: the package's `local`. */
export const LOCAL_LB: string = LOCAL;

/** Protocols the local balancer speaks: `http` (a reverse proxy) and `tcp` (a byte pipe). */
export const LOCAL_LB_PROTOCOLS = ['http', 'tcp'] as const;

/** A protocol of the local balancer (see {@link LOCAL_LB_PROTOCOLS}). */
export type LocalLbProtocol = (typeof LOCAL_LB_PROTOCOLS)[number];

/** Algorithms the local balancer implements; the first is the default. */
export const LOCAL_LB_ALGORITHMS: readonly Algorithm[] = ['round-robin', 'random', 'least-connections'];

/** Checks a port: a whole number from 1 to 65535. @throws ValidationError */
export function checkPort(argument: string, port: unknown): asserts port is number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(argument, `must be a whole number from 1 to 65535, got ${String(port)}`);
  }
}

/** Checks a protocol against the local balancer's. @throws ValidationError listing the supported ones */
export function checkProtocol(argument: string, protocol: unknown): LocalLbProtocol {
  const lower = typeof protocol === 'string' ? protocol.toLowerCase() : '';
  if (!(LOCAL_LB_PROTOCOLS as readonly string[]).includes(lower)) {
    throw new ValidationError(argument, `protocol "${String(protocol)}" is not supported; supported: ${LOCAL_LB_PROTOCOLS.join(', ')}`);
  }
  return lower as LocalLbProtocol;
}

/** Checks an algorithm against the local balancer's. @throws ValidationError listing the supported ones */
export function checkAlgorithm(argument: string, algorithm: unknown): asserts algorithm is Algorithm {
  if (!LOCAL_LB_ALGORITHMS.includes(algorithm as Algorithm)) {
    throw new ValidationError(argument, `algorithm "${String(algorithm)}" is not supported; supported: ${LOCAL_LB_ALGORITHMS.join(', ')}`);
  }
}

/** The id of a member at `ip:port` (IPv6 addresses in brackets). */
export function memberId(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/**
 * The address of a member spec: `{ ip, port }`, or `{ id: 'ip:port' }` (the id this driver gives members).
 * @throws ValidationError for a blank address, a bad port or an id that is not `ip:port`
 */
export function memberAddress(argument: string, spec: MemberSpec): { readonly ip: string; readonly port: number } {
  if (spec === null || typeof spec !== 'object') throw new ValidationError(argument, 'must be { ip, port } or { id: "ip:port" }');
  if ('id' in spec) {
    assertNonEmptyString(`${argument}.id`, spec.id);
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(spec.id);
    if (!match) throw new ValidationError(`${argument}.id`, `local members are addresses: expected "ip:port", got "${spec.id}"`);
    const port = Number(match[2]);
    checkPort(`${argument}.id`, port);
    return { ip: match[1] as string, port };
  }
  assertNonEmptyString(`${argument}.ip`, spec.ip);
  checkPort(`${argument}.port`, spec.port);
  return { ip: spec.ip, port: spec.port };
}
