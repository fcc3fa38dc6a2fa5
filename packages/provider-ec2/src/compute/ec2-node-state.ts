import type { NodeState } from '@multicloud/compute';

/** EC2 instance state names → portable node states. */
export const EC2_NODE_STATES: Readonly<Record<string, NodeState>> = {
  pending: 'pending',
  running: 'running',
  'shutting-down': 'stopping',
  terminated: 'terminated',
  stopping: 'stopping',
  stopped: 'stopped',
};

/** The portable state of an EC2 instance state name (`unknown` for anything new). */
export function ec2NodeState(name: string | undefined): NodeState {
  return (name !== undefined && EC2_NODE_STATES[name]) || 'unknown';
}
