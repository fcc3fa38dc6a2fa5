import type { LoadBalancer } from '@multicloud/lb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { eventually, runConcurrently, send } from './support/lb-client.js';
import { killAll, startMembers, type TestMember } from './support/lb-members.js';

let members: TestMember[];
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 40, timeoutMs: 100, unhealthyThreshold: 2, healthyThreshold: 2 } });

beforeAll(async () => {
  members = await startMembers(3);
});
afterEach(async () => {
  await lb.exCloseAll();
  for (const member of members) member.mode = 'ok';
});
afterAll(() => killAll(members));

async function healthOf(balancer: LoadBalancer, member: TestMember): Promise<unknown> {
  const found = (await lb.listMembers(balancer)).find((candidate) => candidate.port === member.port);
  return found?.extra.healthy;
}

/** Sends `count` GETs and says who answered how many. */
async function spread(balancer: LoadBalancer, count: number): Promise<Record<string, number>> {
  const replies = await runConcurrently(count, 5, () => send(`${String(balancer.extra.url)}/`));
  expect(replies.every((reply) => reply.status === 200)).toBe(true);
  const result: Record<string, number> = {};
  for (const reply of replies) result[reply.text] = (result[reply.text] ?? 0) + 1;
  return result;
}

describe('health checks', () => {
  it('take out a member that stops answering and put it back when it recovers', async () => {
    const balancer = await lb.createBalancer({ name: 'hang', exAnyPort: true, protocol: 'http', members: members.map((member) => member.spec) });
    const sick = members[2]!;
    expect(await spread(balancer, 30)).toEqual({ a: 10, b: 10, c: 10 });
    sick.mode = 'hang';
    await eventually(async () => (await healthOf(balancer, sick)) === false, 3000, 'the hanging member to be taken out');
    expect(await spread(balancer, 30)).toEqual({ a: 15, b: 15 });
    expect(lb.exStats(balancer).members.map((member) => member.healthy)).toEqual([true, true, false]);
    sick.mode = 'ok';
    await eventually(async () => (await healthOf(balancer, sick)) === true, 3000, 'the member to be put back');
    expect(await spread(balancer, 30)).toEqual({ a: 10, b: 10, c: 10 });
  });

  it('take out a member that is gone (connection refused) or answers 5xx, and put it back', async () => {
    const balancer = await lb.createBalancer({ name: 'gone', exAnyPort: true, protocol: 'http', members: members.map((member) => member.spec) });
    const [, gone, failing] = members as [TestMember, TestMember, TestMember];
    await gone.kill();
    failing.mode = 'error';
    await eventually(async () => (await healthOf(balancer, gone)) === false && (await healthOf(balancer, failing)) === false, 3000, 'both to be taken out');
    expect(await spread(balancer, 20)).toEqual({ a: 20 });
    await gone.restart();
    failing.mode = 'ok';
    await eventually(async () => (await healthOf(balancer, gone)) === true && (await healthOf(balancer, failing)) === true, 3000, 'both to be put back');
    expect(Object.keys(await spread(balancer, 30)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('count failures up to `unhealthyThreshold` before taking a member out', async () => {
    const patient = createLocalLoadBalancer({ healthCheck: { intervalMs: 40, timeoutMs: 100, unhealthyThreshold: 1000 } });
    try {
      const balancer = await patient.createBalancer({ name: 'patient', exAnyPort: true, protocol: 'http', members: [members[0]!.spec] });
      members[0]!.mode = 'hang';
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await patient.listMembers(balancer))[0]?.extra.healthy).toBe(true);
    } finally {
      await patient.exCloseAll();
    }
  });

  it('can be turned off: a failing member then stays in rotation', async () => {
    const unchecked = createLocalLoadBalancer({ healthCheck: false });
    try {
      const balancer = await unchecked.createBalancer({ name: 'off', exAnyPort: true, protocol: 'http', members: [members[0]!.spec] });
      members[0]!.mode = 'error';
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await send(`${String(balancer.extra.url)}/`)).status).toBe(500);
      expect(unchecked.exStats(balancer).members[0]?.healthy).toBe(true);
    } finally {
      await unchecked.exCloseAll();
    }
  });
});
