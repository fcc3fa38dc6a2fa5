import type { Algorithm } from '@multicloud/lb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { runConcurrently, send } from './support/lb-client.js';
import { killAll, startMembers, type TestMember } from './support/lb-members.js';

const TOTAL = 2000;
const CONCURRENCY = 50;

let members: TestMember[];
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 200 } });

beforeAll(async () => {
  members = await startMembers(3);
});
afterEach(async () => {
  await lb.exCloseAll();
  for (const member of members) Object.assign(member, { hits: 0, delayMs: 0 });
});
afterAll(() => killAll(members));

/** Sends TOTAL GETs at CONCURRENCY through a fresh balancer; returns who answered each and the balancer's stats. */
async function load(algorithm: Algorithm) {
  const balancer = await lb.createBalancer({ name: algorithm, exAnyPort: true, protocol: 'http', algorithm, members: members.map((member) => member.spec) });
  const url = String(balancer.extra.url);
  const replies = await runConcurrently(TOTAL, CONCURRENCY, async () => send(`${url}/`));
  const byMember = Object.fromEntries(members.map((member) => [member.name, replies.filter((reply) => reply.text === member.name).length]));
  return { replies, byMember, stats: lb.exStats(balancer) };
}

describe(`${TOTAL} requests at concurrency ${CONCURRENCY} over 3 members`, () => {
  it('round-robin gives every member the same share, exactly', async () => {
    const { replies, byMember, stats } = await load('round-robin');
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(Object.values(byMember).sort()).toEqual([666, 667, 667]);
    expect(members.map((member) => member.hits).sort()).toEqual([666, 667, 667]);
    expect(stats).toMatchObject({ requests: TOTAL, retries: 0, failures: 0 });
    expect(stats.members.map((member) => member.requests)).toEqual(members.map((member) => member.hits));
    expect(stats.members.every((member) => member.inFlight === 0 && member.healthy)).toBe(true);
  });

  it('random spreads roughly evenly', async () => {
    const { replies, byMember } = await load('random');
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    // Expected 667 each, standard deviation ≈ 21: ±170 fails only on a broken picker.
    for (const count of Object.values(byMember)) expect(count).toBeGreaterThan(500);
    expect(Object.values(byMember).reduce((sum, count) => sum + count, 0)).toBe(TOTAL);
  });

  it('least-connections sends little to a slow member and the rest to the idle ones', async () => {
    // Slow enough to stand out even when a loaded machine slows the other members down too.
    members[0]!.delayMs = 150;
    const { replies, byMember } = await load('least-connections');
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    // Round robin would give the slow member a third (≈667); least-connections keeps it well below.
    expect(byMember.a).toBeLessThan(TOTAL * 0.2);
    expect(byMember.a).toBeGreaterThan(0);
    expect(byMember.b! + byMember.c!).toBeGreaterThan(TOTAL * 0.8);
  });
});
