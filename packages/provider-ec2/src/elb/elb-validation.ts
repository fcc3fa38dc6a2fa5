import { ValidationError } from '@multicloud/core';
import type { Algorithm, MemberSpec } from '@multicloud/lb';

/** Protocols a classic ELB listener speaks. */
export const ELB_PROTOCOLS = ['http', 'https', 'tcp', 'ssl'] as const;
/** Algorithms a classic ELB offers (it balances round robin; there is no choice). */
export const ELB_ALGORITHMS: readonly Algorithm[] = ['round-robin'];

/** Checks a port. @throws ValidationError */
export function checkPort(argument: string, port: unknown): asserts port is number {
  if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65_535) {
    throw new ValidationError(argument, `must be a whole number from 1 to 65535, got ${String(port)}`);
  }
}

/** Checks a protocol against ELB's. @throws ValidationError listing the supported ones */
export function checkProtocol(argument: string, protocol: unknown): string {
  const lower = String(protocol).toLowerCase();
  if (!(ELB_PROTOCOLS as readonly string[]).includes(lower)) {
    throw new ValidationError(argument, `ELB does not support protocol "${String(protocol)}"; supported: ${ELB_PROTOCOLS.join(', ')}`);
  }
  return lower;
}

/** Checks an algorithm against ELB's. @throws ValidationError listing the supported ones */
export function checkAlgorithm(argument: string, algorithm: unknown): void {
  if (algorithm !== undefined && !ELB_ALGORITHMS.includes(algorithm as Algorithm)) {
    throw new ValidationError(argument, `ELB does not support algorithm "${String(algorithm)}"; supported: ${ELB_ALGORITHMS.join(', ')}`);
  }
}

/** Checks an ELB name: 1–32 letters, digits and dashes, not starting or ending with a dash. @throws ValidationError */
export function checkBalancerName(argument: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || !/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/.test(name)) {
    throw new ValidationError(argument, 'must be 1–32 letters, digits and dashes, neither starting nor ending with a dash');
  }
}

/** The instance id of a member spec: ELB members are EC2 instances. @throws ValidationError for an address member */
export function instanceIdOf(argument: string, member: MemberSpec): string {
  if (!('id' in member) || typeof member.id !== 'string' || member.id === '') {
    throw new ValidationError(argument, 'ELB members are EC2 instances: give { id: "i-…" }, not an address');
  }
  return member.id;
}
