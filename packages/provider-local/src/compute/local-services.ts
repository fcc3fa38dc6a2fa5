import { join } from 'node:path';
import { ValidationError } from '@multicloud/core';
import type { CallOptions, Node } from '@multicloud/compute';
import { BOOT_SCRIPT, requireOwnedSupervisor, withNodeLock, type LocalComputeContext } from './local-node-lifecycle.js';
import { readNodeRecord, writeNodeRecord } from './local-node-store.js';
import { ownRecord } from './local-nodes.js';

/** A long-running process of a node, started by `exStartService` and started again at every start or reboot. */
export interface LocalService {
  /** Name: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. Its output goes to `<name>.log`. */
  readonly name: string;
  /** Shell command line, run by `/bin/sh -c` in the node's working directory, e.g. `node server.js`. */
  readonly command: string;
}

/** What `exStartService` started. */
export interface StartedLocalService extends LocalService {
  /** The pid of the service's shell (inside the node's process group). */
  readonly pid: number;
  /** Where its standard output and error go. */
  readonly logFile: string;
}

const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const RESERVED = new Set(['supervisor', BOOT_SCRIPT]);

/** Checks a service. @throws ValidationError */
export function checkService(service: LocalService): void {
  if (typeof service !== 'object' || service === null) throw new ValidationError('service', 'must be { name, command }');
  if (typeof service.name !== 'string' || !SERVICE_NAME.test(service.name) || RESERVED.has(service.name)) {
    throw new ValidationError('service.name', `must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit, and not ${[...RESERVED].join(' or ')}`);
  }
  if (typeof service.command !== 'string' || service.command.trim() === '' || service.command.includes('\0')) {
    throw new ValidationError('service.command', 'must be a non-empty command line without NUL');
  }
}

/**
 * Starts a service on a running node and records it, so that `startNode` and `rebootNode` start it again. Its output
 * is appended to `<logDirectory>/<name>.log`; it gets the node's environment (`PORT`, `NODE_NAME`, …).
 * @throws ValidationError for a bad service; ProviderError `NodeNotRunning` / `NodeOwnedElsewhere`, or
 * `SupervisorFailed` when a service of that name is running already
 */
export async function startLocalService(context: LocalComputeContext, node: Node, service: LocalService, options: CallOptions = {}): Promise<StartedLocalService> {
  checkService(service);
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  return withNodeLock(context.layout.nodeDir(record.id), async () => {
    const supervisor = await requireOwnedSupervisor(context, record.id);
    const pid = await supervisor.startService(service.name, service.command);
    const latest = (await readNodeRecord(context.layout, record.id)) ?? record;
    const services = [...latest.services.filter((known) => known.name !== service.name), { name: service.name, command: service.command }];
    await writeNodeRecord(context.layout, { ...latest, services });
    return { name: service.name, command: service.command, pid, logFile: join(context.layout.logs(record.id), `${service.name}.log`) };
  });
}
