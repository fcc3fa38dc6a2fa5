import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UnsupportedOperationError, abortableSleep } from '@multicloud/core';
import { LOCAL } from '../local-root.js';
import { localComputeError } from './local-compute-errors.js';
import { nodeEnvironment } from './local-node-env.js';
import { observedStatus } from './local-node-state.js';
import { readNodeStatus, writeNodeStatus, type ComputeLayout, type LocalNodeStatus, type NodeRecord } from './local-node-store.js';
import { isNodeProcess, stopNodeGroup } from './local-process-group.js';
import { ownedSupervisor, startSupervisor, type Supervisor } from './local-supervisor.js';

/** What the compute operations share: where nodes live and how long to wait. */
export interface LocalComputeContext {
  /** Paths. */
  readonly layout: ComputeLayout;
  /** Between SIGTERM and SIGKILL when a node stops. */
  readonly stopGraceMs: number;
  /** For a supervisor to answer when a node starts. */
  readonly startTimeoutMs: number;
}

/** The boot script a node runs at every start when it is executable, like `/etc/rc.local`. */
export const BOOT_SCRIPT = 'rc.local';

/** Transitions under way in this process, by node folder: one at a time per node. */
const locks = new Map<string, Promise<void>>();

/** Whether this process is changing the node's state right now. */
export function isNodeBusy(nodeDir: string): boolean {
  return locks.has(nodeDir);
}

/** Runs `work` when no other transition of the node (in this process) runs. */
export async function withNodeLock<T>(nodeDir: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(nodeDir) ?? Promise.resolve();
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const current = previous.then(() => gate);
  locks.set(nodeDir, current);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (locks.get(nodeDir) === current) locks.delete(nodeDir);
  }
}

/** Whether the node's supervisor lives (ours, or another program's). */
export function isSupervisorAlive(context: LocalComputeContext, id: string, pid: number | undefined): boolean {
  if (ownedSupervisor(context.layout.nodeDir(id))) return true;
  return pid !== undefined && isNodeProcess(pid, id);
}

/**
 * The node's status as it really is now, and its supervisor's pid. A transition under way in this process is reported
 * as recorded, unless `insideLock` (the caller is that transition and wants the facts).
 */
export async function currentStatus(context: LocalComputeContext, id: string, insideLock = false): Promise<{ readonly status: LocalNodeStatus; readonly pid: number | undefined }> {
  const recorded = await readNodeStatus(context.layout, id);
  const pid = ownedSupervisor(context.layout.nodeDir(id))?.pid ?? recorded.pid;
  const status = observedStatus(recorded.state, isSupervisorAlive(context, id, pid), !insideLock && isNodeBusy(context.layout.nodeDir(id)));
  return { status, pid };
}

/**
 * The supervisor this process runs for the node.
 * @throws ProviderError `NodeOwnedElsewhere` when another program's supervisor runs it, `NodeNotRunning` when none does
 */
export async function requireOwnedSupervisor(context: LocalComputeContext, id: string): Promise<Supervisor> {
  const owned = ownedSupervisor(context.layout.nodeDir(id));
  if (owned) return owned;
  const recorded = await readNodeStatus(context.layout, id);
  if (recorded.pid !== undefined && isNodeProcess(recorded.pid, id)) {
    throw localComputeError('NodeOwnedElsewhere', `node ${id} is supervised by another program (pid ${String(recorded.ownerPid)}); run its commands from there, or stop and start it here`);
  }
  throw localComputeError('NodeNotRunning', `node ${id} is not running; start it first`);
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}

/**
 * Starts a node: clears leftovers of an earlier run, starts its supervisor, then its recorded services and its
 * executable `rc.local`. Call under the node's lock.
 */
export async function bootNode(context: LocalComputeContext, record: NodeRecord): Promise<void> {
  if (process.platform === 'win32') {
    throw new UnsupportedOperationError({ provider: LOCAL, operation: 'createNode', reason: 'local nodes need a POSIX system (process groups, /bin/sh); use WSL' });
  }
  const { layout } = context;
  const home = layout.home(record.id);
  await mkdir(home, { recursive: true });
  await mkdir(layout.logs(record.id), { recursive: true });
  const previous = await readNodeStatus(layout, record.id);
  if (previous.pid !== undefined) await stopNodeGroup(previous.pid, record.id, context.stopGraceMs);
  await writeNodeStatus(layout, record.id, { state: 'starting' });
  let supervisor: Supervisor;
  try {
    supervisor = await startSupervisor({
      nodeDir: layout.nodeDir(record.id), home, logs: layout.logs(record.id), statePath: layout.statePath(record.id), env: nodeEnvironment(record, home),
      graceMs: context.stopGraceMs, timeoutMs: context.startTimeoutMs,
    });
  } catch (error) {
    await writeNodeStatus(layout, record.id, { state: 'stopped' });
    throw error;
  }
  await writeNodeStatus(layout, record.id, { state: 'running', pid: supervisor.pid, ownerPid: process.pid });
  // A service that fails to start is in its log and the supervisor's; the node itself runs.
  for (const service of record.services) await supervisor.startService(service.name, service.command).catch(() => undefined);
  if (await isExecutable(join(home, BOOT_SCRIPT))) await supervisor.startService(BOOT_SCRIPT, `./${BOOT_SCRIPT}`).catch(() => undefined);
}

/**
 * Stops every process of a node, recording `transition` meanwhile, then `stopped` (except when destroying). Call under
 * the node's lock.
 * @throws ProviderError `SupervisorFailed` when processes of the node survive SIGKILL
 */
export async function haltNode(context: LocalComputeContext, id: string, transition: 'stopping' | 'rebooting' | 'destroying'): Promise<void> {
  const { layout } = context;
  const owned = ownedSupervisor(layout.nodeDir(id));
  const pid = owned?.pid ?? (await readNodeStatus(layout, id)).pid;
  await writeNodeStatus(layout, id, { state: transition, ...(pid === undefined ? {} : { pid }) });
  if (pid !== undefined && !(await stopNodeGroup(pid, id, context.stopGraceMs))) {
    throw localComputeError('SupervisorFailed', `processes of node ${id} (process group ${pid}) survived SIGKILL`);
  }
  if (owned) await Promise.race([owned.exited, abortableSleep(1000)]);
  if (transition !== 'destroying') await writeNodeStatus(layout, id, { state: 'stopped' });
}
