import type { NodeState } from '@multicloud/compute';

/** Droplet `status` values → portable node states. */
export const OCEAN_NODE_STATES: Readonly<Record<string, NodeState>> = Object.freeze({
  new: 'pending',
  active: 'running',
  off: 'stopped',
  archive: 'terminated',
});

/** The portable state of a droplet status (`unknown` for anything new). */
export function oceanNodeState(status: string | undefined): NodeState {
  return (status !== undefined && Object.hasOwn(OCEAN_NODE_STATES, status) && OCEAN_NODE_STATES[status]) || 'unknown';
}
