import { NotFoundError, stampProvider } from '@multicloud/core';
import { describeConformance, type ConformanceCheck } from '@multicloud/core/testing';
import type { Algorithm, BalancerState, CreateBalancerOptions, LoadBalancer, LoadBalancerDriver, Member, MemberSpec } from '@multicloud/lb';
import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
import { describe, expect, it } from 'vitest';
import { MEMORY, MemoryLoadBalancerDriver } from './memory-lb-driver.js';

const MEMBERS: readonly MemberSpec[] = [{ ip: '10.0.0.1', port: 8080 }];
const EXTRA_MEMBER: MemberSpec = { ip: '10.0.0.2', port: 8080 };

/** The kit as this file runs it; `createDriver` is called once per check. */
function kit(createDriver: () => Promise<LoadBalancerDriver>): ConformanceCheck[] {
  return loadBalancerConformanceChecks({ provider: MEMORY, createDriver, members: MEMBERS, extraMember: EXTRA_MEMBER, missingBalancerId: 'lb-404' });
}

/** A driver of class `Driver` that already holds one balancer, so the listing checks have something to look at. */
function seeded(Driver: new () => LoadBalancerDriver): () => Promise<LoadBalancerDriver> {
  return async () => {
    const driver = new Driver();
    await driver.createBalancer({ name: 'seed', port: 443, protocol: 'tcp', members: MEMBERS });
    return driver;
  };
}

/** Runs one check of the kit, found by name. */
function runCheck(name: string, createDriver: () => Promise<LoadBalancerDriver>): Promise<void> {
  const found = kit(createDriver).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the lb kit has no check named "${name}"`);
  return found.run();
}

describeConformance('memory lb', kit(seeded(MemoryLoadBalancerDriver)));

describe('the lb kit', () => {
  it('lists the documented checks, the missing-balancer one only when given an id', () => {
    expect(kit(seeded(MemoryLoadBalancerDriver)).map((check) => check.name)).toEqual([
      'lists protocols and portable algorithms',
      'lists balancers in the portable shape',
      'creates a balancer, attaches and detaches a member, destroys it',
      'refuses a bad port and an unknown algorithm with ValidationError',
      'throws BalancerDoesNotExistError for a missing balancer',
    ]);
    const withoutMissing = loadBalancerConformanceChecks({ provider: MEMORY, createDriver: () => new MemoryLoadBalancerDriver(), members: MEMBERS, extraMember: EXTRA_MEMBER });
    expect(withoutMissing).toHaveLength(4);
  });
});

describe('the lb kit fails a broken driver', () => {
  it('whose provider id is not the expected one', async () => {
    class OtherProvider extends MemoryLoadBalancerDriver {
      override readonly provider = 'elb';
    }
    await expect(runCheck('lists protocols and portable algorithms', seeded(OtherProvider))).rejects.toThrow(/provider must be "memory", got "elb"/);
  });

  it('whose protocols are not lower case', async () => {
    class UpperCase extends MemoryLoadBalancerDriver {
      override async listProtocols(): Promise<string[]> {
        return ['HTTP', 'tcp'];
      }
    }
    await expect(runCheck('lists protocols and portable algorithms', seeded(UpperCase))).rejects.toThrow(/protocols must be non-empty and lower case/);
  });

  it('whose algorithms are not portable names', async () => {
    class IpHash extends MemoryLoadBalancerDriver {
      override async listSupportedAlgorithms(): Promise<Algorithm[]> {
        return ['round-robin', 'ip-hash' as Algorithm];
      }
    }
    await expect(runCheck('lists protocols and portable algorithms', seeded(IpHash))).rejects.toThrow(/algorithms must be portable names/);
  });

  it("whose balancer state is 'bogus'", async () => {
    class BogusState extends MemoryLoadBalancerDriver {
      override async listBalancers(): Promise<LoadBalancer[]> {
        return (await super.listBalancers()).map((balancer) => stampProvider({ ...balancer, state: 'bogus' as BalancerState }, MEMORY));
      }
    }
    await expect(runCheck('lists balancers in the portable shape', seeded(BogusState))).rejects.toThrow(/balancer lb-1: state "bogus" is not portable/);
  });

  it('whose created balancer reports its port as a string', async () => {
    class StringPort extends MemoryLoadBalancerDriver {
      override async createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer> {
        return stampProvider({ ...(await super.createBalancer(options)), port: '80' as unknown as number }, MEMORY);
      }
    }
    await expect(runCheck('creates a balancer, attaches and detaches a member, destroys it', async () => new StringPort())).rejects.toThrow(
      /balancer lb-1: port must be an integer/,
    );
  });

  it('whose attached member has no id', async () => {
    class Anonymous extends MemoryLoadBalancerDriver {
      override async attachMember(balancer: LoadBalancer, member: MemberSpec): Promise<Member> {
        return stampProvider({ ...(await super.attachMember(balancer, member)), id: '' }, MEMORY);
      }
    }
    await expect(runCheck('creates a balancer, attaches and detaches a member, destroys it', async () => new Anonymous())).rejects.toThrow(
      /attached member must have an id/,
    );
  });

  it('whose listMembers forgets the members', async () => {
    class Forgetful extends MemoryLoadBalancerDriver {
      override async listMembers(): Promise<Member[]> {
        return [];
      }
    }
    await expect(runCheck('creates a balancer, attaches and detaches a member, destroys it', async () => new Forgetful())).rejects.toThrow(
      /listMembers must list members after attaching one/,
    );
  });

  it('that accepts port 70000', async () => {
    class AcceptsAnyPort extends MemoryLoadBalancerDriver {
      override async createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer> {
        return super.createBalancer({ ...options, port: Math.min(options.port, 65_535) });
      }
    }
    await expect(runCheck('refuses a bad port and an unknown algorithm with ValidationError', async () => new AcceptsAnyPort())).rejects.toThrow(
      /createBalancer with port 70000: expected a rejection, but it resolved/,
    );
  });

  it('that refuses port 70000 with a RangeError instead of a ValidationError', async () => {
    class RangeErrorPort extends MemoryLoadBalancerDriver {
      override async createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer> {
        if (options.port > 65_535) throw new RangeError(`port ${options.port} out of range`);
        return super.createBalancer(options);
      }
    }
    await expect(runCheck('refuses a bad port and an unknown algorithm with ValidationError', async () => new RangeErrorPort())).rejects.toThrow(
      /createBalancer with port 70000: rejected with the wrong error: RangeError: port 70000 out of range/,
    );
  });

  it('that accepts an unknown algorithm', async () => {
    class AcceptsAnyAlgorithm extends MemoryLoadBalancerDriver {
      override async createBalancer(options: CreateBalancerOptions): Promise<LoadBalancer> {
        return super.createBalancer({ ...options, algorithm: undefined });
      }
    }
    await expect(runCheck('refuses a bad port and an unknown algorithm with ValidationError', async () => new AcceptsAnyAlgorithm())).rejects.toThrow(
      /createBalancer with an unknown algorithm: expected a rejection, but it resolved/,
    );
  });

  it('whose getBalancer throws the generic NotFoundError', async () => {
    class GenericNotFound extends MemoryLoadBalancerDriver {
      override async getBalancer(id: string): Promise<LoadBalancer> {
        throw new NotFoundError({ provider: MEMORY, status: 404, providerMessage: `no ${id}` });
      }
    }
    await expect(runCheck('throws BalancerDoesNotExistError for a missing balancer', async () => new GenericNotFound())).rejects.toThrow(
      /getBalancer\(lb-404\): rejected with the wrong error: NotFoundError/,
    );
  });
});
