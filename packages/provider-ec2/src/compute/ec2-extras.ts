import { assertNonEmptyString } from '@multicloud/core';
import type { CallOptions, Node } from '@multicloud/compute';
import type { QueryClient } from '../aws/query-client.js';
import { items, text, type XmlRecord } from '../aws/xml-fields.js';
import { ec2Tags } from './convert-ec2-models.js';

/** An EC2 security group. */
export interface Ec2SecurityGroup {
  /** Group id, e.g. `sg-443d0a12`. */
  readonly id: string;
  /** Group name. */
  readonly name: string;
  /** Description. */
  readonly description: string;
  /** VPC the group belongs to, if any. */
  readonly vpcId: string | undefined;
  /** Inbound rules as EC2 returns them. */
  readonly ingress: readonly { readonly protocol: string; readonly fromPort?: number; readonly toPort?: number; readonly cidrs: readonly string[] }[];
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
}

/** An elastic IP address. */
export interface Ec2ElasticIp {
  /** The public address. */
  readonly ip: string;
  /** Allocation id (VPC addresses). */
  readonly allocationId: string | undefined;
  /** `vpc` or `standard`. */
  readonly domain: string | undefined;
  /** Instance it is associated with, if any. */
  readonly instanceId: string | undefined;
  /** Association id, if associated. */
  readonly associationId: string | undefined;
}

/** An inbound rule to authorize. */
export interface Ec2IngressRule {
  /** `tcp`, `udp`, `icmp` or `-1` (all). */
  readonly protocol: string;
  /** First port. */
  readonly fromPort: number;
  /** Last port. */
  readonly toPort: number;
  /** Source CIDR blocks. Default `['0.0.0.0/0']`. */
  readonly cidrs?: readonly string[] | undefined;
}

const port = (item: XmlRecord, name: string) => (text(item, name) === undefined ? {} : { [name === 'fromPort' ? 'fromPort' : 'toPort']: Number(text(item, name)) });

function convertSecurityGroup(item: XmlRecord): Ec2SecurityGroup {
  return {
    id: text(item, 'groupId') ?? '',
    name: text(item, 'groupName') ?? '',
    description: text(item, 'groupDescription') ?? '',
    vpcId: text(item, 'vpcId'),
    ingress: items(item, 'ipPermissions').map((rule) => ({
      protocol: text(rule, 'ipProtocol') ?? '',
      ...port(rule, 'fromPort'),
      ...port(rule, 'toPort'),
      cidrs: items(rule, 'ipRanges').map((range) => text(range, 'cidrIp') ?? ''),
    })),
    tags: ec2Tags(item),
  };
}

function convertElasticIp(item: XmlRecord): Ec2ElasticIp {
  return {
    ip: text(item, 'publicIp') ?? '',
    allocationId: text(item, 'allocationId'),
    domain: text(item, 'domain'),
    instanceId: text(item, 'instanceId'),
    associationId: text(item, 'associationId'),
  };
}

/** The EC2-only operations of the compute driver (`ex` methods): tags, security groups, elastic IPs. */
export interface Ec2Extras {
  /** Adds or overwrites tags on any EC2 resource. */
  exCreateTags(resourceId: string, tags: Readonly<Record<string, string>>, options?: CallOptions): Promise<void>;
  /** Removes tags (by key) from any EC2 resource. */
  exDeleteTags(resourceId: string, keys: readonly string[], options?: CallOptions): Promise<void>;
  /** Lists security groups. */
  exListSecurityGroups(options?: CallOptions): Promise<Ec2SecurityGroup[]>;
  /** Creates a security group and returns its id. */
  exCreateSecurityGroup(name: string, description: string, options?: CallOptions & { readonly vpcId?: string }): Promise<string>;
  /** Deletes a security group by id. */
  exDeleteSecurityGroup(groupId: string, options?: CallOptions): Promise<void>;
  /** Opens inbound traffic on a security group. */
  exAuthorizeSecurityGroupIngress(groupId: string, rule: Ec2IngressRule, options?: CallOptions): Promise<void>;
  /** Lists elastic IPs. */
  exListElasticIps(options?: CallOptions): Promise<Ec2ElasticIp[]>;
  /** Allocates an elastic IP (in the VPC domain by default). */
  exAllocateElasticIp(options?: CallOptions & { readonly domain?: 'vpc' | 'standard' }): Promise<Ec2ElasticIp>;
  /** Associates an elastic IP with a node. */
  exAssociateElasticIp(node: Node, address: Ec2ElasticIp, options?: CallOptions): Promise<void>;
  /** Disassociates an elastic IP from whatever it is attached to. */
  exDisassociateElasticIp(address: Ec2ElasticIp, options?: CallOptions): Promise<void>;
  /** Releases an elastic IP back to AWS. */
  exReleaseElasticIp(address: Ec2ElasticIp, options?: CallOptions): Promise<void>;
}

