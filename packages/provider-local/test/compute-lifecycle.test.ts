import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NodeDoesNotExistError, type Node } from '@multicloud/compute';
import { fetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalCompute } from '../src/index.js';
import { HELLO_SERVER } from './support/hello-server.js';
import { eventually, isGone, temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('lifecycle');
const compute = createLocalCompute({ root, stopGraceMs: 1000 });
const create = async (name: string): Promise<Node> => compute.createNode({ name, size: (await compute.listSizes())[0]!, image: (await compute.listImages())[0]! });
const greeting = async (node: Node): Promise<string | undefined> => fetch(String(node.extra.url)).then((response) => response.text(), () => undefined);
const pidOf = (node: Node): number => node.extra.pid as number;

afterAll(async () => {
  for (const node of await compute.listNodes()) await compute.destroyNode(node);
});

describe('node lifecycle', () => {
  it('follows its supervisor through stop, start, reboot and destroy, restarting its services', async () => {
    const node = await create('web-1');
    expect(node).toMatchObject({ state: 'running', publicIps: [], privateIps: ['127.0.0.1'], provider: 'local' });
    expect(node.extra).toMatchObject({ url: `http://127.0.0.1:${String(node.extra.port)}`, status: 'running', workingDirectory: join(root, 'compute', node.id, 'home') });
    const channel = await compute.exOpenChannel(node);
    await channel.upload({ content: HELLO_SERVER }, 'server.mjs');
    const started = await compute.exStartService(node, { name: 'web', command: 'node server.mjs' });
    expect(started.logFile).toBe(join(root, 'compute', node.id, 'logs', 'web.log'));
    await eventually(async () => (await greeting(node)) === 'Hello World from web-1', 'the service to answer');
    const firstPid = pidOf(node);

    await compute.stopNode(node);
    const stopped = await compute.getNode(node.id);
    expect(stopped.state).toBe('stopped');
    expect(stopped.extra.pid).toBeUndefined();
    expect(isGone(firstPid)).toBe(true);
    expect(isGone(started.pid)).toBe(true);
    expect(await greeting(node)).toBeUndefined();
    expect(existsSync(join(String(node.extra.workingDirectory), 'server.mjs'))).toBe(true);
    await compute.stopNode(node); // stopping a stopped node changes nothing

    await compute.startNode(node);
    const restarted = await compute.getNode(node.id);
    expect(restarted.state).toBe('running');
    expect(pidOf(restarted)).not.toBe(firstPid);
    expect(restarted.extra.services).toEqual(['web']);
    await eventually(async () => (await greeting(node)) === 'Hello World from web-1', 'the service to answer after start');
    await compute.startNode(node); // starting a running node changes nothing
    expect(pidOf(await compute.getNode(node.id))).toBe(pidOf(restarted));

    await compute.rebootNode(node);
    const rebooted = await compute.getNode(node.id);
    expect(rebooted.state).toBe('running');
    expect(pidOf(rebooted)).not.toBe(pidOf(restarted));
    expect(isGone(pidOf(restarted))).toBe(true);
    await eventually(async () => (await greeting(node)) === 'Hello World from web-1', 'the service to answer after reboot');

    await compute.destroyNode(node);
    expect(isGone(pidOf(rebooted))).toBe(true);
    expect(existsSync(join(root, 'compute', node.id))).toBe(false);
    await expect(compute.getNode(node.id)).rejects.toSatisfy((error: unknown) => NodeDoesNotExistError.isInstance(error));
    await expect(compute.destroyNode(node)).rejects.toSatisfy((error: unknown) => NodeDoesNotExistError.isInstance(error));
    expect((await compute.listNodes()).map((listed) => listed.id)).not.toContain(node.id);
  });

  it('runs an executable rc.local at every start, like /etc/rc.local', async () => {
    const node = await create('booting');
    const channel = await compute.exOpenChannel(node);
    await channel.upload({ content: '#!/bin/sh\necho "boot on port $PORT" >> boot.log\n' }, 'rc.local', { mode: 0o755 });
    await compute.rebootNode(node);
    const log = join(String(node.extra.workingDirectory), 'boot.log');
    await eventually(() => existsSync(log), 'rc.local to run');
    expect(readFileSync(log, 'utf8')).toBe(`boot on port ${String(node.extra.port)}\n`);
  });

  it('creates several nodes at once, each with its own port', async () => {
    const nodes = await Promise.all(['p1', 'p2', 'p3', 'p4'].map((name) => create(name)));
    expect(nodes.map((node) => node.state)).toEqual(['running', 'running', 'running', 'running']);
    expect(new Set(nodes.map((node) => node.extra.port)).size).toBe(4);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(4);
    await Promise.all(nodes.map((node) => compute.destroyNode(node)));
  });

  it('lists nodes oldest first, each with its own port, and iterates the same', async () => {
    const a = await create('a');
    const b = await create('b');
    const listed = await compute.listNodes();
    const ids = listed.map((node) => node.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(new Set(listed.map((node) => node.extra.port)).size).toBe(listed.length);
    const iterated: string[] = [];
    for await (const node of compute.iterateNodes()) iterated.push(node.id);
    expect(iterated).toEqual(ids);
    // Another driver on the same root sees the same nodes, running.
    const other = createLocalCompute({ root });
    expect((await other.getNode(a.id)).state).toBe('running');
  });

  it('gives a node the port asked for, and refuses one that is in use or another node\'s', async () => {
    const first = await create('auto');
    const size = (await compute.listSizes())[0]!;
    const image = (await compute.listImages())[1]!;
    await expect(compute.createNode({ name: 'dup', size, image, exPort: first.extra.port as number })).rejects.toThrow(/belongs to another node/);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    await expect(compute.createNode({ name: 'busy', size, image, exPort: busy })).rejects.toThrow(/is in use/);
    await new Promise((resolve) => blocker.close(resolve));
    const chosen = await compute.createNode({ name: 'chosen', size, image, exPort: busy });
    expect(chosen.extra.port).toBe(busy);
    expect(chosen.image?.id).toBe('shell');
  });
});
