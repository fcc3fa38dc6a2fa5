import type { LoadBalancer, Member } from '@multicloud/lb';
import type { Column } from './table.js';

/** Columns of `lb ls`. */
export const BALANCER_COLUMNS: readonly Column<LoadBalancer>[] = [
  { heading: 'ID', value: (balancer) => balancer.id },
  { heading: 'NAME', value: (balancer) => balancer.name },
  { heading: 'STATE', value: (balancer) => balancer.state },
  { heading: 'IP', value: (balancer) => balancer.ip },
  { heading: 'PORT', value: (balancer) => balancer.port, alignRight: true },
];

/** Columns of `lb members`. */
export const MEMBER_COLUMNS: readonly Column<Member>[] = [
  { heading: 'ID', value: (member) => member.id },
  { heading: 'IP', value: (member) => member.ip },
  { heading: 'PORT', value: (member) => member.port, alignRight: true },
];
