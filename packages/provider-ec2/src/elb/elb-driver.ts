import { assertOwnModel, ValidationError } from '@multicloud/core';
import type { Algorithm, LoadBalancer, LoadBalancerDriver, Member } from '@multicloud/lb';
import { BalancerDoesNotExistError } from '@multicloud/lb';
import type { AwsSettings } from '../aws/aws-settings.js';
import { createQueryClient } from '../aws/query-client.js';
import { items, text, type XmlRecord } from '../aws/xml-fields.js';
import { ELB, convertElbBalancer, elbMember, elbMembers, type ElbListener } from './convert-elb-balancer.js';
import { ELB_ERROR_TABLE } from './elb-errors.js';
import { elbExtras, type ElbExtras } from './elb-extras.js';
import { ELB_ALGORITHMS, ELB_PROTOCOLS, checkAlgorithm, checkBalancerName, checkPort, checkProtocol, instanceIdOf } from './elb-validation.js';

/** The Elastic Load Balancing (classic) API version this driver speaks. */
export const ELB_API_VERSION = '2012-06-01';

/** Settings of {@link createElb}. */
export interface ElbSettings extends AwsSettings {
  /** Availability zones new balancers span; default the region's first zone (`<region>a`). */
  readonly availabilityZones?: readonly string[] | undefined;
}

/** EC2-only options of `createBalancer`. */
export interface ElbCreateBalancerOptions {
  /** The port the instances listen on; default the balancer's port. */
  readonly exInstancePort?: number | undefined;
  /** VPC subnets instead of availability zones. */
  readonly exSubnetIds?: readonly string[] | undefined;
  /** Security groups (VPC balancers). */
  readonly exSecurityGroupIds?: readonly string[] | undefined;
}

/** The classic ELB driver: the portable contract plus `ex` methods for health checks and policies. */
export interface ElbDriver extends LoadBalancerDriver, ElbExtras {
  /** Creates a balancer; members must be EC2 instances (`{ id }`). */
  createBalancer(options: Parameters<LoadBalancerDriver['createBalancer']>[0] & ElbCreateBalancerOptions): Promise<LoadBalancer>;
}

/**
 * Creates a classic Elastic Load Balancing driver. No I/O until the first call.
 *
 * @example
 * ```ts
 * const elb = createElb({ region: 'eu-west-1' });
 * const balancer = await elb.createBalancer({ name: 'web', port: 80, protocol: 'http', members: [{ id: 'i-0abc' }] });
 * ```
 */
