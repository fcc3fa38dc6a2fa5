import type { NodeState } from '@multicloud/compute';

/**
 * CloudSigma API 1.0 server `status` values → portable node states. Libcloud maps `stopped` to terminated; a
 * stopped 1.0 server can be started again, so it is `stopped` here. `dead` (crashed) and `dumped` (memory dumped,
 * guest gone) are `terminated`, as in Libcloud.
 */
export const CLOUDSIGMA_V1_NODE_STATES: Readonly<Record<string, NodeState>> = Object.freeze({
  active: 'running',
  stopped: 'stopped',
  paused: 'paused',
  dead: 'terminated',
  dumped: 'terminated',
});

/** The portable state of an API 1.0 server status (`unknown` for anything new). */
export function cloudSigmaV1NodeState(status: string | undefined): NodeState {
  return (status !== undefined && Object.hasOwn(CLOUDSIGMA_V1_NODE_STATES, status) && CLOUDSIGMA_V1_NODE_STATES[status]) || 'unknown';
}
