import type { Algorithm, BalancerState } from '@multicloud/lb';

/** Cloud Load Balancers statuses → portable balancer states; anything else is `unknown`. */
export const RACKSPACE_BALANCER_STATES: Readonly<Record<string, BalancerState>> = {
  ACTIVE: 'running',
  BUILD: 'pending',
  PENDING_UPDATE: 'pending',
  PENDING_DELETE: 'pending',
  SUSPENDED: 'error',
  ERROR: 'error',
  DELETED: 'deleted',
};

/** The portable state of a balancer status. */
export function rackspaceBalancerState(status: string | undefined): BalancerState {
  return (status !== undefined && RACKSPACE_BALANCER_STATES[status.toUpperCase()]) || 'unknown';
}

/** Cloud Load Balancers algorithm names → portable algorithms (every one the service offers has a portable name). */
export const RACKSPACE_ALGORITHMS: Readonly<Record<string, Algorithm>> = {
  RANDOM: 'random',
  ROUND_ROBIN: 'round-robin',
  LEAST_CONNECTIONS: 'least-connections',
  WEIGHTED_ROUND_ROBIN: 'weighted-round-robin',
  WEIGHTED_LEAST_CONNECTIONS: 'weighted-least-connections',
};

/** The Rackspace name of a portable algorithm, if Rackspace has it. */
export function rackspaceAlgorithmName(algorithm: string): string | undefined {
  return Object.entries(RACKSPACE_ALGORITHMS).find(([, portable]) => portable === algorithm)?.[0];
}

/** Member (node) conditions: `ENABLED` takes traffic, `DRAINING` finishes its connections, `DISABLED` takes none. */
export const RACKSPACE_MEMBER_CONDITIONS = ['ENABLED', 'DISABLED', 'DRAINING'] as const;

/** A member condition (see {@link RACKSPACE_MEMBER_CONDITIONS}). */
export type RackspaceMemberCondition = (typeof RACKSPACE_MEMBER_CONDITIONS)[number];
