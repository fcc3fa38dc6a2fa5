import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import { send } from './support/lb-client.js';
import { killAll, startMember, type TestMember } from './support/lb-members.js';

let member: TestMember;
let url: string;
let port: number;
const lb = createLocalLoadBalancer({ healthCheck: false });

beforeAll(async () => {
  member = await startMember('echo');
  const balancer = await lb.createBalancer({ name: 'headers', exAnyPort: true, protocol: 'http', members: [member.spec] });
  url = String(balancer.extra.url);
  port = balancer.port;
});
afterAll(async () => {
  await lb.exCloseAll();
  await killAll([member]);
});

describe('headers through the balancer', () => {
  it('adds X-Forwarded-For (the client address), X-Forwarded-Host and X-Forwarded-Proto, and keeps Host', async () => {
    const seen = JSON.parse((await send(`${url}/headers`, { headers: { 'x-app': 'kept' } })).text) as Record<string, string>;
    expect(seen).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-host': `127.0.0.1:${port}`,
      'x-forwarded-proto': 'http',
      host: `127.0.0.1:${port}`,
      'x-app': 'kept',
    });
  });

  it('appends to an X-Forwarded-For chain and keeps the original host and proto of an earlier proxy', async () => {
    const seen = JSON.parse((await send(`${url}/headers`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' },
    })).text) as Record<string, string>;
    expect(seen).toMatchObject({ 'x-forwarded-for': '203.0.113.7, 127.0.0.1', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' });
  });

  it('strips hop-by-hop request headers, those the Connection header names included', async () => {
    const seen = JSON.parse((await send(`${url}/headers`, {
      headers: {
        connection: 'keep-alive, x-private-hop',
        'x-private-hop': 'secret',
        'keep-alive': 'timeout=9',
        'proxy-authorization': 'Basic dXNlcjpwYXNz',
        te: 'trailers',
        'x-end-to-end': 'kept',
      },
    })).text) as Record<string, string>;
    expect(seen['x-end-to-end']).toBe('kept');
    for (const name of ['x-private-hop', 'keep-alive', 'proxy-authorization', 'te']) expect(seen, name).not.toHaveProperty(name);
    expect(seen.connection).not.toContain('x-private-hop');
  });

  it('strips hop-by-hop response headers', async () => {
    const reply = await send(`${url}/hop`);
    expect(reply.status).toBe(200);
    expect(reply.headers['x-end-to-end']).toBe('kept');
    expect(reply.headers).not.toHaveProperty('x-member-hop');
    expect(reply.headers).not.toHaveProperty('proxy-authenticate');
    expect(reply.text).toBe('echo');
  });
});
