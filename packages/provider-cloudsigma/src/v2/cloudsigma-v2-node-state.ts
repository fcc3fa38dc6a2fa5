import type { NodeState } from '@multicloud/compute';

/**
 * CloudSigma API 2.0 server `status` values → portable node states. `started` and `running_legacy` appear in
 * CloudSigma answers for a running guest; `cloning` is a server being copied (not yet usable).
 */
export const CLOUDSIGMA_V2_NODE_STATES: Readonly<Record<string, NodeState>> = Object.freeze({
  running: 'running',
  started: 'running',
  running_legacy: 'running',
  starting: 'starting',
  stopping: 'stopping',
  stopped: 'stopped',
  paused: 'paused',
  unavailable: 'error',
  cloning: 'pending',
});

/** The portable state of an API 2.0 server status (`unknown` for anything new). */
export function cloudSigmaV2NodeState(status: string | undefined): NodeState {
  return (status !== undefined && Object.hasOwn(CLOUDSIGMA_V2_NODE_STATES, status) && CLOUDSIGMA_V2_NODE_STATES[status]) || 'unknown';
}