export function createElb(settings: ElbSettings = {}): ElbDriver {
  const client = createQueryClient({ provider: ELB, service: 'elasticloadbalancing', version: ELB_API_VERSION, errorTable: ELB_ERROR_TABLE }, settings);
  const result = (root: XmlRecord, action: string) => (root[`${action}Result`] as XmlRecord | undefined) ?? root;
  const signalOf = (options?: { signal?: AbortSignal | undefined }) => ({ signal: options?.signal });

  async function describe(names: readonly string[] | undefined, signal?: AbortSignal): Promise<LoadBalancer[]> {
    const root = await client.call('DescribeLoadBalancers', { 'LoadBalancerNames.member': names }, { signal });
    return items(result(root, 'DescribeLoadBalancers'), 'LoadBalancerDescriptions', 'member').map(convertElbBalancer);
  }
  async function getBalancer(id: string, options?: { signal?: AbortSignal | undefined }): Promise<LoadBalancer> {
    checkBalancerName('id', id);
    const [balancer] = await describe([id], options?.signal);
    if (!balancer) throw new BalancerDoesNotExistError({ provider: ELB, status: 200, providerMessage: `load balancer ${id} does not exist` });
    return balancer;
  }
  const registration = async (action: string, balancer: LoadBalancer, instanceId: string, signal?: AbortSignal) => {
    assertOwnModel('balancer', balancer, ELB);
    await client.call(action, { LoadBalancerName: balancer.id, 'Instances.member': [{ InstanceId: instanceId }] }, { signal, idempotent: true });
  };
  const instancePortOf = (balancer: LoadBalancer) => ((balancer.extra.listeners as readonly ElbListener[] | undefined) ?? [])[0]?.instancePort ?? balancer.port;

  return {
    provider: ELB,
    listProtocols: async () => [...ELB_PROTOCOLS],
    listSupportedAlgorithms: async (): Promise<Algorithm[]> => [...ELB_ALGORITHMS],
    listBalancers: (options) => describe(undefined, options?.signal),
    getBalancer,
    async createBalancer(options) {
      checkBalancerName('options.name', options.name);
      checkPort('options.port', options.port);
      const protocol = checkProtocol('options.protocol', options.protocol);
      checkAlgorithm('options.algorithm', options.algorithm);
      const instancePort = options.exInstancePort ?? options.port;
      checkPort('options.exInstancePort', instancePort);
      const instanceIds = (options.members ?? []).map((member, index) => instanceIdOf(`options.members[${index}]`, member));
      const placement = options.exSubnetIds
        ? { 'Subnets.member': options.exSubnetIds, 'SecurityGroups.member': options.exSecurityGroupIds }
        : { 'AvailabilityZones.member': settings.availabilityZones ?? [`${client.region}a`] };
      const listener = { Protocol: protocol.toUpperCase(), LoadBalancerPort: options.port, InstanceProtocol: protocol.toUpperCase(), InstancePort: instancePort };
      const root = await client.call('CreateLoadBalancer', { LoadBalancerName: options.name, 'Listeners.member': [listener], ...placement }, signalOf(options));
      if (instanceIds.length > 0) {
        await client.call('RegisterInstancesWithLoadBalancer', { LoadBalancerName: options.name, 'Instances.member': instanceIds.map((InstanceId) => ({ InstanceId })) }, { ...signalOf(options), idempotent: true });
      }
      const dnsName = text(result(root, 'CreateLoadBalancer'), 'DNSName') ?? '';
      return convertElbBalancer({
        LoadBalancerName: options.name, DNSName: dnsName,
        ListenerDescriptions: { member: [{ Listener: { Protocol: listener.Protocol, LoadBalancerPort: String(options.port), InstanceProtocol: listener.InstanceProtocol, InstancePort: String(instancePort) } }] },
        Instances: { member: instanceIds.map((InstanceId) => ({ InstanceId })) },
      });
    },
    async updateBalancer(balancer, options) {
      assertOwnModel('balancer', balancer, ELB);
      if (options.name !== undefined && options.name !== balancer.name) throw new ValidationError('options.name', 'a classic ELB cannot be renamed');
      checkAlgorithm('options.algorithm', options.algorithm);
      if (options.port === undefined && options.protocol === undefined) return getBalancer(balancer.id, options);
      const port = options.port ?? balancer.port;
      checkPort('options.port', port);
      const protocol = checkProtocol('options.protocol', options.protocol ?? ((balancer.extra.listeners as readonly ElbListener[] | undefined)?.[0]?.protocol ?? 'http'));
      await client.call('DeleteLoadBalancerListeners', { LoadBalancerName: balancer.id, 'LoadBalancerPorts.member': [balancer.port] }, { ...signalOf(options), idempotent: true });
      const listener = { Protocol: protocol.toUpperCase(), LoadBalancerPort: port, InstanceProtocol: protocol.toUpperCase(), InstancePort: instancePortOf(balancer) };
      await client.call('CreateLoadBalancerListeners', { LoadBalancerName: balancer.id, 'Listeners.member': [listener] }, { ...signalOf(options), idempotent: true });
      return getBalancer(balancer.id, options);
    },
    async destroyBalancer(balancer, options) {
      assertOwnModel('balancer', balancer, ELB);
      await client.call('DeleteLoadBalancer', { LoadBalancerName: balancer.id }, { ...signalOf(options), idempotent: true });
    },
    async attachMember(balancer, member, options): Promise<Member> {
      const instanceId = instanceIdOf('member', member);
      await registration('RegisterInstancesWithLoadBalancer', balancer, instanceId, options?.signal);
      return elbMember(instanceId, instancePortOf(balancer));
    },
    async attachComputeNode(balancer, node, options): Promise<Member> {
      if (node.provider !== 'ec2') throw new ValidationError('node', `an ELB balances EC2 instances; this node comes from "${node.provider}"`);
      await registration('RegisterInstancesWithLoadBalancer', balancer, node.id, options?.signal);
      return elbMember(node.id, options?.port ?? instancePortOf(balancer));
    },
    async detachMember(balancer, member, options) {
      await registration('DeregisterInstancesFromLoadBalancer', balancer, member.id, options?.signal);
    },
    listMembers: async (balancer, options) => elbMembers(await getBalancer(balancer.id, options)),
    ...elbExtras(client),
  };
}
