import { NotFoundError, ValidationError, providerOf, stampProvider } from '@multicloud/core';
import { BalancerDoesNotExistError, type LoadBalancer } from '@multicloud/lb';
import { beforeEach, describe, expect, it } from 'vitest';
import { MEMORY, MemoryLoadBalancerDriver } from './memory-lb-driver.js';

async function rejection(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but it resolved');
}

describe('MemoryLoadBalancerDriver (beyond the kit)', () => {
  let driver: MemoryLoadBalancerDriver;
  let balancer: LoadBalancer;

  beforeEach(async () => {
    driver = new MemoryLoadBalancerDriver();
    balancer = await driver.createBalancer({ name: 'web', port: 80, protocol: 'http', members: [{ ip: '10.0.0.1', port: 8080 }, { id: 'i-123' }] });
  });

  it('creates a stamped, running balancer with deterministic id and address, defaulting the algorithm', async () => {
    expect(balancer).toMatchObject({ id: 'lb-1', name: 'web', state: 'running', ip: '192.0.2.1', port: 80, extra: { protocol: 'http', algorithm: 'round-robin' } });
    expect(providerOf(balancer)).toBe(MEMORY);
    expect(Object.isFrozen(balancer)).toBe(true);
    expect(await driver.listBalancers()).toEqual([balancer]);
    expect((await driver.createBalancer({ name: 'two', port: 81, protocol: 'tcp', algorithm: 'random' })).id).toBe('lb-2');
  });

  it('keeps the members it was created with, by address and by id', async () => {
    const members = await driver.listMembers(balancer);
    expect(members.map(({ id, ip, port }) => ({ id, ip, port }))).toEqual([
      { id: 'member-1', ip: '10.0.0.1', port: 8080 },
      { id: 'i-123', ip: '', port: 80 },
    ]);
    expect(members.every((member) => providerOf(member) === MEMORY)).toBe(true);
  });

  it('attaches and detaches members, and refuses to detach one twice', async () => {
    const member = await driver.attachMember(balancer, { ip: '10.0.0.9', port: 9000 });
    expect((await driver.listMembers(balancer)).map((m) => m.id)).toContain(member.id);
    await driver.detachMember(balancer, member);
    expect((await driver.listMembers(balancer)).map((m) => m.id)).not.toContain(member.id);
    const again = await rejection(() => driver.detachMember(balancer, member));
    expect(NotFoundError.isInstance(again)).toBe(true);
  });

  it('attaches a compute node by its private address, else its public one', async () => {
    const privately = await driver.attachComputeNode(balancer, { id: 'n1', provider: 'ec2', publicIps: ['203.0.113.5'], privateIps: ['10.1.1.1'] }, { port: 8443 });
    const publicly = await driver.attachComputeNode(balancer, { id: 'n2', provider: 'ec2', publicIps: ['203.0.113.6'], privateIps: [] });
    expect([privately.ip, privately.port, publicly.ip, publicly.port]).toEqual(['10.1.1.1', 8443, '203.0.113.6', 80]);
    const error = await rejection(() => driver.attachComputeNode(balancer, { id: 'n3', provider: 'ec2', publicIps: [], privateIps: [] }));
    expect(ValidationError.isInstance(error) && error.message).toMatch(/node n3 has no address/);
  });

  it('validates ports at both ends of the range, protocols and algorithms, listing what is supported', async () => {
    const valid = { name: 'x', port: 1, protocol: 'http' } as const;
    await driver.createBalancer(valid);
    await driver.createBalancer({ ...valid, port: 65_535 });
    const cases = [
      [{ ...valid, port: 0 }, /options\.port: must be an integer from 1 to 65535, got 0/],
      [{ ...valid, port: 65_536 }, /got 65536/],
      [{ ...valid, port: 80.5 }, /got 80\.5/],
      [{ ...valid, protocol: 'udp' }, /options\.protocol: "udp" is not supported; supported: http, tcp/],
      [{ ...valid, algorithm: 'least-connections' }, /options\.algorithm: "least-connections" is not supported; supported: round-robin, random/],
      [{ ...valid, name: ' ' }, /options\.name: must be a non-empty string/],
      [{ ...valid, members: [{ ip: '10.0.0.1', port: 0 }] }, /options\.members\[0\]\.port/],
    ] as const;
    for (const [options, message] of cases) {
      const error = await rejection(() => driver.createBalancer(options));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
    expect(await driver.listBalancers()).toHaveLength(3);
  });

  it('updates a balancer, validating the change and keeping what is not changed', async () => {
    const updated = await driver.updateBalancer(balancer, { port: 8080, algorithm: 'random' });
    expect(updated).toMatchObject({ id: 'lb-1', name: 'web', port: 8080, extra: { protocol: 'http', algorithm: 'random' } });
    expect(await driver.getBalancer('lb-1')).toBe(updated);
    expect(ValidationError.isInstance(await rejection(() => driver.updateBalancer(balancer, { port: 70_000 })))).toBe(true);
    expect((await driver.getBalancer('lb-1')).port).toBe(8080);
  });

  it("destroys a balancer, then reports it missing, and refuses another provider's balancer", async () => {
    await driver.destroyBalancer(balancer);
    const missing = await rejection(() => driver.getBalancer('lb-1'));
    expect(BalancerDoesNotExistError.isInstance(missing) && missing.message).toBe('memory: balancer lb-1 does not exist (HTTP 404)');
    expect(BalancerDoesNotExistError.isInstance(await rejection(() => driver.listMembers(balancer)))).toBe(true);
    const foreign = stampProvider({ ...balancer }, 'elb');
    const error = await rejection(() => driver.destroyBalancer(foreign));
    expect(ValidationError.isInstance(error) && error.message).toMatch(/comes from provider "elb"/);
  });
});
