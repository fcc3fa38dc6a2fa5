import { stampProvider } from '@multicloud/core';
import type { LoadBalancer, Member } from '@multicloud/lb';
import { child, isRecord, num, records, text, type JsonRecord } from '../identity/json-fields.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { RACKSPACE_ALGORITHMS, rackspaceBalancerState } from './rackspace-lb-states.js';

/** A Cloud Load Balancers node → Member. */
export function convertRackspaceMember(node: JsonRecord): Member {
  return stampProvider({
    id: text(node, 'id') ?? '',
    ip: text(node, 'address') ?? '',
    port: num(node, 'port') ?? 0,
    extra: { condition: text(node, 'condition'), status: text(node, 'status'), weight: num(node, 'weight'), type: text(node, 'type') },
  }, RACKSPACE);
}

/** The address clients reach the balancer at: the first public IPv4 virtual IP, else the first one. */
function balancerAddress(virtualIps: readonly JsonRecord[]): string {
  const publicV4 = virtualIps.find((vip) => text(vip, 'type') === 'PUBLIC' && text(vip, 'ipVersion') === 'IPV4');
  return text(publicV4 ?? virtualIps[0], 'address') ?? '';
}

/** A Cloud Load Balancers balancer (list item or detail) → LoadBalancer. */
export function convertRackspaceBalancer(balancer: JsonRecord): LoadBalancer {
  const virtualIps = records(balancer, 'virtualIps');
  const algorithm = text(balancer, 'algorithm');
  const optional = (key: string) => (isRecord(balancer[key]) ? balancer[key] : undefined);
  return stampProvider({
    id: text(balancer, 'id') ?? '',
    name: text(balancer, 'name') ?? '',
    state: rackspaceBalancerState(text(balancer, 'status')),
    ip: balancerAddress(virtualIps),
    port: num(balancer, 'port') ?? 0,
    extra: {
      status: text(balancer, 'status'),
      protocol: text(balancer, 'protocol')?.toLowerCase(),
      algorithm: algorithm === undefined ? undefined : RACKSPACE_ALGORITHMS[algorithm],
      rackspaceAlgorithm: algorithm,
      virtualIps: virtualIps.map((vip) => ({ id: text(vip, 'id'), address: text(vip, 'address'), type: text(vip, 'type'), ipVersion: text(vip, 'ipVersion') })),
      members: records(balancer, 'nodes').map(convertRackspaceMember),
      nodeCount: num(balancer, 'nodeCount'),
      created: text(child(balancer, 'created'), 'time'),
      updated: text(child(balancer, 'updated'), 'time'),
      cluster: text(child(balancer, 'cluster'), 'name'),
      sourceAddresses: optional('sourceAddresses'),
      healthMonitor: optional('healthMonitor'),
      connectionThrottle: optional('connectionThrottle'),
      connectionLoggingEnabled: isRecord(balancer.connectionLogging) ? balancer.connectionLogging.enabled === true : undefined,
      sessionPersistence: text(child(balancer, 'sessionPersistence'), 'persistenceType'),
      accessList: Array.isArray(balancer.accessList) ? records(balancer, 'accessList') : undefined,
    },
  }, RACKSPACE);
}
