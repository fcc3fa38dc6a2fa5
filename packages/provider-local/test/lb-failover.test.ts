import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { freePort, runConcurrently, send, type Reply } from './support/lb-client.js';
import { killAll, startMembers, type TestMember } from './support/lb-members.js';
import { md5, payload } from './support/lb-payload.js';

let members: TestMember[];
// Probes are slow here on purpose: what takes a dead member out in these tests is the failed traffic itself.
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 60_000 } });

beforeAll(async () => {
  members = await startMembers(3);
});
afterEach(() => lb.exCloseAll());
afterAll(() => killAll(members));

describe('a member that dies', () => {
  it('mid-run loses no GET: requests it had not answered are retried on the others', async () => {
    for (const member of members) member.delayMs = 2;
    const balancer = await lb.createBalancer({ name: 'kill', exAnyPort: true, protocol: 'http', members: members.map((member) => member.spec) });
    const url = String(balancer.extra.url);
    const victim = members[1]!;
    let done = 0;
    let killing: Promise<void> | undefined;
    const replies = await runConcurrently(2000, 50, async (): Promise<Reply | Error> => {
      const reply = await send(`${url}/`).catch((error: Error) => error);
      if (++done === 600) killing = victim.kill();
      return reply;
    });
    await killing;
    const failed = replies.filter((reply) => reply instanceof Error || reply.status !== 200);
    expect(failed).toEqual([]);
    const answeredByVictim = replies.filter((reply) => !(reply instanceof Error) && reply.text === victim.name).length;
    expect(answeredByVictim).toBeGreaterThan(100);
    expect(answeredByVictim).toBeLessThan(400);
    const stats = lb.exStats(balancer);
    expect(stats.failures).toBe(0);
    expect(stats.retries).toBeGreaterThan(0);
    const victimStats = stats.members.find((member) => member.id === `127.0.0.1:${victim.port}`);
    expect(victimStats).toMatchObject({ healthy: false, inFlight: 0 });
    expect(victimStats!.failures).toBeGreaterThan(0);
    await victim.restart();
    for (const member of members) member.delayMs = 0;
  });

  it('retries a POST whose connection was refused, body intact (the body is only read once a member accepts)', async () => {
    const dead = { ip: '127.0.0.1', port: await freePort() };
    const live = members[0]!;
    const balancer = await lb.createBalancer({ name: 'refused', exAnyPort: true, protocol: 'http', members: [dead, live.spec] });
    const replies = await Promise.all(Array.from({ length: 6 }, async () => {
      const sent = md5();
      const reply = await send(`${String(balancer.extra.url)}/upload`, { method: 'POST', body: payload(256 * 1024, (chunk) => sent.update(chunk)) });
      return { reply, expected: sent.digest() };
    }));
    for (const { reply, expected } of replies) {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ md5: expected, bytes: 256 * 1024, member: live.name });
    }
    expect(lb.exStats(balancer).retries).toBeGreaterThan(0);
  });

  it('does not retry a POST the member read and then dropped: 502, and the other member never sees it', async () => {
    const [first, second] = members as [TestMember, TestMember];
    first.hits = 0;
    second.hits = 0;
    const balancer = await lb.createBalancer({ name: 'no-replay', exAnyPort: true, protocol: 'http', members: [first.spec, second.spec] });
    const reply = await send(`${String(balancer.extra.url)}/die`, { method: 'POST', body: 'charge the card once' });
    expect(reply.status).toBe(502);
    expect(first.hits + second.hits).toBe(1);
    expect(lb.exStats(balancer)).toMatchObject({ retries: 0, failures: 1 });
  });

  it('retries a GET the member dropped before answering', async () => {
    const [first, second] = members as [TestMember, TestMember];
    const balancer = await lb.createBalancer({ name: 'replay', exAnyPort: true, protocol: 'http', members: [first.spec, second.spec] });
    const reply = await send(`${String(balancer.extra.url)}/die`);
    // Both members drop /die, so both are tried, then the balancer gives up with 502.
    expect(reply.status).toBe(502);
    expect(lb.exStats(balancer)).toMatchObject({ retries: 1, failures: 1 });
    expect(lb.exStats(balancer).members.map((member) => member.requests)).toEqual([1, 1]);
  });

  it('answers 504 for a member silent longer than upstreamTimeoutMs, and does not replay the request', async () => {
    const impatient = createLocalLoadBalancer({ healthCheck: false, upstreamTimeoutMs: 150 });
    const [slow, other] = members as [TestMember, TestMember];
    try {
      slow.delayMs = 1000;
      other.hits = 0;
      const balancer = await impatient.createBalancer({ name: 'silent', exAnyPort: true, protocol: 'http', members: [slow.spec, other.spec] });
      const reply = await send(`${String(balancer.extra.url)}/`);
      expect(reply.status).toBe(504);
      expect(reply.text).toMatch(/did not answer in time/);
      expect(other.hits).toBe(0);
    } finally {
      slow.delayMs = 0;
      await impatient.exCloseAll();
    }
  });

  it('answers 502 when every member is down and 503 when there is none', async () => {
    const down = await lb.createBalancer({ name: 'down', exAnyPort: true, protocol: 'http', members: [{ ip: '127.0.0.1', port: await freePort() }] });
    expect((await send(`${String(down.extra.url)}/`)).status).toBe(502);
    const empty = await lb.createBalancer({ name: 'empty', exAnyPort: true, protocol: 'http' });
    expect((await send(`${String(empty.extra.url)}/`)).status).toBe(503);
  });
});
