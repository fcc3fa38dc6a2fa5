import { ValidationError, assertNonEmptyString } from '@multicloud/core';
import type { Algorithm, MemberSpec } from '@multicloud/lb';
import { GOGRID_ALGORITHMS, GOGRID_PROTOCOLS } from './gogrid-lb-tables.js';

/** An address-and-port member, the only kind GoGrid balances. */
export interface GoGridRealIp {
  /** Address of the back-end server. */
  readonly ip: string;
  /** Its port. */
  readonly port: number;
}

/** Checks a port (1–65535). @throws ValidationError naming `argument` */
export function validatePort(argument: string, port: unknown): asserts port is number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(argument, `must be a whole number from 1 to 65535, got ${String(port)}`);
  }
}

/** Checks a protocol against GoGrid's. @throws ValidationError listing the supported ones */
export function validateProtocol(argument: string, protocol: unknown): void {
  if (typeof protocol !== 'string' || !GOGRID_PROTOCOLS.includes(protocol)) {
    throw new ValidationError(argument, `GoGrid does not balance "${String(protocol)}"; supported: ${GOGRID_PROTOCOLS.join(', ')}`);
  }
}

/** GoGrid's `loadbalancer.type` for a portable algorithm. @throws ValidationError listing the supported ones */
export function goGridAlgorithmValue(argument: string, algorithm: Algorithm): string {
  const value = Object.hasOwn(GOGRID_ALGORITHMS, algorithm) ? GOGRID_ALGORITHMS[algorithm] : undefined;
  if (value === undefined) {
    throw new ValidationError(argument, `GoGrid does not support the algorithm "${String(algorithm)}"; supported: ${Object.keys(GOGRID_ALGORITHMS).join(', ')}`);
  }
  return value;
}

/** Checks one member: GoGrid balances addresses and ports, not resource ids. @throws ValidationError */
export function validateRealIp(argument: string, member: MemberSpec): GoGridRealIp {
  if (member === null || typeof member !== 'object' || !('ip' in member)) {
    throw new ValidationError(argument, 'GoGrid balances addresses: give { ip, port }, not a resource id');
  }
  assertNonEmptyString(`${argument}.ip`, member.ip);
  validatePort(`${argument}.port`, member.port);
  return { ip: member.ip, port: member.port };
}

/** Checks a member list: GoGrid needs at least one real IP per balancer. @throws ValidationError */
export function validateRealIps(argument: string, members: readonly MemberSpec[] | undefined): GoGridRealIp[] {
  if (members === undefined || members.length === 0) {
    throw new ValidationError(argument, 'GoGrid needs at least one member (real IP) per balancer');
  }
  return members.map((member, index) => validateRealIp(`${argument}[${index}]`, member));
}

/** GoGrid's `realiplist.N.ip` / `realiplist.N.port` parameters for a member list. */
export function realIpParams(members: readonly GoGridRealIp[]): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  members.forEach((member, index) => {
    params[`realiplist.${index}.ip`] = member.ip;
    params[`realiplist.${index}.port`] = member.port;
  });
  return params;
}
