import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reply, startLocalServer } from '../../test/support/local-server.js';
import { NetworkError } from '../errors/errors.js';
import { createTransport } from '../http/transport.js';
import { basicAuth } from './basic-auth.js';
import { x509Auth } from './x509-auth.js';

describe('basicAuth', () => {
  it('sends RFC 7617 credentials and reports them as secrets', async () => {
    const server = await startLocalServer((request, response) => reply(response, 200, String(request.headers.authorization)));
    try {
      const auth = basicAuth(() => ({ username: 'me@example.com', password: 'pä55:word' }));
      const response = await createTransport({ provider: 'demo', auth }).request({ method: 'GET', url: server.url });
      const expected = `Basic ${Buffer.from('me@example.com:pä55:word', 'utf8').toString('base64')}`;
      expect(response.body).toBe(expected);
      expect(auth.secrets?.()).toContain('pä55:word');
    } finally {
      await server.close();
    }
  });
});

/** Throw-away PKI made with the openssl CLI for this test run only; nothing is committed. */
function makeCertificates(directory: string) {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: directory, stdio: 'pipe' });
  const subject = (name: string) => ['-subj', `/CN=${name}`];
  run('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', ...subject('multicloud test CA'));
  writeFileSync(join(directory, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const name of ['server', 'client']) {
    run('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, ...subject(`multicloud test ${name}`));
    run('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1',
      ...(name === 'server' ? ['-extfile', 'server.ext'] : []));
  }
  const read = (file: string) => readFileSync(join(directory, file), 'utf8');
  return { ca: read('ca.pem'), serverCert: read('server.pem'), serverKey: read('server.key'), clientCert: read('client.pem'), clientKey: read('client.key') };
}

describe('x509Auth against a real HTTPS server that demands client certificates', () => {
  let directory: string;
  let server: Server;
  let url: string;
  let pki: ReturnType<typeof makeCertificates>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'multicloud-x509-'));
    pki = makeCertificates(directory);
    server = createServer({ key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true }, (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      response.end(`hello ${peer.subject?.CN}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }, 60_000);

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it('succeeds with the client certificate', async () => {
    const transport = createTransport({ provider: 'demo', auth: x509Auth({ cert: pki.clientCert, key: pki.clientKey, ca: pki.ca }) });
    await expect(transport.request({ method: 'GET', url })).resolves.toMatchObject({ status: 200, body: 'hello multicloud test client' });
    await transport.close();
  });

  it('fails with a typed, non-retryable error without one', async () => {
    const transport = createTransport({ provider: 'demo', tls: { ca: pki.ca }, retry: { maxAttempts: 1 } });
    const error = await transport.request({ method: 'GET', url }).catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).message).toMatch(/^demo: connection failed/);
    await transport.close();
  });

  it('refuses a server whose CA it was not told to trust (verification is never off by default)', async () => {
    const transport = createTransport({ provider: 'demo', auth: x509Auth({ cert: pki.clientCert, key: pki.clientKey }) });
    const error = await transport.request({ method: 'GET', url }).catch((caught: unknown) => caught);
    expect(NetworkError.isInstance(error) && error.retryable).toBe(false);
    expect((error as NetworkError).code).toMatch(/SELF_SIGNED|UNABLE_TO|CERT/);
    await transport.close();
  });
});