/** Builds the `ex` methods over a Query API client. */
export function ec2Extras(client: QueryClient): Ec2Extras {
  const signal = (options?: CallOptions) => ({ signal: options?.signal });
  return {
    async exCreateTags(resourceId: string, tags: Readonly<Record<string, string>>, options?: CallOptions): Promise<void> {
      assertNonEmptyString('resourceId', resourceId);
      const tagList = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      await client.call('CreateTags', { ResourceId: [resourceId], Tag: tagList }, { ...signal(options), idempotent: true });
    },
    async exDeleteTags(resourceId: string, keys: readonly string[], options?: CallOptions): Promise<void> {
      assertNonEmptyString('resourceId', resourceId);
      await client.call('DeleteTags', { ResourceId: [resourceId], Tag: keys.map((Key) => ({ Key })) }, { ...signal(options), idempotent: true });
    },
    async exListSecurityGroups(options?: CallOptions): Promise<Ec2SecurityGroup[]> {
      const response = await client.call('DescribeSecurityGroups', {}, signal(options));
      return items(response, 'securityGroupInfo').map(convertSecurityGroup);
    },
    async exCreateSecurityGroup(name: string, description: string, options?: CallOptions & { readonly vpcId?: string }): Promise<string> {
      assertNonEmptyString('name', name);
      assertNonEmptyString('description', description);
      const response = await client.call('CreateSecurityGroup', { GroupName: name, GroupDescription: description, VpcId: options?.vpcId }, signal(options));
      return text(response, 'groupId') ?? '';
    },
    async exDeleteSecurityGroup(groupId: string, options?: CallOptions): Promise<void> {
      assertNonEmptyString('groupId', groupId);
      await client.call('DeleteSecurityGroup', { GroupId: groupId }, signal(options));
    },
    async exAuthorizeSecurityGroupIngress(groupId: string, rule: Ec2IngressRule, options?: CallOptions): Promise<void> {
      assertNonEmptyString('groupId', groupId);
      const permission = { IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort, IpRanges: (rule.cidrs ?? ['0.0.0.0/0']).map((CidrIp) => ({ CidrIp })) };
      await client.call('AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermissions: [permission] }, signal(options));
    },
    async exListElasticIps(options?: CallOptions): Promise<Ec2ElasticIp[]> {
      const response = await client.call('DescribeAddresses', {}, signal(options));
      return items(response, 'addressesSet').map(convertElasticIp);
    },
    async exAllocateElasticIp(options?: CallOptions & { readonly domain?: 'vpc' | 'standard' }): Promise<Ec2ElasticIp> {
      const response = await client.call('AllocateAddress', { Domain: options?.domain ?? 'vpc' }, signal(options));
      return convertElasticIp(response as XmlRecord);
    },
    async exAssociateElasticIp(node: Node, address: Ec2ElasticIp, options?: CallOptions): Promise<void> {
      const target = address.allocationId ? { AllocationId: address.allocationId } : { PublicIp: address.ip };
      await client.call('AssociateAddress', { InstanceId: node.id, ...target }, signal(options));
    },
    async exDisassociateElasticIp(address: Ec2ElasticIp, options?: CallOptions): Promise<void> {
      const target = address.associationId ? { AssociationId: address.associationId } : { PublicIp: address.ip };
      await client.call('DisassociateAddress', target, signal(options));
    },
    async exReleaseElasticIp(address: Ec2ElasticIp, options?: CallOptions): Promise<void> {
      const target = address.allocationId ? { AllocationId: address.allocationId } : { PublicIp: address.ip };
      await client.call('ReleaseAddress', target, signal(options));
    },
  };
}
