import { ProviderError, basicAuth, createTransport, sigV4Auth, staticTokenAuth, type AuthStrategy } from '@multicloud/core';
import { interceptors } from 'undici';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../support/credentials.js';
import { startFakeSwift } from '../support/fake-swift.js';
import { redirectAll, useHarness } from '../support/harness.js';
import { failure } from '../support/leaks.js';
import { answer, startMisbehavingServer, type MisbehavingServer } from '../support/misbehaving-server.js';
import { PROVIDERS } from '../support/provider-drivers.js';
import { swiftOn } from '../support/storage-drivers.js';

/**
 * Row "redirect to another host (301/307)": the SDK never follows a redirect, so credentials never reach the
 * other host; the redirect is a typed, non-retried `ProviderError` carrying its status.
 */
const harness = useHarness();

/** The other host: a server on 127.0.0.2 that records whatever reaches it. */
async function otherHost(): Promise<MisbehavingServer> {
  return harness.server(await startMisbehavingServer(({ response }) => answer(response, 200, 'you should never see this'), { host: '127.0.0.2', maxRequests: 20 }));
}

/** A server that answers every API request with `status` and a Location on the other host. */
async function redirecting(status: number, target: MisbehavingServer, isAuth: (path: string) => boolean = () => false, authAnswer = '') {
  return harness.server(await startMisbehavingServer(async ({ request, response, body }) => {
    await body();
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (isAuth(path)) return answer(response, 200, authAnswer, { 'content-type': 'application/json' });
    answer(response, status, '', { location: `${target.url}${request.url ?? '/'}` });
  }, { maxRequests: 20 }));
}

const STRATEGIES: Readonly<Record<string, AuthStrategy>> = {
  sigv4: sigV4Auth({ credentials: () => FAKE.aws, region: 'us-east-1', service: 's3', s3: true }),
  basic: basicAuth(() => ({ username: FAKE.cloudsigma.username, password: FAKE.cloudsigma.password })),
  token: staticTokenAuth(FAKE.rackspace.apiKey),
};

describe('through the transport', () => {
  it.each(Object.keys(STRATEGIES).flatMap((name) => [301, 302, 307, 308].map((status) => [name, status] as const)))('%s, HTTP %i: not followed, typed, not retried', async (name, status) => {
    const other = await otherHost();
    const server = await redirecting(status, other);
    const transport = createTransport({ provider: 'demo', auth: STRATEGIES[name], dispatcher: harness.agent() });
    const error = await failure(transport.request({ method: 'GET', url: `${server.url}/object` }));
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, retryable: false });
    expect(other.requests).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe('through every driver', () => {
  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))('%s: a 307 to another host is not followed', async (_name, provider) => {
    const other = await otherHost();
    const server = await redirecting(307, other, (path) => provider.isAuth('POST', path), provider.authAnswer);
    const error = await failure(provider.list({ dispatcher: redirectAll(harness.agent(), server.url), retry: false }));
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(other.requests).toHaveLength(0);
  });
});

describe('a dispatcher the caller composed with undici\'s redirect interceptor', () => {
  // The transport opts out of redirect interceptors (`maxRedirections: 0` per request): undici drops Authorization
  // and Cookie on a cross-origin redirect, but not X-Auth-Token, so a caller's redirect-following dispatcher would hand a
  // Swift/Keystone token to the other host (was a hardening gap, fixed).
  it('swift: the token is still never sent to the other host', async () => {
    const other = await otherHost();
    const swift = harness.server(await startFakeSwift((call) => {
      if (call.container !== 'box') return false;
      answer(call.response, 307, '', { location: `${other.url}/stolen${call.request.url ?? ''}` });
      return true;
    }));
    const dispatcher = harness.agent().compose(interceptors.redirect({ maxRedirections: 2 }));
    const driver = swiftOn(swift, dispatcher, { retry: false });
    await driver.getContainer('box').catch(() => undefined);
    expect(other.requests.map((request) => request.headers['x-auth-token'])).toEqual(other.requests.map(() => undefined));
    expect(other.requests).toHaveLength(0);
  });
});
