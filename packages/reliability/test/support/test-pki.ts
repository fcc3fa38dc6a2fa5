import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away CA and a server certificate for 127.0.0.1 signed by it (PEM). */
export interface TestPki {
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

/**
 * Makes a CA and a 127.0.0.1 server certificate with the openssl CLI (as core's x509 tests do), in a temporary
 * folder that is removed at once; nothing is committed and nothing outlives the test run.
 */
export function makeTestPki(): TestPki {
  const directory = mkdtempSync(join(tmpdir(), 'multicloud-reliability-pki-'));
  try {
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: directory, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=multicloud reliability test CA');
    writeFileSync(join(directory, 'server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'server.ext');
    const read = (file: string) => readFileSync(join(directory, file), 'utf8');
    return { ca: read('ca.pem'), serverCert: read('server.pem'), serverKey: read('server.key') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
