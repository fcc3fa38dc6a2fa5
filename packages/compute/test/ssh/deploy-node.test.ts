import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeploymentError,
  DeploymentStepError,
  FileDeployment,
  MultiStepDeployment,
  ScriptDeployment,
  SshKeyDeployment,
  deployNode,
  type DeployDriver,
  type DeployNodeOptions,
  type Node,
  type NodeImage,
  type NodeSize,
  type SshOptions,
} from '@multicloud/compute';
import { createSshFixture, findSshd, type SshFixture, type SshServer } from '../support/sshd.js';

const sshd = findSshd();
const inCi = Boolean(process.env.CI);
if (sshd === undefined && !inCi) {
  console.warn('test/ssh: skipped: /usr/sbin/sshd not found; install it with `apt-get install -y openssh-server` to run the SSH deployment tests');
}
const asRoot = process.getuid?.() === 0;

const size: NodeSize = { id: 's', name: 'S', ram: 1, disk: 1, extra: {} };
const image: NodeImage = { id: 'i', name: 'I', extra: {} };
const running: Node = { id: 'n-1', name: 'local', state: 'running', publicIps: [], privateIps: ['127.0.0.1'], provider: 'fake', extra: {} };

/** A driver with one node on 127.0.0.1: created `pending`, listed `running`. */
function fakeDriver(): DeployDriver & { getNode(id: string): Promise<Node> } {
  return {
    provider: 'fake',
    createNode: async () => ({ ...running, state: 'pending' }),
    getNode: async () => running,
    listNodes: async () => [running],
  };
}

/** Everything thrown, with its causes, as one string, to look for secrets in. */
function allText(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && e !== null; e = (e as { cause?: unknown }).cause) {
    parts.push(String(e), (e as Error).stack ?? '', JSON.stringify(e));
    if (parts.length > 30) break;
  }
  return parts.join('\n');
}

/** The base64 body lines of a PEM/OpenSSH key. */
function keyMaterial(privateKey: string): string[] {
  return privateKey.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
}

