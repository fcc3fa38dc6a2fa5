import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeploymentStepError, ScriptDeployment, deployNode, type Node } from '@multicloud/compute';
import { ProviderError, ValidationError } from '@multicloud/core';
import { fetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalCompute } from '../src/index.js';
import { helloDeployment } from './support/hello-server.js';
import { eventually, temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('deploy');
const compute = createLocalCompute({ root, stopGraceMs: 1000 });
const sizes = await compute.listSizes();
const images = await compute.listImages();
const nodejs = images.find((image) => image.id === 'nodejs')!;
const shell = images.find((image) => image.id === 'shell')!;

afterAll(async () => {
  for (const node of await compute.listNodes()) await compute.destroyNode(node);
});

async function answer(node: Node): Promise<string> {
  let text = '';
  await eventually(async () => {
    text = await fetch(String(node.extra.url)).then((response) => response.text(), () => '');
    return text !== '';
  }, `node ${node.name} to answer on ${String(node.extra.url)}`);
  return text;
}

describe('deployments over the local channel', () => {
  it('creates a node and starts an HTTP server that greets with the node name (exDeployNode)', async () => {
    const { node, results } = await compute.exDeployNode({ node: { name: 'web-1', size: sizes[0]!, image: nodejs }, deployment: helloDeployment() });
    expect(results.map((result) => result.exitStatus)).toEqual([0, 0]);
    expect(results[1]?.stdout).toMatch(/^started \d+\n$/);
    expect(await answer(node)).toBe('Hello World from web-1');
  });

  it('deploys to an existing node with the generic deployNode and the driver as channel factory', async () => {
    const node = await compute.createNode({ name: 'web-2', size: sizes[1]!, image: nodejs });
    await deployNode(compute, { node, deployment: helloDeployment(), channel: compute.exOpenChannel, pollIntervalMs: 50 });
    expect(await answer(node)).toBe('Hello World from web-2');
  });

  it('reports a failing step with its output and the node', async () => {
    const node = await compute.createNode({ name: 'failing', size: sizes[0]!, image: shell });
    const error = await compute.exDeployNode({ node, deployment: ScriptDeployment({ script: '#!/bin/sh\necho oops >&2\nexit 3\n' }) }).catch((caught: unknown) => caught);
    expect(DeploymentStepError.isInstance(error)).toBe(true);
    const stepError = error as DeploymentStepError;
    expect(stepError.node.id).toBe(node.id);
    expect(stepError.results.at(-1)).toMatchObject({ exitStatus: 3, stderr: 'oops\n' });
  });
});

describe('the local channel', () => {
  it('runs commands in the working directory with the node environment, and no host secrets', async () => {
    const saved = process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_SECRET_ACCESS_KEY = 'not-for-nodes';
    const node = await compute.createNode({ name: 'env ☃', size: sizes[1]!, image: nodejs }).finally(() => {
      if (saved === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
      else process.env.AWS_SECRET_ACCESS_KEY = saved;
    });
    const channel = await compute.exOpenChannel(node);
    const result = await channel.run('pwd; echo "$HOME|$PORT|$NODE_NAME|$NODE_OPTIONS|${AWS_SECRET_ACCESS_KEY:-none}"; command -v node');
    const home = String(node.extra.workingDirectory);
    expect(result.stdout).toBe(`${home}\n${home}|${String(node.extra.port)}|env ☃|--max-old-space-size=512|none\n${process.execPath}\n`);
    const plain = await compute.createNode({ name: 'plain', size: sizes[0]!, image: shell });
    expect((await (await compute.exOpenChannel(plain)).run('echo "[$NODE_OPTIONS]"')).stdout).toBe('[]\n');
  });

  it('returns exit status, stderr and stdin; a killed command reports its signal; an abort stops waiting', async () => {
    const node = await compute.createNode({ name: 'runner', size: sizes[0]!, image: shell });
    const channel = await compute.exOpenChannel(node);
    expect(await channel.run('echo out; echo err >&2; exit 7')).toEqual({ stdout: 'out\n', stderr: 'err\n', exitStatus: 7 });
    expect((await channel.run('tr a-z A-Z', { stdin: 'shout\n' })).stdout).toBe('SHOUT\n');
    expect((await channel.run('wc -c', { stdin: new Uint8Array([1, 2, 3]) })).stdout.trim()).toBe('3');
    expect(await channel.run('kill -KILL $$')).toMatchObject({ exitStatus: null, exitSignal: 'KILL' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('enough')), 100);
    const started = Date.now();
    await expect(channel.run('sleep 30', { signal: controller.signal })).rejects.toThrow('enough');
    expect(Date.now() - started).toBeLessThan(5000);
    // A background job holding the output open does not hold the answer back.
    expect((await channel.run('sleep 30 & echo quick')).stdout).toBe('quick\n');
    await channel.close();
    await expect(channel.run('true')).rejects.toSatisfy((error: unknown) => ProviderError.isInstance(error));
  });

  it('uploads inside the working directory only, with the mode asked for', async () => {
    const node = await compute.createNode({ name: 'uploads', size: sizes[0]!, image: shell });
    const channel = await compute.exOpenChannel(node);
    const home = String(node.extra.workingDirectory);
    const source = join(root, 'local-file.txt');
    writeFileSync(source, 'from a file');
    await channel.upload({ path: source }, 'copied.txt');
    await channel.upload({ content: new Uint8Array([104, 105]) }, join(home, 'absolute-inside.txt'), { mode: 0o600 });
    expect(readFileSync(join(home, 'copied.txt'), 'utf8')).toBe('from a file');
    expect(statSync(join(home, 'absolute-inside.txt')).mode & 0o777).toBe(0o600);
    for (const outside of ['../escape.txt', '/etc/multicloud-test', '.', 'a/../../x']) {
      await expect(channel.upload({ content: 'x' }, outside)).rejects.toSatisfy((error: unknown) => ValidationError.isInstance(error) && error.argument === 'remotePath');
    }
    await expect(channel.upload({ content: 'x' }, 'missing/dir/file')).rejects.toThrow(/ENOENT/);
  });

  it('opens only on a running node', async () => {
    const node = await compute.createNode({ name: 'sleepy', size: sizes[0]!, image: shell });
    await compute.stopNode(node);
    await expect(compute.exOpenChannel(node)).rejects.toSatisfy((error: unknown) => ProviderError.isInstance(error) && error.providerCode === 'NodeNotRunning');
    await expect(compute.exStartService(node, { name: 'x', command: 'true' })).rejects.toSatisfy((error: unknown) => ProviderError.isInstance(error) && error.providerCode === 'NodeNotRunning');
  });
});
