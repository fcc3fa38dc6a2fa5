import { stampProvider } from '@multicloud/core';
import type { LoadBalancer, Member } from '@multicloud/lb';
import { child, items, text, texts, type XmlRecord } from '../aws/xml-fields.js';

/** Provider id of ELB models. */
export const ELB = 'elb';

/** One listener of a classic ELB. */
export interface ElbListener {
  /** Front-end protocol, lower case. */
  readonly protocol: string;
  /** Front-end port. */
  readonly port: number;
  /** Back-end protocol, lower case. */
  readonly instanceProtocol: string;
  /** Back-end (instance) port. */
  readonly instancePort: number;
}

function convertListener(description: XmlRecord): ElbListener {
  const listener = child(description, 'Listener');
  return {
    protocol: (text(listener, 'Protocol') ?? '').toLowerCase(),
    port: Number(text(listener, 'LoadBalancerPort') ?? 0),
    instanceProtocol: (text(listener, 'InstanceProtocol') ?? '').toLowerCase(),
    instancePort: Number(text(listener, 'InstancePort') ?? 0),
  };
}

/**
 * A `LoadBalancerDescriptions` member → LoadBalancer. A classic ELB is named, not numbered (the name is the id), has
 * a DNS name instead of a fixed IP, and no state of its own: one that is listed is running.
 */
export function convertElbBalancer(description: XmlRecord): LoadBalancer {
  const name = text(description, 'LoadBalancerName') ?? '';
  const listeners = items(description, 'ListenerDescriptions', 'member').map(convertListener);
  const healthCheck = child(description, 'HealthCheck');
  return stampProvider({
    id: name,
    name,
    state: 'running',
    ip: text(description, 'DNSName') ?? '',
    port: listeners[0]?.port ?? 0,
    extra: {
      dnsName: text(description, 'DNSName'),
      listeners,
      instanceIds: items(description, 'Instances', 'member').map((instance) => text(instance, 'InstanceId') ?? ''),
      availabilityZones: texts(description, 'AvailabilityZones'),
      subnets: texts(description, 'Subnets'),
      securityGroups: texts(description, 'SecurityGroups'),
      vpcId: text(description, 'VPCId'),
      scheme: text(description, 'Scheme'),
      createdTime: text(description, 'CreatedTime'),
      healthCheck: healthCheck && {
        target: text(healthCheck, 'Target'),
        interval: Number(text(healthCheck, 'Interval') ?? 0),
        timeout: Number(text(healthCheck, 'Timeout') ?? 0),
        healthyThreshold: Number(text(healthCheck, 'HealthyThreshold') ?? 0),
        unhealthyThreshold: Number(text(healthCheck, 'UnhealthyThreshold') ?? 0),
      },
    },
  }, ELB);
}

/** The members of a balancer: its instances (an ELB balances EC2 instances, named by id, on the instance port). */
export function elbMembers(balancer: LoadBalancer): Member[] {
  const instanceIds = (balancer.extra.instanceIds as readonly string[] | undefined) ?? [];
  const port = ((balancer.extra.listeners as readonly ElbListener[] | undefined) ?? [])[0]?.instancePort ?? balancer.port;
  return instanceIds.map((id) => elbMember(id, port));
}

/** A member for an instance id. */
export function elbMember(instanceId: string, port: number): Member {
  return stampProvider({ id: instanceId, ip: '', port, extra: {} }, ELB);
}
