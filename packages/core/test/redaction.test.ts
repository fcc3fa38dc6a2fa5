import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createIdentityCache,
  createTransport,
  goGridAuth,
  identityTokenAuth,
  keystoneV2Exchange,
  sigV4Auth,
  staticTokenAuth,
  type AuthStrategy,
  type TransportEvent,
} from '../src/index.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';

/** Every secret the strategies below are given. None may appear in any log event or error. */
const SECRETS = {
  awsSecret: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYsecretAWS',
  sessionToken: 'FQoGZXIvYXdzEJr-session-token-value',
  basicPassword: 'basic-pässword-42',
  staticToken: 'static-token-0f3a9c',
  apiKey: 'rackspace-api-key-77c1',
  keystoneToken: 'keystone-issued-token-5e2b',
  goGridSecret: 'gogrid-shared-secret-9d',
  goGridKey: 'gogrid-api-key-visible',
};

/**
 * A hostile server: it echoes back every header, the URL and the body of each request in its error answers, and
 * hands out a token from its fake identity endpoint — the worst case for leaking secrets into errors.
 */
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url.endsWith('/tokens')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access: { token: { id: SECRETS.keystoneToken, expires: '2999-01-01T00:00:00Z' }, serviceCatalog: [] } }));
      return;
    }
    const echo = JSON.stringify({ url: request.url, headers: request.headers, body: request.body.toString() });
    response.writeHead(400, { 'content-type': 'application/json', 'x-echo-auth': String(request.headers.authorization ?? '') });
    response.end(JSON.stringify({ code: 'Echo', message: `you sent ${echo}` }));
  });
});
afterAll(() => server.close());

const strategies: Record<string, () => AuthStrategy> = {
  sigv4: () => sigV4Auth({ credentials: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRETS.awsSecret, sessionToken: SECRETS.sessionToken }), region: 'us-east-1', service: 'ec2' }),
  basic: () => basicAuth(() => ({ username: 'user@example.com', password: SECRETS.basicPassword })),
  token: () => staticTokenAuth(SECRETS.staticToken),
  keystone: () =>
    identityTokenAuth(createIdentityCache(keystoneV2Exchange({ authUrl: `${server.url}/v2.0`, credentials: () => ({ username: 'user', apiKey: SECRETS.apiKey }) }))),
  gogrid: () => goGridAuth({ credentials: () => ({ apiKey: SECRETS.goGridKey, sharedSecret: SECRETS.goGridSecret }) }),
};

function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 10; current = (current as { cause?: unknown }).cause, depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}\n${JSON.stringify(current)}` : String(current));
  }
  return parts.join('\n');
}

describe('secrets never leave the SDK', () => {
  it.each(Object.keys(strategies))('%s: absent from log events and errors, even when the server echoes them', async (name) => {
    const events: TransportEvent[] = [];
    const transport = createTransport({ provider: 'echo', auth: strategies[name]!(), logger: (event) => events.push(event), retry: false });
    const error = await transport
      .request({
        method: 'POST',
        url: `${server.url}/api?password=${encodeURIComponent(SECRETS.basicPassword)}&X-Amz-Signature=abc`,
        headers: { 'Content-Type': 'application/json', 'X-Auth-Token': SECRETS.staticToken },
        body: JSON.stringify({ auth: { passwordCredentials: { username: 'u', password: SECRETS.basicPassword } } }),
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    // The echo proves the secrets really were in the server's answer before the SDK scrubbed them.
    expect((error as Error).message).toContain('you sent');
    const everything = `${JSON.stringify(events)}\n${causeChain(error)}`;
    const used = name === 'gogrid' ? [SECRETS.goGridSecret, SECRETS.goGridKey, SECRETS.basicPassword, SECRETS.staticToken] : Object.values(SECRETS).filter((secret) => secret !== SECRETS.goGridKey);
    for (const secret of used) expect(everything).not.toContain(secret);
    expect(events.map((event) => event.type)).toEqual(name === 'keystone' ? ['request', 'response', 'request', 'response', 'error'] : ['request', 'response', 'error']);
  });
});
