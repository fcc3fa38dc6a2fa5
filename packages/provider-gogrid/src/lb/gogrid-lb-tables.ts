import type { Algorithm, BalancerState } from '@multicloud/lb';

/** GoGrid load balancer state names (`state.name`) → portable balancer states. */
export const GOGRID_BALANCER_STATES: Readonly<Record<string, BalancerState>> = {
  On: 'running',
  Unknown: 'unknown',
};

/** Portable algorithms → GoGrid's `loadbalancer.type` values (GoGrid answers them capitalised: `Round Robin`). */
export const GOGRID_ALGORITHMS: Readonly<Partial<Record<Algorithm, string>>> = {
  'round-robin': 'round robin',
  'least-connections': 'least connect',
};

/** The algorithm GoGrid uses when none is given. */
export const GOGRID_DEFAULT_ALGORITHM: Algorithm = 'round-robin';

/** The protocols GoGrid's load balancers (F5) balance: HTTP only. */
export const GOGRID_PROTOCOLS: readonly string[] = ['http'];

/** The portable state of a GoGrid balancer state name (`unknown` for anything new). */
export function goGridBalancerState(name: string | undefined): BalancerState {
  return (name !== undefined && Object.hasOwn(GOGRID_BALANCER_STATES, name) && GOGRID_BALANCER_STATES[name]) || 'unknown';
}

/** The portable algorithm of a GoGrid `loadbalancer.type` name (any case), or undefined for one without a portable name. */
export function goGridAlgorithm(type: string | undefined): Algorithm | undefined {
  const wanted = type?.trim().toLowerCase();
  const found = Object.entries(GOGRID_ALGORITHMS).find(([, value]) => value === wanted);
  return found?.[0] as Algorithm | undefined;
}
