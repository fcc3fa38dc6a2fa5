import { NotFoundError, UnsupportedOperationError, ValidationError, providerOf, stampProvider } from '@multicloud/core';
import { NodeDoesNotExistError, type Node } from '@multicloud/compute';
import { describe, expect, it } from 'vitest';
import { MEMORY, MemoryComputeDriver } from './memory-compute-driver.js';

/** Awaits `action` and returns what it rejected with; fails when it resolves. */
async function rejection(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but it resolved');
}

async function catalogue(driver: MemoryComputeDriver) {
  const [size] = await driver.listSizes();
  const [image] = await driver.listImages();
  const [, location] = await driver.listLocations();
  if (!size || !image || !location) throw new Error('the memory catalogue is empty');
  return { size, image, location };
}

describe('MemoryComputeDriver (beyond the kit)', () => {
  it('gives deterministic ids, addresses and creation times', async () => {
    const driver = new MemoryComputeDriver();
    const { size, image, location } = await catalogue(driver);
    const first = await driver.createNode({ name: 'a', size, image, location });
    const second = await driver.createNode({ name: 'b', size, image });
    expect([first.id, second.id]).toEqual(['node-1', 'node-2']);
    expect(first.publicIps).toEqual(['203.0.113.1']);
    expect(first.createdAt?.toISOString()).toBe('2024-01-01T00:00:01.000Z');
    expect(first.location?.id).toBe('mem-west');
    expect(second.location?.id).toBe('mem-east');
  });

  it('stamps and freezes every model it returns', async () => {
    const driver = new MemoryComputeDriver({ nodeNames: ['seed'] });
    const models: object[] = [...(await driver.listNodes()), ...(await driver.listSizes()), ...(await driver.listImages()), ...(await driver.listLocations())];
    expect(models).toHaveLength(1 + 3 + 2 + 2);
    for (const model of models) {
      expect(providerOf(model)).toBe(MEMORY);
      expect(Object.isFrozen(model)).toBe(true);
    }
  });

  it('iterates across several pages in creation order', async () => {
    const driver = new MemoryComputeDriver({ nodeNames: ['n1', 'n2', 'n3', 'n4', 'n5'] });
    const names: string[] = [];
    for await (const node of driver.iterateNodes()) names.push(node.name);
    expect(names).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('stops and starts a node, and refuses to reboot a stopped one', async () => {
    const driver = new MemoryComputeDriver({ nodeNames: ['web'] });
    const node = await driver.getNode('node-1');
    await driver.stopNode(node);
    expect((await driver.getNode('node-1')).state).toBe('stopped');
    const error = await rejection(() => driver.rebootNode(node));
    expect(ValidationError.isInstance(error) && error.message).toMatch(/node-1 is stopped, expected running/);
    await driver.startNode(node);
    expect((await driver.getNode('node-1')).state).toBe('running');
    expect(node.state).toBe('running');
  });

  it('reports a destroyed node missing with a typed 404', async () => {
    const driver = new MemoryComputeDriver({ nodeNames: ['web'] });
    await driver.destroyNode(await driver.getNode('node-1'));
    expect(await driver.listNodes()).toEqual([]);
    const error = await rejection(() => driver.getNode('node-1'));
    expect(NodeDoesNotExistError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error) && [error.provider, error.status, error.message]).toEqual([
      MEMORY, 404, 'memory: node node-1 does not exist (HTTP 404)',
    ]);
    expect(NodeDoesNotExistError.isInstance(await rejection(() => driver.rebootNode({ id: 'node-1' } as Node)))).toBe(true);
  });

  it("refuses another provider's image, an unknown hand-made size, and password auth before creating anything", async () => {
    const driver = new MemoryComputeDriver();
    const { size, image } = await catalogue(driver);
    const foreignImage = stampProvider({ ...image }, 'ec2');
    const cases = [
      [() => driver.createNode({ name: 'x', size, image: foreignImage }), /options\.image: comes from provider "ec2"/],
      [() => driver.createNode({ name: 'x', size: { ...size, id: 'huge' }, image }), /options\.size: unknown id "huge"/],
      [() => driver.createNode({ name: '   ', size, image }), /options\.name: must be a non-empty string/],
      [() => driver.createNode({ name: 'x', size, image, auth: { password: 'hunter2' } }), /options\.auth: memory accepts only: sshKey/],
    ] as const;
    for (const [action, message] of cases) {
      const error = await rejection(action);
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(message);
    }
    expect(await driver.listNodes()).toEqual([]);
  });

  it('accepts a hand-made (unstamped) size that names one of its own', async () => {
    const driver = new MemoryComputeDriver();
    const { image } = await catalogue(driver);
    const node = await driver.createNode({ name: 'x', size: { id: 'large', name: '', ram: 0, disk: 0, extra: {} }, image });
    expect(node.size?.ram).toBe(16384);
  });

  it('rejects the absent groups with UnsupportedOperationError naming the operation', async () => {
    const driver = new MemoryComputeDriver();
    const error = await rejection(() => driver.importKeyPair('k', 'ssh-ed25519 AAAA'));
    expect(UnsupportedOperationError.isInstance(error) && error.operation).toBe('importKeyPair');
    expect((error as Error).message).toBe('memory does not support importKeyPair');
  });

  it('honours an aborted signal', async () => {
    const driver = new MemoryComputeDriver({ nodeNames: ['web'] });
    await expect(driver.listNodes({ signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
  });
});
