/**
 * A throw-away OpenSSH server for tests: Debian's `/usr/sbin/sshd` on 127.0.0.1, a free port, a fresh ed25519 host key
 * and client keys, all in a temp directory removed afterwards.
 *
 * As root (CI), logins go to a throw-away local user (created with `useradd`, given a random password with
 * `chpasswd`, removed with `userdel`) whose home is inside the temp directory, so nothing of the machine's own users is
 * touched and password logins can be tested without knowing or changing root's password. Not as root, sshd can only
 * log in the current user (by key; password checks need root); `SetEnv HOME=…` then points `$HOME` of the sessions
 * into the temp directory (the sessions still start in the real home directory).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian (and most distributions) install the OpenSSH server. */
const SSHD_CANDIDATES = ['/usr/sbin/sshd', '/usr/local/sbin/sshd'];
/** How long a started sshd may take to answer with its banner. */
const START_TIMEOUT_MS = 10_000;

/** The sshd binary, or undefined when OpenSSH's server is not installed. */
export function findSshd(): string | undefined {
  return SSHD_CANDIDATES.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A running test sshd. */
export interface SshServer {
  /** Its port on 127.0.0.1. */
  readonly port: number;
  /** What sshd logged so far (`-e`: to stderr), for diagnosing a failed test. */
  log(): string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** Keys, user and servers of one test file. */
export interface SshFixture {
  /** The temp directory holding everything. */
  readonly dir: string;
  /** The user to log in as. */
  readonly username: string;
  /** That user's password, when password logins work (running as root); otherwise undefined. */
  readonly password: string | undefined;
  /** `$HOME` of the login sessions (inside `dir`). */
  readonly home: string;
  /** Private key (OpenSSH format) listed in the server's authorized keys. */
  readonly clientKey: string;
  /** A valid private key the server does not know. */
  readonly wrongKey: string;
  /** A public key nobody uses for logging in, for SshKeyDeployment. */
  readonly spareKey: string;
  /** Starts an sshd, on `port` when given (else a free one); resolves once it answers with an SSH banner. */
  startServer(port?: number): Promise<SshServer>;
  /** A port on 127.0.0.1 that nothing listens on (at the moment). */
  freePort(): Promise<number>;
  /** Stops every server started, removes the test user (as root) and the temp directory. */
  dispose(): Promise<void>;
}

/** Finds a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when 127.0.0.1:`port` sends an SSH banner; rejects if `child` exits or time runs out. */
async function waitForBanner(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`sshd exited (${String(child.exitCode ?? child.signalCode)}):\n${log()}`);
    const banner = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.setTimeout(1_000);
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString('latin1').startsWith('SSH-'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (banner) return;
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`sshd did not answer on port ${port} within ${START_TIMEOUT_MS} ms:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function keygen(path: string, comment: string): Promise<{ privateKey: string; publicKey: string }> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
  return { privateKey: await readFile(path, 'utf8'), publicKey: (await readFile(`${path}.pub`, 'utf8')).trim() };
}

/** Creates a throw-away local user (root only) with its home in `home` and a random password. */
async function createUser(home: string): Promise<{ username: string; password: string }> {
  const username = `mcdeploy${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  await run('useradd', ['--home-dir', home, '--create-home', '--shell', '/bin/sh', '--user-group', username]);
  const chpasswd = spawn('chpasswd', { stdio: ['pipe', 'ignore', 'inherit'] });
  chpasswd.stdin.end(`${username}:${password}\n`);
  const code = await new Promise<number | null>((resolve) => chpasswd.once('close', resolve));
  if (code !== 0) {
    await run('userdel', ['--force', '--remove', username]).catch(() => undefined);
    throw new Error(`chpasswd exited with ${String(code)}`);
  }
  return { username, password };
}

/**
 * Sets up keys, user and configuration in a fresh temp directory.
 * @param sshd - the sshd binary from {@link findSshd}
 */
export async function createSshFixture(sshd: string): Promise<SshFixture> {
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'mc-sshd-'));
  // sshd reads authorized_keys as the logging-in user: the directory must be traversable.
  await chmod(dir, 0o755);
  const servers = new Set<SshServer>();
  let username = userInfo().username;
  let password: string | undefined;
  const home = join(dir, 'home');
  try {
    await keygen(join(dir, 'host_ed25519'), 'test host');
    const client = await keygen(join(dir, 'client_ed25519'), 'test client');
    const wrong = await keygen(join(dir, 'wrong_ed25519'), 'test wrong');
    const spare = await keygen(join(dir, 'spare_ed25519'), 'test spare');
    await writeFile(join(dir, 'authorized_keys'), `${client.publicKey}\n`, { mode: 0o644 });
    if (asRoot) {
      ({ username, password } = await createUser(home));
      // sshd's privilege separation directory; a container may lack it.
      mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    } else {
      await mkdir(home, { mode: 0o700 });
    }

    const startServer = async (port?: number): Promise<SshServer> => {
      const listenPort = port ?? (await freePort());
      const config = join(dir, `sshd_config.${listenPort}`);
      await writeFile(config, [
        'ListenAddress 127.0.0.1',
        `Port ${listenPort}`,
        `HostKey ${join(dir, 'host_ed25519')}`,
        `PidFile ${join(dir, `sshd.${listenPort}.pid`)}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        `AllowUsers ${username}`,
        'StrictModes no',
        'UsePAM no',
        'PubkeyAuthentication yes',
        `PasswordAuthentication ${asRoot ? 'yes' : 'no'}`,
        'KbdInteractiveAuthentication no',
        'PermitRootLogin no',
        'PermitEmptyPasswords no',
        'UseDNS no',
        'PrintMotd no',
        'PrintLastLog no',
        'MaxStartups 100:30:200',
        'LoginGraceTime 30',
        'LogLevel VERBOSE',
        'Subsystem sftp internal-sftp',
        ...(asRoot ? [] : [`SetEnv HOME=${home}`]),
        '',
      ].join('\n'));
      const child = spawn(sshd, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const server: SshServer = {
        port: listenPort,
        log: () => output,
        stop: async () => {
          servers.delete(server);
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        },
      };
      servers.add(server);
      try {
        await waitForBanner(listenPort, child, server.log);
      } catch (error) {
        await server.stop();
        throw error;
      }
      return server;
    };

    const dispose = async (): Promise<void> => {
      await Promise.all([...servers].map((server) => server.stop()));
      if (password !== undefined) await run('userdel', ['--force', '--remove', username]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    };

    return {
      dir,
      username,
      password,
      home,
      clientKey: client.privateKey,
      wrongKey: wrong.privateKey,
      spareKey: spare.publicKey,
      startServer,
      freePort,
      dispose,
    };
  } catch (error) {
    if (password !== undefined) await run('userdel', ['--force', '--remove', username]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
