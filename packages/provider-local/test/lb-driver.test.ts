import { NotFoundError, ValidationError, providerOf, stampProvider } from '@multicloud/core';
import { BalancerDoesNotExistError, type LoadBalancer } from '@multicloud/lb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { freePort, send } from './support/lb-client.js';
import { killAll, startMembers, type TestMember } from './support/lb-members.js';

let members: TestMember[];
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 100 } });

beforeAll(async () => {
  members = await startMembers(3);
});
afterEach(() => lb.exCloseAll());
afterAll(() => killAll(members));

const start = (extra: Record<string, unknown> = {}): Promise<LoadBalancer> =>
  lb.createBalancer({ name: 'web', exAnyPort: true, protocol: 'http', members: [members[0]!.spec], ...extra });

/** Whether something accepts connections at `url`. */
const answers = (url: string): Promise<boolean> => send(`${url}/`).then(() => true, () => false);

describe('local lb: models', () => {
  it('lists what it supports', async () => {
    expect(lb.provider).toBe('local');
    expect(await lb.listProtocols()).toEqual(['http', 'tcp']);
    expect(await lb.listSupportedAlgorithms()).toEqual(['round-robin', 'random', 'least-connections']);
  });

  it('returns stamped balancers on 127.0.0.1 with their url, protocol and algorithm', async () => {
    const balancer = await start({ algorithm: 'least-connections' });
    expect(balancer).toMatchObject({ id: 'local-lb-1', name: 'web', state: 'running', ip: '127.0.0.1' });
    expect(balancer.extra).toEqual({ protocol: 'http', algorithm: 'least-connections', url: `http://127.0.0.1:${balancer.port}`, members: 1 });
    expect(providerOf(balancer)).toBe('local');
    expect(await lb.getBalancer(balancer.id)).toEqual(balancer);
    expect(await lb.listBalancers()).toEqual([balancer]);
    expect((await send(`${String(balancer.extra.url)}/`)).text).toBe('a');
  });

  it('listens on the port asked for', async () => {
    const port = await freePort();
    const balancer = await lb.createBalancer({ name: 'fixed', port, protocol: 'http', members: [members[0]!.spec] });
    expect(balancer.port).toBe(port);
    expect((await send(`http://127.0.0.1:${port}/`)).text).toBe('a');
  });

  it('lists members as ip:port with their health and traffic', async () => {
    const balancer = await start();
    await send(`${String(balancer.extra.url)}/`);
    const [member] = await lb.listMembers(balancer);
    expect(member).toEqual({ id: `127.0.0.1:${members[0]!.port}`, ip: '127.0.0.1', port: members[0]!.port, extra: { healthy: true, inFlight: 0, requests: 1, failures: 0 } });
    expect(providerOf(member!)).toBe('local');
  });
});

