import { mkdir, rm } from 'node:fs/promises';
import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import type { CallOptions, CreateNodeOptions, Node } from '@multicloud/compute';
import { LOCAL } from '../local-root.js';
import { convertLocalNode } from './convert-local-node.js';
import { localComputeError, noSuchNode } from './local-compute-errors.js';
import { bootNode, currentStatus, haltNode, withNodeLock, type LocalComputeContext } from './local-node-lifecycle.js';
import { listNodeIds, newNodeId, readNodeRecord, writeNodeRecord, type NodeRecord } from './local-node-store.js';
import { checkCreateNodeOptions, type LocalCreateNodeOptions } from './local-node-validation.js';
import { isPortFree, releasePort, reservePort } from './local-ports.js';

/** A node model of a record, in its current state. */
async function describeNode(context: LocalComputeContext, record: NodeRecord): Promise<Node> {
  const { status, pid } = await currentStatus(context, record.id);
  return convertLocalNode(record, status, pid, context.layout);
}

/** The record of the node a model names. @throws ValidationError for a foreign model, NodeDoesNotExistError */
export async function ownRecord(context: LocalComputeContext, node: Node): Promise<NodeRecord> {
  assertOwnModel('node', node, LOCAL);
  const record = await readNodeRecord(context.layout, node.id);
  if (record === undefined) throw noSuchNode(node.id);
  return record;
}

/** Gets a node. @throws NodeDoesNotExistError (also for ids that cannot be local node ids) */
export async function getLocalNode(context: LocalComputeContext, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  options.signal?.throwIfAborted();
  const record = await readNodeRecord(context.layout, id);
  if (record === undefined) throw noSuchNode(id);
  return describeNode(context, record);
}

/** All node records, oldest first. */
async function allRecords(context: LocalComputeContext): Promise<NodeRecord[]> {
  const records = await Promise.all((await listNodeIds(context.layout)).map((id) => readNodeRecord(context.layout, id)));
  return records.filter((record): record is NodeRecord => record !== undefined)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Lists the nodes under the root, oldest first. */
export async function listLocalNodes(context: LocalComputeContext, options: CallOptions = {}): Promise<Node[]> {
  options.signal?.throwIfAborted();
  return Promise.all((await allRecords(context)).map((record) => describeNode(context, record)));
}

/** Claims a fresh node folder. */
async function claimNodeFolder(context: LocalComputeContext): Promise<string> {
  await mkdir(context.layout.computeDir, { recursive: true });
  for (;;) {
    const id = newNodeId();
    try {
      await mkdir(context.layout.nodeDir(id));
      return id;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}

/** The port the new node gets: `exPort` (checked: free, no other node's) or a free one. */
async function choosePort(context: LocalComputeContext, exPort: number | undefined): Promise<number> {
  const taken = new Set((await allRecords(context)).map((record) => record.port));
  if (exPort === undefined) return reservePort(taken);
  if (taken.has(exPort)) throw new ValidationError('options.exPort', `port ${exPort} belongs to another node`);
  if (!(await isPortFree(exPort))) throw new ValidationError('options.exPort', `port ${exPort} is in use on 127.0.0.1`);
  return exPort;
}

/**
 * Creates a node: a folder with a working directory and logs, a port, and a running supervisor. Resolves once the
 * node runs. Nothing is left behind when it fails.
 * @throws ValidationError (see `checkCreateNodeOptions`); ProviderError `SupervisorFailed`
 */
export async function createLocalNode(context: LocalComputeContext, options: CreateNodeOptions & LocalCreateNodeOptions): Promise<Node> {
  const { size, image } = checkCreateNodeOptions(options);
  options.signal?.throwIfAborted();
  const port = await choosePort(context, options.exPort);
  let id: string | undefined;
  try {
    id = await claimNodeFolder(context);
    const record: NodeRecord = { id, name: options.name, sizeId: size.id, imageId: image.id, port, createdAt: new Date().toISOString(), services: [] };
    await writeNodeRecord(context.layout, record);
    const nodeDir = context.layout.nodeDir(id);
    await withNodeLock(nodeDir, () => bootNode(context, record));
    return await describeNode(context, record);
  } catch (error) {
    if (id !== undefined) await rm(context.layout.nodeDir(id), { recursive: true, force: true });
    throw error;
  } finally {
    releasePort(port);
  }
}

/** Starts a stopped node (and its services); a running node is left as it is. */
export async function startLocalNode(context: LocalComputeContext, node: Node, options: CallOptions = {}): Promise<void> {
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  await withNodeLock(context.layout.nodeDir(record.id), async () => {
    const { status } = await currentStatus(context, record.id, true);
    if (status === 'destroying') throw localComputeError('NodeDestroying', `node ${record.id} is being destroyed`);
    if (status !== 'running') await bootNode(context, (await readNodeRecord(context.layout, record.id)) ?? record);
  });
}

/** Stops every process of a node and keeps its folder; a stopped node is left as it is. */
export async function stopLocalNode(context: LocalComputeContext, node: Node, options: CallOptions = {}): Promise<void> {
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  await withNodeLock(context.layout.nodeDir(record.id), () => haltNode(context, record.id, 'stopping'));
}

/** Stops a node (if it runs) and starts it again, with its services. */
export async function rebootLocalNode(context: LocalComputeContext, node: Node, options: CallOptions = {}): Promise<void> {
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  await withNodeLock(context.layout.nodeDir(record.id), async () => {
    await haltNode(context, record.id, 'rebooting');
    await bootNode(context, (await readNodeRecord(context.layout, record.id)) ?? record);
  });
}

/** Kills every process of a node (SIGTERM, then SIGKILL after the grace period) and removes its folder. */
export async function destroyLocalNode(context: LocalComputeContext, node: Node, options: CallOptions = {}): Promise<void> {
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  await withNodeLock(context.layout.nodeDir(record.id), async () => {
    await haltNode(context, record.id, 'destroying');
    await rm(context.layout.nodeDir(record.id), { recursive: true, force: true, maxRetries: 3 });
  });
}
