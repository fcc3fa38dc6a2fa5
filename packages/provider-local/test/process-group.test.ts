import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_ID_VARIABLE, stopNodeGroup } from '../src/compute/local-process-group.js';
import { eventually, isGone } from './support/local-test-support.js';

/** Group bookkeeping on Linux, where a node's processes are found by process group and `MULTICLOUD_NODE_ID`. */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
});

/** Starts `script` under `sh` as the leader of a new process group; resolves with its first line of output. */
async function groupLeader(script: string, env: NodeJS.ProcessEnv): Promise<{ leader: number; firstLine: string }> {
  const child = spawn('sh', ['-c', script], { detached: true, env, stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(child);
  const firstLine = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.split('\n')[0]!);
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`sh exited before printing a line: ${text}`)));
  });
  return { leader: child.pid!, firstLine };
}

describe.runIf(process.platform === 'linux')('stopNodeGroup', () => {
  // Was a bug: only members carrying the node id counted, so stopNode returned once those were gone, leaving behind a
  // member that had dropped the id (`env -i`), and one half-way through exiting (its environment reads empty then):
  // seen under load as a flaky compute-orphans test, where stopNode resolved before the supervisor was a zombie.
  it('waits for, and kills, a member that dropped the node id from its environment', async () => {
    const nodeId = 'group-env-cleared';
    // The inner shell ignores SIGTERM, prints its pid, then becomes `sleep` without the node id in its environment.
    const { leader, firstLine } = await groupLeader(
      `env -i sh -c 'trap "" TERM; echo $$; exec sleep 30' & wait`,
      { ...process.env, [NODE_ID_VARIABLE]: nodeId },
    );
    const cleared = Number(firstLine);
    expect(Number.isInteger(cleared) && cleared > 0).toBe(true);
    expect(isGone(cleared)).toBe(false);
    expect(await stopNodeGroup(leader, nodeId, 200)).toBe(true);
    expect(isGone(leader)).toBe(true);
    expect(isGone(cleared)).toBe(true);
  });

  it('leaves alone a group none of whose members carries the node id', async () => {
    const { leader, firstLine } = await groupLeader('echo ready; exec sleep 30', { ...process.env, [NODE_ID_VARIABLE]: 'someone-else' });
    expect(firstLine).toBe('ready');
    await eventually(() => isGone(leader) === false, 'the foreign sleep to run');
    expect(await stopNodeGroup(leader, 'not-this-group', 200)).toBe(true);
    expect(isGone(leader)).toBe(false);
  });
});
