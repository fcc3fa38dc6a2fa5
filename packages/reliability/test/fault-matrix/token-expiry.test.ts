import { Readable } from 'node:stream';
import type { TransportEvent } from '@multicloud/core';
import { createRackspaceCompute } from '@multicloud/provider-rackspace';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../support/credentials.js';
import { startFakeSwift, type FakeSwift } from '../support/fake-swift.js';
import { md5, payload, redirectAll, useHarness } from '../support/harness.js';
import { answer, startMisbehavingServer, type Exchange } from '../support/misbehaving-server.js';
import { PROVIDERS } from '../support/provider-drivers.js';
import { swiftOn } from '../support/storage-drivers.js';

/**
 * Row "token expires mid-run (401) with 50 concurrent requests": exactly one re-authentication, and every
 * request succeeds (uploads with exactly their bytes).
 */
const harness = useHarness();
const CONCURRENCY = 50;

/**
 * A fake Swift that holds the first `CONCURRENCY` object requests until all of them are in, then expires the
 * token and answers them all 401: the token dies with every request of the run in flight.
 */
async function swiftThatExpiresMidRun(): Promise<FakeSwift> {
  const held: Exchange[] = [];
  let expired = false;
  let swift: FakeSwift | undefined;
  swift = await startFakeSwift((call) => {
    if (expired || call.object === '') return false;
    held.push(call);
    if (held.length === CONCURRENCY) {
      expired = true;
      swift?.expireTokens();
      for (const exchange of held) {
        void exchange.body().then(() => answer(exchange.response, 401, 'Unauthorized'));
      }
    }
    return true;
  }, { maxRequests: CONCURRENCY * 2 + 10 });
  return harness.server(swift);
}

describe('Keystone v1.0 (generic Swift)', () => {
  it(`${CONCURRENCY} concurrent reads: one re-authentication, all succeed`, async () => {
    const swift = await swiftThatExpiresMidRun();
    for (let index = 0; index < CONCURRENCY; index++) swift.objects.set(`box/object-${index}`, { bytes: payload(100 + index, index + 1), etag: md5(payload(100 + index, index + 1)) });
    const driver = swiftOn(swift, harness.agent({ connections: CONCURRENCY }));
    await driver.getContainer('box'); // authenticates once, before the run
    expect(swift.auths()).toBe(1);
    const objects = await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => driver.getObject('box', `object-${index}`)));
    expect(objects.map((object) => object.size)).toEqual(Array.from({ length: CONCURRENCY }, (_, index) => 100 + index));
    expect(swift.auths()).toBe(2);
    expect(swift.requests.filter((request) => request.url.startsWith('/auth/'))).toHaveLength(2);
  });

  it(`${CONCURRENCY} concurrent uploads: one re-authentication, every object stored with exactly its bytes`, async () => {
    const swift = await swiftThatExpiresMidRun();
    const events: TransportEvent[] = [];
    const driver = swiftOn(swift, harness.agent({ connections: CONCURRENCY }), { logger: (event) => events.push(event) });
    const container = await driver.getContainer('box');
    const bodies = Array.from({ length: CONCURRENCY }, (_, index) => payload(2_000 + index, 1_000 + index));
    await Promise.all(bodies.map((body, index) => driver.uploadObjectFromStream(Readable.from([body]), container, `upload-${index}`)));
    expect(swift.auths()).toBe(2);
    bodies.forEach((body, index) => expect(swift.objects.get(`box/upload-${index}`)?.bytes.equals(body)).toBe(true));
    // A renewed token is not a retry: no attempt was used up, nothing was logged as a retry.
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(0);
  });
});

describe('Keystone v2.0 (Rackspace compute)', () => {
  it(`${CONCURRENCY} concurrent listings while the token expires and the identity service is slow: one re-authentication`, async () => {
    const rackspace = PROVIDERS.find((provider) => provider.name === 'rackspace compute');
    if (!rackspace?.authAnswer) throw new Error('rackspace compute is missing from PROVIDERS');
    const catalog = JSON.parse(rackspace.authAnswer) as { access: { token: { id: string } } };
    let issued = 0;
    let valid = '';
    const server = harness.server(await startMisbehavingServer(async ({ request, response, body, index }) => {
      await body();
      if (request.url?.endsWith('/v2.0/tokens')) {
        valid = `rackspace-token-${++issued}`;
        await new Promise((resolve) => setTimeout(resolve, 100)); // a slow identity service widens the race
        return answer(response, 200, JSON.stringify({ access: { ...catalog.access, token: { ...catalog.access.token, id: valid } } }), { 'content-type': 'application/json' });
      }
      // Expire the first token as soon as the run has started (request index 2 is the 2nd listing).
      if (index === 2 && issued === 1) valid = 'expired';
      if (request.headers['x-auth-token'] !== valid) return answer(response, 401, '{"unauthorized":{"code":401,"message":"Authentication required"}}', { 'content-type': 'application/json' });
      answer(response, 200, rackspace.goodAnswer, { 'content-type': 'application/json' });
    }, { maxRequests: CONCURRENCY * 3 + 5 }));
    const dispatcher = redirectAll(harness.agent({ connections: CONCURRENCY }), server.url);
    const driver = createRackspaceCompute({ ...FAKE.rackspace, region: 'dfw', dispatcher, retry: false });
    await driver.listNodes();
    const results = await Promise.all(Array.from({ length: CONCURRENCY }, () => driver.listNodes()));
    expect(results.every((nodes) => nodes.length > 0)).toBe(true);
    expect(issued).toBe(2);
  });
});
