import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { abortableSleep } from '@multicloud/core';

/**
 * Process-group bookkeeping for local nodes. A node's processes form one group led by its supervisor (group id = the
 * supervisor's pid). On Linux the group is read from `/proc`, where zombies (exited processes nobody reaped, common
 * in containers whose init does not reap) count as gone and where every process must carry the node's
 * `MULTICLOUD_NODE_ID`, so a recycled pid is never mistaken for the node. Elsewhere `kill(pid, 0)` has to do.
 */

/** The environment variable every process of a node carries: the node's id. */
export const NODE_ID_VARIABLE = 'MULTICLOUD_NODE_ID';

let procfs: boolean | undefined;
const hasProcfs = (): boolean => (procfs ??= process.platform === 'linux' && existsSync('/proc/self/stat'));

/** State letter and process group of a pid, from `/proc/<pid>/stat`; undefined when it is gone. */
function readStat(pid: number): { readonly state: string; readonly pgrp: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

const isLiveState = (state: string): boolean => state !== 'Z' && state !== 'X';

/**
 * Whether the process carries `MULTICLOUD_NODE_ID=<nodeId>` in its environment. A live process whose environment
 * reads empty counts: that is how a process looks between releasing its memory and becoming a zombie (the kernel
 * has no memory left to read `environ` from), and one half-way through exiting is not gone yet.
 */
function carriesNode(pid: number, nodeId: string): boolean {
  try {
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8');
    if (environment === '') return isProcessAlive(pid);
    return environment.split('\0').includes(`${NODE_ID_VARIABLE}=${nodeId}`);
  } catch {
    return false;
  }
}

/** Whether `kill(target, 0)` finds a process (or group). */
function answersSignalZero(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Whether a process is alive (a zombie is not, where `/proc` can tell). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (!hasProcfs()) return answersSignalZero(pid);
  const stat = readStat(pid);
  return stat !== undefined && isLiveState(stat.state);
}

/** Whether `pid` is a live process of the node `nodeId` (on Linux: carrying its id; elsewhere: alive). */
export function isNodeProcess(pid: number, nodeId: string): boolean {
  return isProcessAlive(pid) && (!hasProcfs() || carriesNode(pid, nodeId));
}

/** The live members of a process group; undefined where `/proc` is not available. */
export function groupMembers(pgid: number): number[] | undefined {
  if (!hasProcfs()) return undefined;
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat?.pgrp === pgid && isLiveState(stat.state)) members.push(Number(name));
  }
  return members;
}

/** Whether the group `pgid` still has live processes of the node `nodeId`. */
export function isNodeGroupAlive(pgid: number, nodeId: string): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  const members = groupMembers(pgid);
  if (members === undefined) return answersSignalZero(-pgid);
  return members.some((pid) => carriesNode(pid, nodeId));
}

/** Whether the group has any live member (where `/proc` is not available: whether `kill(-pgid, 0)` finds one). */
function isGroupAlive(pgid: number): boolean {
  const members = groupMembers(pgid);
  return members === undefined ? answersSignalZero(-pgid) : members.length > 0;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Gone in between.
  }
}

async function waitUntilGone(pgid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (isGroupAlive(pgid)) {
    if (Date.now() >= until) return false;
    await abortableSleep(25);
  }
  return true;
}

/**
 * Stops every process of a node: SIGTERM to the group, up to `graceMs` for it to go, then SIGKILL and up to 2 s more.
 * The group is checked to be the node's once, first; from then on every member counts, also one that dropped
 * `MULTICLOUD_NODE_ID` from its environment (`env -i`): a group id is not reused while the group has a member, so
 * the group stays the node's until it is empty.
 * @returns whether the group is gone
 */
export async function stopNodeGroup(pgid: number, nodeId: string, graceMs: number): Promise<boolean> {
  if (!isNodeGroupAlive(pgid, nodeId)) return true;
  signalGroup(pgid, 'SIGTERM');
  // The supervisor escalates to SIGKILL itself after its own grace period; this is for a supervisor that is gone.
  if (await waitUntilGone(pgid, graceMs + 500)) return true;
  signalGroup(pgid, 'SIGKILL');
  return waitUntilGone(pgid, 2000);
}

/** Sends SIGTERM to a group at once, without waiting (for `process.on('exit')`, where nothing can wait). */
export function terminateGroupNow(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    // Gone already.
  }
}
