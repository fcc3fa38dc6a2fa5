import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { eventually, freePort, send } from './support/lb-client.js';
import { killAll, startMembers, type TestMember } from './support/lb-members.js';
import { MIB, md5, payload } from './support/lb-payload.js';

let members: TestMember[];
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 40, timeoutMs: 100 } });

beforeAll(async () => {
  members = await startMembers(2);
});
afterEach(() => lb.exCloseAll());
afterAll(() => killAll(members));

/** One request on a connection of its own (a tcp balancer picks a member per connection). */
const once = (url: string, path = '/') => send(`${url}${path}`, { agent: false });

describe('tcp balancer', () => {
  it('pipes connections to members round robin, bytes intact', async () => {
    const balancer = await lb.createBalancer({ name: 'tcp', exAnyPort: true, protocol: 'tcp', members: members.map((member) => member.spec) });
    expect(balancer.extra.url).toBe(`tcp://127.0.0.1:${balancer.port}`);
    const url = `http://127.0.0.1:${balancer.port}`;
    const texts = [];
    for (let index = 0; index < 4; index += 1) texts.push((await once(url)).text);
    expect(texts).toEqual(['a', 'b', 'a', 'b']);
    const sent = md5();
    const reply = await send(`${url}/upload`, { method: 'PUT', body: payload(8 * MIB, (chunk) => sent.update(chunk)), agent: false });
    expect(JSON.parse(reply.text)).toMatchObject({ md5: sent.digest(), bytes: 8 * MIB });
    // A tcp balancer adds no HTTP headers: it does not read the bytes.
    expect(JSON.parse((await once(url, '/headers')).text)).not.toHaveProperty('x-forwarded-for');
    expect(lb.exStats(balancer)).toMatchObject({ requests: 6, retries: 0, failures: 0 });
  });

  it('retries a refused connection on another member, and health checks (connects) take the dead one out', async () => {
    const dead = { ip: '127.0.0.1', port: await freePort() };
    const balancer = await lb.createBalancer({ name: 'tcp-dead', exAnyPort: true, protocol: 'tcp', members: [dead, members[0]!.spec] });
    const url = `http://127.0.0.1:${balancer.port}`;
    expect((await once(url)).text).toBe('a');
    expect((await once(url)).text).toBe('a');
    await eventually(() => lb.exStats(balancer).members[0]?.healthy === false, 3000, 'the dead member to be taken out');
    expect(lb.exStats(balancer).retries).toBeGreaterThan(0);
    expect(lb.exStats(balancer).failures).toBe(0);
  });

  it('switches between http and tcp with updateBalancer', async () => {
    const balancer = await lb.createBalancer({ name: 'switch', exAnyPort: true, protocol: 'http', members: [members[0]!.spec] });
    const url = `http://127.0.0.1:${balancer.port}`;
    expect(JSON.parse((await once(url, '/headers')).text)).toHaveProperty('x-forwarded-for');
    const updated = await lb.updateBalancer(balancer, { protocol: 'tcp' });
    expect(updated).toMatchObject({ port: balancer.port, extra: { protocol: 'tcp', url: `tcp://127.0.0.1:${balancer.port}` } });
    expect(JSON.parse((await once(url, '/headers')).text)).not.toHaveProperty('x-forwarded-for');
    const moved = await lb.updateBalancer(updated, { protocol: 'http', port: await freePort() });
    expect(JSON.parse((await once(`http://127.0.0.1:${moved.port}`, '/headers')).text)).toHaveProperty('x-forwarded-for');
  });
});
