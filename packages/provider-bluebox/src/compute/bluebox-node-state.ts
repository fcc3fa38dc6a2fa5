import type { NodeState } from '@multicloud/compute';

/**
 * Blocks API block `status` values → portable node states (Libcloud's table, except that a failed build is `error`
 * rather than terminated).
 */
export const BLUEBOX_NODE_STATES: Readonly<Record<string, NodeState>> = Object.freeze({
  queued: 'pending',
  building: 'pending',
  running: 'running',
  error: 'error',
  unknown: 'unknown',
});

/** The portable state of a block status (`unknown` for anything new). */
export function blueboxNodeState(status: string | undefined): NodeState {
  return (status !== undefined && Object.hasOwn(BLUEBOX_NODE_STATES, status) && BLUEBOX_NODE_STATES[status]) || 'unknown';
}