describe.skipIf(sshd === undefined && !inCi)('deployNode against a real OpenSSH server', () => {
  let fixture: SshFixture;
  let server: SshServer;

  beforeAll(async () => {
    if (sshd === undefined) {
      throw new Error('CI is set but no sshd was found at /usr/sbin/sshd: .ci/run must `apt-get install -y openssh-server`');
    }
    fixture = await createSshFixture(sshd);
    server = await fixture.startServer();
  }, 30_000);

  afterAll(async () => {
    await fixture?.dispose();
  });

  /** Deploys to the shared server as the test user with the authorized key, unless overridden. */
  function deploy(options: Partial<DeployNodeOptions> & Pick<DeployNodeOptions, 'deployment'>, ssh: Partial<SshOptions> = {}) {
    return deployNode(fakeDriver(), {
      node: running,
      ...options,
      ssh: { username: fixture.username, privateKey: fixture.clientKey, port: server.port, connectTimeoutMs: 5_000, readyTimeoutMs: 10_000, ...ssh },
    });
  }

  it('creates the node, logs in with a key and records a script\'s stdout, stderr and exit status 0', async () => {
    const script = ScriptDeployment({ script: '#!/bin/sh\necho "hello $1 from $(id -un)"\necho "note" >&2\n', args: ['big world'] });
    const { node, results } = await deploy({ node: { name: 'local', size, image }, deployment: script, pollIntervalMs: 10 });
    expect(node).toEqual(running);
    expect(results).toEqual([{ step: script, stdout: `hello big world from ${fixture.username}\n`, stderr: 'note\n', exitStatus: 0 }]);
    if (asRoot) expect((await readdir(fixture.home)).filter((name) => name.startsWith('.multicloud-deploy-'))).toEqual([]);
  });

  it('fails on a non-zero exit with a DeploymentError carrying the node and the stderr in the step result', async () => {
    const error = await deploy({ deployment: ScriptDeployment({ script: '#!/bin/sh\necho "E: broken" >&2\nexit 3\n' }) }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error) && DeploymentStepError.isInstance(error)).toBe(true);
    const stepError = error as DeploymentStepError;
    expect(stepError.node).toEqual(running);
    expect(stepError.message).toContain('step 1 (script) exited with status 3');
    expect(stepError.results[0]).toMatchObject({ stderr: 'E: broken\n', exitStatus: 3 });
  });

  it('uploads files byte-exact, from memory and from a local path, with the mode given', async () => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);
    const local = join(fixture.dir, 'local-source.bin');
    await writeFile(local, bytes.subarray(1000));
    const first = join(fixture.home, 'payload.bin');
    const second = join(fixture.home, 'from-path.bin');
    await deploy({
      deployment: MultiStepDeployment([
        FileDeployment({ source: { content: bytes }, target: first, mode: 0o640 }),
        FileDeployment({ source: { path: local }, target: second }),
      ]),
    });
    expect((await readFile(first)).equals(bytes)).toBe(true);
    expect((await stat(first)).mode & 0o777).toBe(0o640);
    expect((await readFile(second)).equals(bytes.subarray(1000))).toBe(true);
  });

  it('adds an SSH key once, however often it runs, with 0700/0600 permissions', async () => {
    const keyStep = SshKeyDeployment({ publicKey: fixture.spareKey });
    const seed = ScriptDeployment({ script: '#!/bin/sh\nmkdir -p "$HOME/.ssh"\nprintf "ssh-ed25519 AAAAexisting old" > "$HOME/.ssh/authorized_keys"\n' });
    await deploy({ deployment: MultiStepDeployment([seed, keyStep, keyStep]) });
    await deploy({ deployment: keyStep });
    const file = join(fixture.home, '.ssh', 'authorized_keys');
    expect(await readFile(file, 'utf8')).toBe(`ssh-ed25519 AAAAexisting old\n${fixture.spareKey}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(fixture.home, '.ssh'))).mode & 0o777).toBe(0o700);
  });

  it('runs a multi-step deployment in order', async () => {
    const log = join(fixture.home, 'order.txt');
    const append = (word: string) => ScriptDeployment({ script: `#!/bin/sh\necho ${word} >> ${log}\n` });
    const steps = [
      append('one'),
      MultiStepDeployment([append('two'), FileDeployment({ source: { content: 'three\n' }, target: join(fixture.home, 'three.txt') })]),
      ScriptDeployment({ script: `#!/bin/sh\ncat ${log} ${join(fixture.home, 'three.txt')}\n` }),
    ];
    const { results } = await deploy({ deployment: MultiStepDeployment(steps) });
    expect(results.map((result) => result.step.kind)).toEqual(['script', 'script', 'file', 'script']);
    expect(results[3]?.stdout).toBe('one\ntwo\nthree\n');
  });

  it('tries the alternate usernames in order when the server refuses a login', async () => {
    const { results } = await deploy(
      { deployment: ScriptDeployment({ script: '#!/bin/sh\nid -un\n' }) },
      { username: 'nobody-here', alternateUsernames: ['ubuntu-not-here', fixture.username] },
    );
    expect(results[0]?.stdout).toBe(`${fixture.username}\n`);
  });

  it('keeps retrying until the SSH port answers', async () => {
    const port = await fixture.freePort();
    const started = Date.now();
    const deploying = deploy({ deployment: ScriptDeployment({ script: '#!/bin/sh\necho up\n' }) }, { port });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const late = await fixture.startServer(port);
    try {
      const { results } = await deploying;
      expect(results[0]?.stdout).toBe('up\n');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
    } finally {
      await late.stop();
    }
  });

  it('gives up when the port never answers within readyTimeoutMs', async () => {
    const port = await fixture.freePort();
    const error = await deploy({ deployment: ScriptDeployment({ script: 'true' }) }, { port, readyTimeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`SSH at 127.0.0.1:${port} did not answer within 1000 ms`);
  });

  it('fails with a DeploymentError carrying the node and no key material when the key is wrong', async () => {
    const error = await deploy({ deployment: ScriptDeployment({ script: 'true' }) }, { privateKey: fixture.wrongKey }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as DeploymentError).node).toEqual(running);
    expect((error as Error).message).toBe(
      `deployment to node local (n-1) failed: SSH login to 127.0.0.1:${server.port} refused for user ${fixture.username}`,
    );
    const text = allText(error);
    expect(text).not.toContain('PRIVATE KEY');
    for (const line of [...keyMaterial(fixture.wrongKey), ...keyMaterial(fixture.clientKey)]) expect(text).not.toContain(line);
  });

  it.runIf(asRoot)('logs in with a password, and never shows a wrong one', async () => {
    const script = ScriptDeployment({ script: '#!/bin/sh\nid -un\n' });
    const { results } = await deploy({ deployment: script }, { privateKey: undefined, password: fixture.password });
    expect(results[0]?.stdout).toBe(`${fixture.username}\n`);

    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const error = await deploy({ deployment: script }, { privateKey: undefined, password: wrong }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('refused for user');
    expect(allText(error)).not.toContain(wrong);
  });

  it('stops a running deployment at once when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('stop now');
    const started = Date.now();
    const deploying = deploy({
      // An aborted script is not cleaned up: keep it inside the fixture (not as root, sessions start in the real home).
      deployment: ScriptDeployment({ script: '#!/bin/sh\nwhile :; do echo tick; sleep 0.1; done\n', name: join(fixture.home, 'loop.sh') }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 1_000);
    const error = await deploying.catch((e: unknown) => e);
    expect(DeploymentStepError.isInstance(error)).toBe(true);
    expect((error as DeploymentStepError).node).toEqual(running);
    expect((error as Error).message).toContain('was aborted');
    expect((error as Error).cause).toBe(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops waiting for the SSH port at once when aborted', async () => {
    const port = await fixture.freePort();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const error = await deploy({ deployment: ScriptDeployment({ script: 'true' }), signal: controller.signal }, { port }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('deployment to node local (n-1) failed: aborted');
    expect((error as Error).cause).toMatchObject({ name: 'AbortError' });
  });
});
