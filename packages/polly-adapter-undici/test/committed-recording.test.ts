import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, request, type Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { modeFromEnvironment, REDACTED, setupPolly } from '../src/index.js';
import { countConnectAttempts } from './support/helpers.js';
import { forbiddenUpstream } from './support/record-then-replay.js';

/**
 * Replays a recording committed under test/recordings, with networking impossible: the host does not exist
 * (`.test` never resolves), no server is started, and the upstream dispatcher throws if used. This proves a
 * clean clone replays. Re-record with `POLLY_MODE=record pnpm test committed` (starts a local server and
 * routes `cloud.example.test` to it).
 */
const RECORDINGS_DIR = fileURLToPath(new URL('./recordings/', import.meta.url));
const ORIGIN = 'http://cloud.example.test';
const RECORDED_PASSWORD = 'recorded-password-Zq8xK2';
const ISSUED_TOKEN = 'tok-fixture-4d5e6f7a8b9c';
const OBJECT = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/** Record mode only: a local server playing Keystone v2 and Swift, reached for every host by the upstream. */
async function startFixtureServer(): Promise<{ upstream: Dispatcher; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/v2.0/tokens') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ access: { token: { id: ISSUED_TOKEN, expires: '2099-01-01T00:00:00Z' }, user: { name: 'demo' } } }));
    }
    if (req.headers['x-auth-token'] !== ISSUED_TOKEN) return res.writeHead(401).end();
    if (req.url === '/v1/AUTH_demo/photos?format=json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify([{ name: 'bytes.bin', bytes: OBJECT.length }]));
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': OBJECT.length });
    return res.end(OBJECT);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const upstream = new Agent({
    connect: (_options, callback) => {
      const socket = netConnect(port, '127.0.0.1');
      socket.once('connect', () => callback(null, socket)).once('error', (error) => callback(error, null));
    },
  });
  return { upstream, close: async () => void (await upstream.close(), await new Promise((resolve) => server.close(resolve))) };
}

async function scenario(dispatcher: Dispatcher, password: string) {
  const auth = await request(`${ORIGIN}/v2.0/tokens`, {
    dispatcher,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username: 'demo', password }, tenantName: 'demo' } }),
  });
  const token = ((await auth.body.json()) as { access: { token: { id: string } } }).access.token.id;
  const list = await request(`${ORIGIN}/v1/AUTH_demo/photos?format=json`, { dispatcher, headers: { 'x-auth-token': token } });
  const object = await request(`${ORIGIN}/v1/AUTH_demo/photos/bytes.bin`, { dispatcher, headers: { 'x-auth-token': token } });
  return { token, list: await list.body.json(), object: Buffer.from(await object.body.arrayBuffer()) };
}

describe('a committed recording', () => {
  const mode = modeFromEnvironment();

  it.runIf(mode === 'record')('is re-recorded from the local fixture server', async () => {
    const fixture = await startFixtureServer();
    const polly = setupPolly({ recordingsDir: RECORDINGS_DIR, recordingName: 'committed-keystone-swift', mode: 'record', upstream: fixture.upstream });
    try {
      expect((await scenario(polly.dispatcher, RECORDED_PASSWORD)).token).toBe(ISSUED_TOKEN);
    } finally {
      await polly.stop();
      await fixture.close();
    }
  });

  it.runIf(mode !== 'record')('replays from a clean clone with networking impossible, with fake credentials', async () => {
    const connects = countConnectAttempts();
    const polly = setupPolly({ recordingsDir: RECORDINGS_DIR, recordingName: 'committed-keystone-swift', mode: 'replay', upstream: forbiddenUpstream() });
    try {
      const result = await scenario(polly.dispatcher, 'a-fake-password');
      expect(result.token).toBe(REDACTED);
      expect(result.list).toEqual([{ name: 'bytes.bin', bytes: 256 }]);
      expect(result.object.equals(OBJECT)).toBe(true);
      expect(connects.count).toBe(0);
    } finally {
      connects.stop();
      await polly.stop();
    }
  });

  it('contains no secret', async () => {
    const [folder] = (await readdir(RECORDINGS_DIR)).filter((name) => name.startsWith('committed-keystone-swift'));
    const har = await readFile(`${RECORDINGS_DIR}${folder}/recording.har`, 'utf8');
    expect(har).not.toContain(RECORDED_PASSWORD);
    expect(har).not.toContain(ISSUED_TOKEN);
    expect(har).toContain(REDACTED);
  });
});
