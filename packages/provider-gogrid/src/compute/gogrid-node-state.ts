import type { NodeState } from '@multicloud/compute';

/** GoGrid server state names (`state.name`) → portable node states. */
export const GOGRID_NODE_STATES: Readonly<Record<string, NodeState>> = {
  Starting: 'starting',
  On: 'running',
  'On/Saving': 'running',
  Off: 'stopped',
  Restarting: 'rebooting',
  Saving: 'pending',
  Restoring: 'pending',
};

/** The portable state of a GoGrid server state name (`unknown` for anything new). */
export function goGridNodeState(name: string | undefined): NodeState {
  return (name !== undefined && Object.hasOwn(GOGRID_NODE_STATES, name) && GOGRID_NODE_STATES[name]) || 'unknown';
}
