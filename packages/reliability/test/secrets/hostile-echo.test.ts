import type { TransportEvent } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { FAKE_SECRETS, findSecrets } from '../support/credentials.js';
import { redirectAll, useHarness } from '../support/harness.js';
import { causeChain, failure } from '../support/leaks.js';
import { answer, startMisbehavingServer } from '../support/misbehaving-server.js';
import { PROVIDERS, type ProviderUnderTest } from '../support/provider-drivers.js';

/**
 * Secrets, part 4: the worst case — a server that echoes every request (URL, headers, body) back in its error
 * answer, in each provider's own error format so the echo reaches the error message. Every driver, with this
 * suite's credentials and a logger: the echo shows up, the credentials (and the tokens an identity service issued)
 * do not — not in the message, the `cause` chain, or any log event.
 */
const harness = useHarness();
const ISSUED_TOKEN = 'rel-keystone-token-9a7c51e0';
const SECRETS = [...FAKE_SECRETS, ISSUED_TOKEN];

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each provider's error format, carrying `echo` as the message. */
function errorBody(provider: ProviderUnderTest, echo: string): { status: number; body: string } {
  switch (provider.name) {
    case 'ec2 compute': return { status: 400, body: `<Response><Errors><Error><Code>Echo</Code><Message>${xml(echo)}</Message></Error></Errors><RequestID>r-1</RequestID></Response>` };
    case 'ec2 elb': return { status: 400, body: `<ErrorResponse><Error><Type>Sender</Type><Code>Echo</Code><Message>${xml(echo)}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>` };
    case 'ec2 s3': return { status: 400, body: `<Error><Code>Echo</Code><Message>${xml(echo)}</Message><RequestId>r-1</RequestId></Error>` };
    case 'rackspace compute':
    case 'rackspace lb': return { status: 400, body: JSON.stringify({ badRequest: { code: 400, message: echo } }) };
    case 'rackspace cloudfiles': return { status: 400, body: echo };
    case 'gogrid compute':
    case 'gogrid lb': return { status: 400, body: JSON.stringify({ status: 'failure', list: [{ object: 'error', message: echo, errorcode: 'Echo' }], summary: { total: 1, start: 0, returned: 1 } }) };
    case 'cloudsigma 2.0': return { status: 400, body: JSON.stringify([{ error_point: null, error_type: 'validation', error_message: echo }]) };
    case 'cloudsigma 1.0': return { status: 400, body: `errors ${echo}\n` };
    default: return { status: 400, body: JSON.stringify({ error: echo }) };
  }
}

/** The identity answer with a token of our own (so it can be looked for). */
function authAnswer(provider: ProviderUnderTest): string {
  const document = JSON.parse(provider.authAnswer ?? '{}') as { access?: { token?: Record<string, unknown> } };
  return JSON.stringify({ ...document, access: { ...document.access, token: { ...document.access?.token, id: ISSUED_TOKEN } } });
}

async function echoing(provider: ProviderUnderTest, echoIdentity: boolean) {
  return harness.server(await startMisbehavingServer(async ({ request, response, body }) => {
    const sent = (await body()).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const isAuth = provider.isAuth(request.method ?? '', path);
    if (isAuth && !echoIdentity) return answer(response, 200, authAnswer(provider), { 'content-type': 'application/json' });
    const echo = `ECHO ${JSON.stringify({ url: request.url, headers: request.headers, body: sent })}`;
    const { status, body: error } = isAuth ? { status: 401, body: JSON.stringify({ unauthorized: { code: 401, message: echo } }) } : errorBody(provider, echo);
    answer(response, status, error, { 'content-type': error.startsWith('<') ? 'application/xml' : 'application/json', 'x-echo-authorization': String(request.headers.authorization ?? '') });
  }, { maxRequests: 6 }));
}

async function expectNoLeak(provider: ProviderUnderTest, echoIdentity: boolean): Promise<void> {
  const server = await echoing(provider, echoIdentity);
  const events: TransportEvent[] = [];
  const error = await failure(provider.list({ dispatcher: redirectAll(harness.agent(), server.url), retry: false, logger: (event) => events.push(event) }));
  // The echo really came back (so the secrets were in the answer before the SDK scrubbed them).
  expect((error as Error).message).toContain('ECHO');
  expect(events.some((event) => event.type === 'error')).toBe(true);
  expect(findSecrets([...causeChain(error), JSON.stringify(events)].join('\n'), SECRETS)).toEqual([]);
}

describe('a server that echoes requests in its errors', () => {
  it.each(PROVIDERS.map((provider) => [provider.name, provider] as const))('%s: API errors carry no credential', async (_name, provider) => {
    await expectNoLeak(provider, false);
  });

  it.each(PROVIDERS.filter((provider) => provider.authAnswer !== undefined).map((provider) => [provider.name, provider] as const))('%s: identity errors carry no credential', async (_name, provider) => {
    await expectNoLeak(provider, true);
  });
});