describe('local lb: validation', () => {
  it('refuses bad ports, protocols and algorithms, listing what is supported', async () => {
    const valid = { name: 'x', port: 8080, protocol: 'http' };
    await expect(lb.createBalancer({ ...valid, port: 0 })).rejects.toThrow(/options\.port: must be a whole number from 1 to 65535, got 0/);
    await expect(lb.createBalancer({ ...valid, protocol: 'udp' })).rejects.toThrow(/protocol "udp" is not supported; supported: http, tcp/);
    await expect(lb.createBalancer({ ...valid, algorithm: 'persistent-ip' })).rejects.toThrow(/supported: round-robin, random, least-connections/);
    await expect(lb.createBalancer({ ...valid, name: ' ' })).rejects.toThrow(ValidationError);
    await expect(lb.createBalancer({ name: 'x', exAnyPort: true, port: 8080 } as never)).rejects.toThrow(/leave it out with exAnyPort/);
  });

  it('refuses bad, duplicate and self-referencing members', async () => {
    const port = await freePort();
    await expect(lb.createBalancer({ name: 'x', port, protocol: 'http', members: [{ ip: '', port: 80 }] })).rejects.toThrow(/options\.members\[0\]\.ip/);
    await expect(lb.createBalancer({ name: 'x', port, protocol: 'http', members: [{ id: 'i-0abc' }] })).rejects.toThrow(/expected "ip:port"/);
    await expect(lb.createBalancer({ name: 'x', port, protocol: 'http', members: [members[0]!.spec, members[0]!.spec] })).rejects.toThrow(/same address twice/);
    await expect(lb.createBalancer({ name: 'x', port, protocol: 'http', members: [{ ip: 'localhost', port }] })).rejects.toThrow(/is the balancer itself/);
    const balancer = await start();
    await expect(lb.attachMember(balancer, members[0]!.spec)).rejects.toThrow(/already a member/);
    await expect(lb.attachMember(balancer, { ip: '127.0.0.1', port: balancer.port })).rejects.toThrow(/is the balancer itself/);
    await expect(lb.attachMember(balancer, { ip: '127.0.0.1', port: 70_000 })).rejects.toThrow(/member\.port/);
  });

  it('says clearly when the port is taken, and that exAnyPort picks a free one', async () => {
    const taken = await start();
    const error = await lb.createBalancer({ name: 'x', port: taken.port, protocol: 'http' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${taken.port} is already in use.*exAnyPort: true`));
    expect(await lb.listBalancers()).toHaveLength(1);
  });

  it('refuses bad settings at construction', () => {
    expect(() => createLocalLoadBalancer({ host: ' ' })).toThrow(/host/);
    expect(() => createLocalLoadBalancer({ healthCheck: { intervalMs: 0 } })).toThrow(/healthCheck\.intervalMs/);
    expect(() => createLocalLoadBalancer({ healthCheck: { path: 'health' } })).toThrow(/healthCheck\.path/);
    expect(() => createLocalLoadBalancer({ upstreamTimeoutMs: -1 })).toThrow(/upstreamTimeoutMs/);
  });

  it('throws BalancerDoesNotExistError for unknown or destroyed balancers and refuses foreign models', async () => {
    await expect(lb.getBalancer('local-lb-404')).rejects.toThrow(BalancerDoesNotExistError);
    const balancer = await start();
    await lb.destroyBalancer(balancer);
    await expect(lb.getBalancer(balancer.id)).rejects.toThrow(BalancerDoesNotExistError);
    await expect(lb.listMembers(balancer)).rejects.toThrow(BalancerDoesNotExistError);
    const foreign = stampProvider({ ...balancer }, 'elb');
    await expect(lb.listMembers(foreign)).rejects.toThrow(/comes from provider "elb"/);
    const live = await start();
    const [member] = await lb.listMembers(live);
    await lb.detachMember(live, member!);
    await expect(lb.detachMember(live, member!)).rejects.toThrow(NotFoundError);
  });
});

describe('local lb: members live', () => {
  it('attaches a compute node by its private address and its extra.port, or the port given', async () => {
    const balancer = await start();
    const node = { id: 'n1', provider: 'local', privateIps: ['127.0.0.1'], publicIps: [], extra: { port: members[1]!.port } };
    expect(await lb.attachComputeNode(balancer, node)).toMatchObject({ id: `127.0.0.1:${members[1]!.port}` });
    expect(await lb.attachComputeNode(balancer, { ...node, id: 'n2', privateIps: [], publicIps: ['127.0.0.1'] }, { port: members[2]!.port })).toMatchObject({ port: members[2]!.port });
    await expect(lb.attachComputeNode(balancer, { ...node, privateIps: [], publicIps: [] })).rejects.toThrow(/no address/);
    const seen = new Set(await Promise.all([1, 2, 3].map(async () => (await send(`${String(balancer.extra.url)}/`)).text)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('detaches a member while a request to it is in flight: that request finishes, new ones go elsewhere', async () => {
    const [slow, other] = members as [TestMember, TestMember];
    const balancer = await lb.createBalancer({ name: 'detach', exAnyPort: true, protocol: 'http', members: [slow.spec, other.spec] });
    slow.delayMs = 300;
    try {
      const inFlight = send(`${String(balancer.extra.url)}/`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const member = (await lb.listMembers(balancer)).find((candidate) => candidate.port === slow.port)!;
      expect(member.extra.inFlight).toBe(1);
      await lb.detachMember(balancer, member);
      const after = await Promise.all([1, 2, 3, 4].map(async () => (await send(`${String(balancer.extra.url)}/`)).text));
      expect(after).toEqual(['b', 'b', 'b', 'b']);
      expect(await inFlight).toMatchObject({ status: 200, text: 'a' });
      expect((await lb.listMembers(balancer)).map((candidate) => candidate.port)).toEqual([other.port]);
    } finally {
      slow.delayMs = 0;
    }
  });
});

describe('local lb: update and teardown', () => {
  it('renames, switches algorithm, and moves to another port (the old one stops accepting)', async () => {
    const balancer = await start();
    const oldUrl = String(balancer.extra.url);
    const port = await freePort();
    const updated = await lb.updateBalancer(balancer, { name: 'renamed', algorithm: 'random', port });
    expect(updated).toMatchObject({ id: balancer.id, name: 'renamed', port, extra: { algorithm: 'random', url: `http://127.0.0.1:${port}` } });
    expect((await send(`http://127.0.0.1:${port}/`)).text).toBe('a');
    expect(await answers(oldUrl)).toBe(false);
  });

  it('keeps its port when the new one is taken', async () => {
    const balancer = await start();
    const other = await start();
    await expect(lb.updateBalancer(balancer, { port: other.port })).rejects.toThrow(/already in use/);
    expect((await lb.getBalancer(balancer.id)).port).toBe(balancer.port);
    expect(await answers(String(balancer.extra.url))).toBe(true);
    await expect(lb.updateBalancer(balancer, { algorithm: 'weighted-round-robin' })).rejects.toThrow(ValidationError);
  });

  it('destroyBalancer stops listening and cuts requests in flight; exCloseAll stops everything', async () => {
    members[0]!.delayMs = 2000;
    try {
      const balancer = await start();
      const pending = send(`${String(balancer.extra.url)}/`).then(() => 'answered', () => 'cut');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await lb.destroyBalancer(balancer);
      expect(await pending).toBe('cut');
      expect(await answers(String(balancer.extra.url))).toBe(false);
    } finally {
      members[0]!.delayMs = 0;
    }
    const [one, two] = [await start(), await start()];
    await lb.exCloseAll();
    expect(await lb.listBalancers()).toEqual([]);
    expect(await answers(String(one.extra.url))).toBe(false);
    expect(await answers(String(two.extra.url))).toBe(false);
  });
});
