import type { NodeState } from '@multicloud/compute';
import type { LocalNodeStatus } from './local-node-store.js';

/**
 * How a local node's recorded status maps onto the portable states. A status that says the supervisor should run
 * (`starting`, `running`) while its process is gone reads as `stopped` (see `observedStatus`).
 */
export const LOCAL_NODE_STATES: Readonly<Record<LocalNodeStatus, NodeState>> = Object.freeze({
  starting: 'starting',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  rebooting: 'rebooting',
  destroying: 'terminated',
});

/**
 * The status a node is really in: the recorded one, corrected by whether its supervisor lives. A transition under
 * way in this process (`busy`) is reported as recorded; `destroying` stays, whatever the process does.
 */
export function observedStatus(recorded: LocalNodeStatus, supervisorAlive: boolean, busy: boolean): LocalNodeStatus {
  if (recorded === 'destroying' || busy) return recorded;
  return supervisorAlive ? 'running' : 'stopped';
}
