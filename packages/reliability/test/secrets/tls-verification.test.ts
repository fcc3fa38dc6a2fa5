import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { NetworkError, createTransport, type TransportSettings } from '@multicloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGES } from '../support/har-scan.js';
import { failure } from '../support/leaks.js';
import { PROVIDERS, type ProviderUnderTest } from '../support/provider-drivers.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

/**
 * TLS verification is never off by default: every driver refuses a server whose certificate chains to a CA it was
 * not told about (typed, non-retryable `NetworkError`), and `tls: { ca }` is the way to trust a private CA. No
 * source file of the SDK turns verification off.
 */
let pki: TestPki;
let server: Server;
let origin: string;
const sockets = new Set<Socket>();
let provider: ProviderUnderTest | undefined;

beforeAll(async () => {
  pki = makeTestPki();
  server = createServer({ key: pki.serverKey, cert: pki.serverCert }, (request, response) => {
    request.resume();
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'https://x').pathname;
      const auth = provider?.isAuth(request.method ?? '', path) === true;
      response.writeHead(200, { 'content-type': auth ? 'application/json' : provider?.format === 'xml' ? 'application/xml' : 'application/json' });
      response.end(auth ? rewriteCatalog(provider?.authAnswer ?? '') : provider?.goodAnswer);
    });
  });
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** Points every URL of a Keystone catalog at the test server. */
function rewriteCatalog(catalog: string): string {
  return catalog.replace(/https:\/\/[a-z0-9.-]+\.(?:rackspacecloud|clouddrive|rackcdn)\.com/g, origin);
}

/** The settings that send a driver to the test server (its `endpoint`, or its identity URL). */
function toTestServer(name: string): TransportSettings & Record<string, unknown> {
  if (name.startsWith('rackspace')) return { authUrl: `${origin}/v2.0` };
  return { endpoint: origin };
}

describe('TLS verification', () => {
  it('the transport alone: a self-signed chain is a non-retryable NetworkError naming the certificate problem', async () => {
    const transport = createTransport({ provider: 'demo' });
    const error = await failure(transport.request({ method: 'GET', url: `${origin}/` }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect((error as NetworkError).code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
  });

  it.each(PROVIDERS.map((candidate) => [candidate.name, candidate] as const))('%s: refused by default, trusted with tls: { ca }', async (_name, candidate) => {
    provider = candidate;
    const error = await failure(candidate.list({ ...toTestServer(candidate.name), retry: false }));
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/);
    const listed = await candidate.list({ ...toTestServer(candidate.name), retry: false, tls: { ca: pki.ca } });
    expect(Array.isArray(listed)).toBe(true);
  });

  it('no source file turns verification off (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED)', () => {
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder)) {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.[cm]?[jt]s$/.test(entry) && !/\.test\.ts$/.test(entry)) {
          const text = readFileSync(path, 'utf8');
          if (/rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity\s*:/.test(text)) offenders.push(path);
        }
      }
    };
    for (const name of readdirSync(PACKAGES)) {
      try {
        walk(join(PACKAGES, name, 'src'));
      } catch {
        // a package without src
      }
    }
    expect(offenders).toEqual([]);
    expect(process.env['NODE_TLS_REJECT_UNAUTHORIZED']).not.toBe('0');
  });
});
