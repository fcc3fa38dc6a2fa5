import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A service a node restarts whenever it starts (see `exStartService`). */
export interface ServiceRecord {
  /** Service name; its output goes to `<logs>/<name>.log`. */
  readonly name: string;
  /** Shell command line, run in the node's working directory. */
  readonly command: string;
}

/** What a node is, as kept in `<root>/compute/<id>/node.json`. */
export interface NodeRecord {
  /** Node id, `node-<hex>`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Size id. */
  readonly sizeId: string;
  /** Image id. */
  readonly imageId: string;
  /** The port reserved for the node (its `PORT`). */
  readonly port: number;
  /** Creation time, ISO 8601. */
  readonly createdAt: string;
  /** Services restarted at every start. */
  readonly services: readonly ServiceRecord[];
}

/** The raw states a node's `state.json` records (see `LOCAL_NODE_STATES`). */
export type LocalNodeStatus = 'starting' | 'running' | 'stopping' | 'stopped' | 'rebooting' | 'destroying';

/** What a node's process is doing, as kept in `<root>/compute/<id>/state.json`. */
export interface NodeStatusRecord {
  /** The last recorded state. */
  readonly state: LocalNodeStatus;
  /** The supervisor's pid (= the node's process group id) while it is supposed to run. */
  readonly pid?: number | undefined;
  /** The pid of the program that started the supervisor (its owner). */
  readonly ownerPid?: number | undefined;
}

/** Node ids: `node-` and 8 hex digits; anything else names no node (and can never be a path outside the root). */
export const NODE_ID_PATTERN = /^node-[0-9a-f]{8}$/;

/** Where a node's files live. */
export interface ComputeLayout {
  /** `<root>/compute`. */
  readonly computeDir: string;
  /** The node's folder. */
  nodeDir(id: string): string;
  /** Its working directory (`HOME`, the directory commands start in and uploads resolve against). */
  home(id: string): string;
  /** Its log folder: `supervisor.log` and one `<service>.log` per service. */
  logs(id: string): string;
  /** Its `state.json`. */
  statePath(id: string): string;
}

/** The compute layout under `root`. */
export function computeLayout(root: string): ComputeLayout {
  const computeDir = join(root, 'compute');
  const nodeDir = (id: string) => join(computeDir, id);
  return { computeDir, nodeDir, home: (id) => join(nodeDir(id), 'home'), logs: (id) => join(nodeDir(id), 'logs'), statePath: (id) => join(nodeDir(id), 'state.json') };
}

/** A new, random node id. */
export function newNodeId(): string {
  return `node-${randomBytes(4).toString('hex')}`;
}

/** Writes JSON atomically: a temporary file beside the target, then a rename. */
async function writeJson(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a node's record; undefined when there is no such node (or its record is unreadable). */
export async function readNodeRecord(layout: ComputeLayout, id: string): Promise<NodeRecord | undefined> {
  if (!NODE_ID_PATTERN.test(id)) return undefined;
  const record = (await readJson(join(layout.nodeDir(id), 'node.json'))) as Partial<NodeRecord> | undefined;
  if (typeof record !== 'object' || record === null || record.id !== id || typeof record.name !== 'string' || typeof record.port !== 'number') return undefined;
  return {
    id,
    name: record.name,
    sizeId: String(record.sizeId),
    imageId: String(record.imageId),
    port: record.port,
    createdAt: String(record.createdAt),
    services: Array.isArray(record.services) ? record.services : [],
  };
}

/** Writes a node's record. */
export function writeNodeRecord(layout: ComputeLayout, record: NodeRecord): Promise<void> {
  return writeJson(join(layout.nodeDir(record.id), 'node.json'), record);
}

const STATUSES: readonly LocalNodeStatus[] = ['starting', 'running', 'stopping', 'stopped', 'rebooting', 'destroying'];

/** Reads a node's status; `stopped` when none was recorded. */
export async function readNodeStatus(layout: ComputeLayout, id: string): Promise<NodeStatusRecord> {
  const status = (await readJson(layout.statePath(id))) as Partial<NodeStatusRecord> | undefined;
  if (typeof status !== 'object' || status === null || !STATUSES.includes(status.state as LocalNodeStatus)) return { state: 'stopped' };
  return {
    state: status.state as LocalNodeStatus,
    ...(Number.isInteger(status.pid) ? { pid: status.pid } : {}),
    ...(Number.isInteger(status.ownerPid) ? { ownerPid: status.ownerPid } : {}),
  };
}

/** Writes a node's status. */
export function writeNodeStatus(layout: ComputeLayout, id: string, status: NodeStatusRecord): Promise<void> {
  return writeJson(layout.statePath(id), status);
}

/** The ids of the nodes under the root (folders named like node ids), sorted. */
export async function listNodeIds(layout: ComputeLayout): Promise<string[]> {
  const entries = await readdir(layout.computeDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && NODE_ID_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
}
