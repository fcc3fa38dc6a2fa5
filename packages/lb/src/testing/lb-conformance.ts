import { ValidationError } from '@multicloud/core';
import { check, checkRejects, type ConformanceCheck } from '@multicloud/core/testing';
import { BalancerDoesNotExistError } from '../lb-errors.js';
import type { LoadBalancerDriver } from '../lb-driver.js';
import { ALGORITHMS, BALANCER_STATES, type LoadBalancer, type MemberSpec } from '../models.js';

/** What the lb kit needs to know about the driver under test. */
export interface LoadBalancerConformanceOptions {
  /** Provider id the driver must report. */
  readonly provider: string;
  /** Builds a driver wired to replay recordings or a live test server. Called once per check. */
  readonly createDriver: () => LoadBalancerDriver | Promise<LoadBalancerDriver>;
  /** Name of the balancer the round trip creates. Default `multicloud-conformance`. */
  readonly balancerName?: string | undefined;
  /** Port and protocol for it. Default 80 / `http`. */
  readonly port?: number | undefined;
  /** Protocol for it. Default `http`. */
  readonly protocol?: string | undefined;
  /** Members to create it with and one more to attach. */
  readonly members: readonly MemberSpec[];
  /** The member attached after creation. */
  readonly extraMember: MemberSpec;
  /** An id the provider answers "no such balancer" for; omit to skip that check. */
  readonly missingBalancerId?: string | undefined;
}

function checkBalancer(balancer: LoadBalancer): void {
  check(typeof balancer.id === 'string' && balancer.id !== '', 'balancer id must be a non-empty string');
  check((BALANCER_STATES as readonly string[]).includes(balancer.state), `balancer ${balancer.id}: state "${balancer.state}" is not portable`);
  check(Number.isInteger(balancer.port), `balancer ${balancer.id}: port must be an integer`);
  check(typeof balancer.ip === 'string', `balancer ${balancer.id}: ip must be a string`);
}

/** The portable behaviour every lb driver must show: listings, a balancer/member round trip, typed errors, validation. */
export function loadBalancerConformanceChecks(options: LoadBalancerConformanceOptions): ConformanceCheck[] {
  const withDriver = (name: string, run: (driver: LoadBalancerDriver) => Promise<void>): ConformanceCheck => ({
    name,
    run: async () => run(await options.createDriver()),
  });
  const checks: ConformanceCheck[] = [
    withDriver('lists protocols and portable algorithms', async (driver) => {
      check(driver.provider === options.provider, `provider must be "${options.provider}", got "${driver.provider}"`);
      const protocols = await driver.listProtocols();
      check(protocols.length > 0 && protocols.every((protocol) => protocol === protocol.toLowerCase()), 'protocols must be non-empty and lower case');
      const algorithms = await driver.listSupportedAlgorithms();
      check(algorithms.length > 0 && algorithms.every((algorithm) => (ALGORITHMS as readonly string[]).includes(algorithm)), 'algorithms must be portable names');
    }),
    withDriver('lists balancers in the portable shape', async (driver) => {
      (await driver.listBalancers()).forEach(checkBalancer);
    }),
    withDriver('creates a balancer, attaches and detaches a member, destroys it', async (driver) => {
      const balancer = await driver.createBalancer({
        name: options.balancerName ?? 'multicloud-conformance',
        port: options.port ?? 80,
        protocol: options.protocol ?? 'http',
        members: options.members,
      });
      checkBalancer(balancer);
      const member = await driver.attachMember(balancer, options.extraMember);
      check(typeof member.id === 'string' && member.id !== '', 'attached member must have an id');
      const members = await driver.listMembers(balancer);
      check(members.length > 0, 'listMembers must list members after attaching one');
      await driver.detachMember(balancer, member);
      await driver.destroyBalancer(balancer);
    }),
    withDriver('refuses a bad port and an unknown algorithm with ValidationError', async (driver) => {
      const valid = { name: 'x', port: 80, protocol: options.protocol ?? 'http', members: options.members };
      await checkRejects(() => driver.createBalancer({ ...valid, port: 70_000 }), (error) => ValidationError.isInstance(error), 'createBalancer with port 70000');
      await checkRejects(() => driver.createBalancer({ ...valid, port: 0 }), (error) => ValidationError.isInstance(error), 'createBalancer with port 0');
      await checkRejects(() => driver.createBalancer({ ...valid, protocol: 'no-such-protocol' }), (error) => ValidationError.isInstance(error), 'createBalancer with an unknown protocol');
      await checkRejects(() => driver.createBalancer({ ...valid, algorithm: 'no-such-algorithm' as never }), (error) => ValidationError.isInstance(error), 'createBalancer with an unknown algorithm');
    }),
  ];
  if (options.missingBalancerId !== undefined) {
    const missing = options.missingBalancerId;
    checks.push(withDriver('throws BalancerDoesNotExistError for a missing balancer', async (driver) => {
      await checkRejects(() => driver.getBalancer(missing), (error) => BalancerDoesNotExistError.isInstance(error), `getBalancer(${missing})`);
    }));
  }
  return checks;
}
