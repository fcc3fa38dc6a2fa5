import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { createLocalCompute } from '../src/index.js';
import { eventually, exited, firstJsonLine, isGone, spawnTypeScript, temporaryRoot } from './support/local-test-support.js';

interface OwnedNode {
  readonly nodeId: string;
  readonly supervisor: number;
  readonly background: number;
  readonly service: number;
}

const pidsOf = (owned: OwnedNode): number[] => [owned.supervisor, owned.background, owned.service];

describe('no orphan processes', () => {
  it('destroyNode kills the supervisor, its services and what commands left in the background', async () => {
    const compute = createLocalCompute({ root: temporaryRoot('orphans-destroy'), stopGraceMs: 500 });
    const node = await compute.createNode({ name: 'doomed', size: (await compute.listSizes())[0]!, image: (await compute.listImages())[0]! });
    const channel = await compute.exOpenChannel(node);
    // A job that ignores SIGTERM needs the SIGKILL after the grace period.
    const stubborn = Number((await channel.run("sh -c 'trap \"\" TERM; sleep 300' > /dev/null 2>&1 & echo $!")).stdout.trim());
    const background = Number((await channel.run('sleep 300 > /dev/null 2>&1 & echo $!')).stdout.trim());
    const service = (await compute.exStartService(node, { name: 'sleeper', command: 'sleep 301' })).pid;
    const pids = [node.extra.pid as number, stubborn, background, service];
    expect(pids.every((pid) => Number.isInteger(pid) && pid > 0 && !isGone(pid))).toBe(true);
    await compute.destroyNode(node);
    expect(pids.filter((pid) => !isGone(pid))).toEqual([]);
  });

  it('the node stops when the program that created it exits normally', async () => {
    const root = temporaryRoot('orphans-exit');
    const child = spawnTypeScript('own-a-node.ts', [root, 'exit']);
    const owned = await firstJsonLine<OwnedNode>(child);
    expect(pidsOf(owned).every((pid) => pid > 0)).toBe(true);
    await exited(child);
    expect(child.exitCode).toBe(0);
    await eventually(() => pidsOf(owned).every(isGone), `pids ${pidsOf(owned).join(', ')} to be gone`);
    // The supervisor recorded its own end, so nobody will signal its (reusable) process group id again.
    expect(JSON.parse(readFileSync(join(root, 'compute', owned.nodeId, 'state.json'), 'utf8'))).toEqual({ state: 'stopped' });
    const compute = createLocalCompute({ root });
    expect((await compute.getNode(owned.nodeId)).state).toBe('stopped');
  });

  it('the node stops when the program that created it is killed with SIGKILL; meanwhile others can see it but not drive it', async () => {
    const root = temporaryRoot('orphans-kill');
    const child = spawnTypeScript('own-a-node.ts', [root, 'hang']);
    const owned = await firstJsonLine<OwnedNode>(child);
    const compute = createLocalCompute({ root });
    const node = await compute.getNode(owned.nodeId);
    expect(node.state).toBe('running');
    expect(node.extra.pid).toBe(owned.supervisor);
    await expect(compute.exOpenChannel(node)).rejects.toSatisfy((error: unknown) => ProviderError.isInstance(error) && error.providerCode === 'NodeOwnedElsewhere');
    expect(pidsOf(owned).some(isGone)).toBe(false);
    child.kill('SIGKILL');
    await exited(child);
    await eventually(() => pidsOf(owned).every(isGone), `pids ${pidsOf(owned).join(', ')} to be gone`);
    expect((await compute.getNode(owned.nodeId)).state).toBe('stopped');
    // Started again here, this process owns it and its service comes back.
    await compute.startNode(node);
    const restarted = await compute.getNode(owned.nodeId);
    expect(restarted.state).toBe('running');
    expect(restarted.extra.services).toEqual(['sleeper']);
    await compute.destroyNode(restarted);
    expect(isGone(restarted.extra.pid as number)).toBe(true);
  });

  it('another program can stop a node it does not own', async () => {
    const root = temporaryRoot('orphans-foreign-stop');
    const child = spawnTypeScript('own-a-node.ts', [root, 'hang']);
    try {
      const owned = await firstJsonLine<OwnedNode>(child);
      const compute = createLocalCompute({ root, stopGraceMs: 500 });
      await compute.stopNode(await compute.getNode(owned.nodeId));
      expect(pidsOf(owned).filter((pid) => !isGone(pid))).toEqual([]);
      expect((await compute.getNode(owned.nodeId)).state).toBe('stopped');
    } finally {
      child.kill('SIGKILL');
      await exited(child);
    }
  });
});
