import { request, type Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScrubber, REDACTED, setupPolly } from '../src/index.js';
import { readEntries, readHars, tempRecordings } from './support/helpers.js';
import { forbiddenUpstream } from './support/record-then-replay.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Secret values used in the requests below, and the ones the server hands out. None may reach a file. */
function secretsFor(run: string) {
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=AKIA${run}EXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${run}5f1e2d3c4b5a69788796a5b4`,
    authToken: `gAAAAA-auth-token-${run}`,
    authKey: `swift-key-${run}-abcdef`,
    sessionToken: `FwoGZXIvYXdzE-${run}-session`,
    amzSignature: `a1b2c3d4e5f6${run}0718293a4b5c6d7e8f`,
    amzCredential: `AKIAQUERY${run}/20240101/us-east-1/s3/aws4_request`,
    signature: `ec2sig${run}base64==`,
    sig: `gogridmd5${run}0123456789abcdef`,
    tempUrlSig: `tempurl${run}da39a3ee5e6b4b0d3255bfef95601890afd80709`,
    apiKeyQuery: `gogrid-api-key-${run}-xyz`,
    password: `hunter2-${run}-correct-horse`,
    apiKey: `rackspace-api-key-${run}-123`,
    secretKey: `wJalrXUtnFEMI-${run}-bPxRfiCYEXAMPLEKEY`,
    formPassword: `form-pass-${run}-zzz`,
    clientSecret: `client-secret-${run}-qqq`,
    custom: `custom-header-${run}-value`,
    vault: `vault-value-${run}-nested`,
    cookie: `cookie-sid-${run}-value`,
  };
}
const SERVER_SECRETS = ['tok-keystone-7f3a9c2e51', 'tok-subject-0b1c2d3e4f', 'tok-storage-9a8b7c6d5e', 'abc123secretcookie'];

describe('secrets never reach a recording', () => {
  let server: TestServer;
  let recordings: Awaited<ReturnType<typeof tempRecordings>>;
  beforeEach(async () => {
    server = await startTestServer();
    recordings = await tempRecordings();
  });
  afterEach(async () => {
    await server.close();
    await recordings.remove();
  });

  const scrubber = createScrubber({ headers: ['X-Custom-Secret'], jsonPaths: ['data.vault.*.value'] });

  async function traffic(dispatcher: Dispatcher, secrets: ReturnType<typeof secretsFor>): Promise<string[]> {
    const bodies: string[] = [];
    const send = async (path: string, options: Partial<Dispatcher.RequestOptions> = {}) => {
      const response = await request(`${server.origin}${path}`, { dispatcher, ...options } as never);
      bodies.push(await response.body.text());
    };
    await send('/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { passwordCredentials: { username: 'demo', password: secrets.password }, 'RAX-KSKEY:apiKeyCredentials': { apiKey: secrets.apiKey } } }),
    });
    await send(
      `/echo?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(secrets.amzCredential)}&X-Amz-Signature=${secrets.amzSignature}` +
        `&Signature=${encodeURIComponent(secrets.signature)}&sig=${secrets.sig}&temp_url_sig=${secrets.tempUrlSig}&api_key=${secrets.apiKeyQuery}&keep=me`,
      {
        method: 'PUT',
        headers: {
          authorization: secrets.authorization,
          'x-auth-token': secrets.authToken,
          'x-auth-key': secrets.authKey,
          'x-amz-security-token': secrets.sessionToken,
          'x-custom-secret': secrets.custom,
          cookie: `lang=en; sid=${secrets.cookie}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ credentials: { secret_access_key: secrets.secretKey, api_key: secrets.apiKey }, data: { vault: [{ value: secrets.vault }] } }),
      },
    );
    await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=demo&password=${secrets.formPassword}&client_secret=${secrets.clientSecret}`,
    });
    await send('/json');
    return bodies;
  }

  it('redacts headers, query values, JSON/form fields and echoed values in requests and responses', async () => {
    const real = secretsFor('r1');
    const recorder = setupPolly({ recordingsDir: recordings.dir, recordingName: 'secrets', mode: 'record', global: false, scrubber });
    const live = await traffic(recorder.dispatcher, real);
    await recorder.stop();
    expect(live[0]).toContain('tok-keystone-7f3a9c2e51'); // the caller gets the real token while recording

    const files = await readHars(recordings.dir);
    expect(files).toHaveLength(1);
    const file = files[0] as string;
    for (const secret of [...Object.values(real), ...SERVER_SECRETS]) {
      expect(file, `secret ${secret} leaked`).not.toContain(secret);
      expect(file).not.toContain(encodeURIComponent(secret));
    }
    expect(file).toContain(REDACTED);
    expect(file).toContain('keep=me');
    expect(file).toContain(String.raw`\"username\":\"demo\"`); // JSON text inside the HAR's JSON

    const [tokens] = await readEntries(recordings.dir);
    expect(JSON.parse(tokens?.response.content.text)).toEqual({ access: { token: { id: REDACTED, expires: '2999-01-01T00:00:00Z' } } });
    const contentLength = tokens?.response.headers.find((header: { name: string }) => header.name === 'content-length').value;
    expect(Number(contentLength)).toBe(Buffer.byteLength(tokens?.response.content.text));

    // Secrets are not part of a request's identity: a replay with different (fake) credentials matches.
    await server.close();
    const replayer = setupPolly({ recordingsDir: recordings.dir, recordingName: 'secrets', mode: 'replay', global: false, scrubber, upstream: forbiddenUpstream() });
    try {
      const replayed = await traffic(replayer.dispatcher, secretsFor('fake'));
      expect(replayed[3]).toBe(live[3]);
      expect(JSON.parse(replayed[0] as string).access.token.id).toBe(REDACTED);
    } finally {
      await replayer.stop();
    }
  });

  it('can be turned off with scrubber: false in the adapter options', async () => {
    const polly = setupPolly({
      recordingsDir: recordings.dir,
      recordingName: 'unscrubbed',
      mode: 'record',
      global: false,
      config: { adapterOptions: { undici: { scrubber: false } } },
    });
    await (await request(`${server.origin}/tokens`, { dispatcher: polly.dispatcher, method: 'POST' })).body.text();
    await polly.stop();
    expect((await readHars(recordings.dir))[0]).toContain('tok-keystone-7f3a9c2e51');
  });
});
