import { ValidationError, assertNonEmptyString } from '@multicloud/core';
import type { MemberSpec } from '@multicloud/lb';
import { RACKSPACE_ALGORITHMS, RACKSPACE_MEMBER_CONDITIONS, rackspaceAlgorithmName } from './rackspace-lb-states.js';

/** Longest balancer name Cloud Load Balancers accepts. */
const MAX_NAME_LENGTH = 128;

/** @throws ValidationError unless `port` is a whole number 1–65535 */
export function checkPort(argument: string, port: unknown): asserts port is number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(argument, `must be a whole number from 1 to 65535, got ${String(port)}`);
  }
}

/** @throws ValidationError for a blank or too long name */
export function checkBalancerName(argument: string, name: unknown): asserts name is string {
  assertNonEmptyString(argument, name);
  if (name.length > MAX_NAME_LENGTH) throw new ValidationError(argument, `must be at most ${MAX_NAME_LENGTH} characters`);
}

/** The Rackspace name of a portable algorithm. @throws ValidationError listing the supported ones */
export function algorithmName(argument: string, algorithm: string): string {
  const name = rackspaceAlgorithmName(algorithm);
  if (name === undefined) {
    throw new ValidationError(argument, `unsupported algorithm ${JSON.stringify(algorithm)}; Rackspace supports: ${Object.values(RACKSPACE_ALGORITHMS).join(', ')}`);
  }
  return name;
}

/** The API's spelling of a protocol. @throws ValidationError listing the protocols the API offers */
export function protocolName(argument: string, protocol: unknown, known: ReadonlyMap<string, string>): string {
  assertNonEmptyString(argument, protocol);
  const name = known.get(protocol.toLowerCase());
  if (name === undefined) {
    throw new ValidationError(argument, `unsupported protocol ${JSON.stringify(protocol)}; Rackspace supports: ${[...known.keys()].join(', ')}`);
  }
  return name;
}

/** A member spec as a node address. @throws ValidationError for an id-only spec, a blank address or a bad port */
export function checkMemberSpec(argument: string, member: MemberSpec): { address: string; port: number } {
  if (typeof member !== 'object' || member === null || !('ip' in member)) {
    throw new ValidationError(argument, 'Rackspace members are addresses: give { ip, port }');
  }
  assertNonEmptyString(`${argument}.ip`, member.ip);
  checkPort(`${argument}.port`, member.port);
  return { address: member.ip, port: member.port };
}

/** @throws ValidationError for a condition other than ENABLED, DISABLED, DRAINING */
export function checkCondition(argument: string, condition: string | undefined): void {
  if (condition !== undefined && !(RACKSPACE_MEMBER_CONDITIONS as readonly string[]).includes(condition)) {
    throw new ValidationError(argument, `must be one of ${RACKSPACE_MEMBER_CONDITIONS.join(', ')}`);
  }
}

/** @throws ValidationError unless `value` is undefined or a whole number within [min, max] */
export function checkRange(argument: string, value: number | undefined, min: number, max: number): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)) {
    throw new ValidationError(argument, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
}
