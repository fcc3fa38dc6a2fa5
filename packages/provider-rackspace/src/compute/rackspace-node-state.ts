import type { NodeState } from '@multicloud/compute';

/**
 * Nova server statuses (Rackspace next-gen Cloud Servers) → portable node states. Statuses not listed here map to
 * `unknown`.
 */
export const RACKSPACE_NODE_STATES: Readonly<Record<string, NodeState>> = {
  ACTIVE: 'running',
  BUILD: 'pending',
  REBUILD: 'pending',
  REBOOT: 'rebooting',
  HARD_REBOOT: 'rebooting',
  SUSPENDED: 'suspended',
  SHUTOFF: 'stopped',
  STOPPED: 'stopped',
  SHELVED: 'stopped',
  SHELVED_OFFLOADED: 'stopped',
  PAUSED: 'paused',
  ERROR: 'error',
  DELETED: 'terminated',
  SOFT_DELETED: 'terminated',
  RESIZE: 'reconfiguring',
  VERIFY_RESIZE: 'reconfiguring',
  REVERT_RESIZE: 'reconfiguring',
  CONFIRMING_RESIZE: 'reconfiguring',
  MIGRATING: 'migrating',
  PASSWORD: 'updating',
  RESCUE: 'reconfiguring',
  PREP_RESCUE: 'reconfiguring',
  PREP_UNRESCUE: 'reconfiguring',
  UNKNOWN: 'unknown',
};

/** The portable state of a Nova status (`unknown` for anything new). Case-insensitive. */
export function rackspaceNodeState(status: string | undefined): NodeState {
  return (status !== undefined && RACKSPACE_NODE_STATES[status.toUpperCase()]) || 'unknown';
}
