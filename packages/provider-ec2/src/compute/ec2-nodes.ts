import { createHash, randomUUID } from 'node:crypto';
import { ValidationError, assertNonEmptyString, assertOwnModel, paginate, stampProvider } from '@multicloud/core';
import { KeyPairDoesNotExistError, NodeDoesNotExistError, type CallOptions, type CreateNodeOptions, type Node } from '@multicloud/compute';
import type { QueryClient } from '../aws/query-client.js';
import type { QueryValue } from '../aws/query-params.js';
import { text } from '../aws/xml-fields.js';
import { EC2 } from './convert-ec2-models.js';
import { convertEc2Node, ec2InstanceItems } from './convert-ec2-node.js';

/** EC2-only options of `createNode`. */
export interface Ec2CreateNodeOptions {
  /** Name of an existing key pair to install (instead of `auth.sshKey`). */
  readonly exKeyName?: string | undefined;
  /** Security group ids to put the instance in. */
  readonly exSecurityGroupIds?: readonly string[] | undefined;
  /** VPC subnet to launch into. */
  readonly exSubnetId?: string | undefined;
  /** User data (cloud-init script), as text; it is base64-encoded for you. */
  readonly exUserData?: string | undefined;
  /** Idempotency token: repeating a call with the same token creates nothing new. Default: a fresh UUID per call. */
  readonly exClientToken?: string | undefined;
  /** More tags besides `Name`. */
  readonly exTags?: Readonly<Record<string, string>> | undefined;
}

/** Page size of `DescribeInstances` listings. */
const PAGE_SIZE = 1000;

/** Iterates instances page by page (`NextToken`). */
export function iterateEc2Nodes(client: QueryClient, options: CallOptions = {}): AsyncIterable<Node> {
  return paginate(async (token) => {
    const response = await client.call('DescribeInstances', { MaxResults: PAGE_SIZE, NextToken: token }, { signal: options.signal });
    return { items: ec2InstanceItems(response).map(convertEc2Node), next: text(response, 'nextToken') };
  });
}

/** Gets one instance. @throws NodeDoesNotExistError */
export async function getEc2Node(client: QueryClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  const response = await client.call('DescribeInstances', { InstanceId: [id] }, { signal: options.signal });
  const [node] = ec2InstanceItems(response).map(convertEc2Node);
  if (!node) throw new NodeDoesNotExistError({ provider: EC2, status: 200, providerMessage: `instance ${id} does not exist` });
  return node;
}

/** The key pair name for an SSH public key: imported once, named after the key's fingerprint. */
async function keyNameFor(client: QueryClient, publicKey: string, signal: AbortSignal | undefined): Promise<string> {
  const name = `multicloud-${createHash('md5').update(publicKey.trim()).digest('hex').slice(0, 16)}`;
  try {
    await client.call('DescribeKeyPairs', { KeyName: [name] }, { signal });
  } catch (error) {
    if (!KeyPairDoesNotExistError.isInstance(error)) throw error;
    await client.call('ImportKeyPair', { KeyName: name, PublicKeyMaterial: Buffer.from(publicKey.trim()).toString('base64') }, { signal });
  }
  return name;
}

/** Launches one instance (`RunInstances`), tagged with its name. Idempotent through its client token. */
export async function createEc2Node(client: QueryClient, options: CreateNodeOptions & Ec2CreateNodeOptions): Promise<Node> {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, EC2);
  assertOwnModel('options.image', options.image, EC2);
  if (options.location !== undefined) assertOwnModel('options.location', options.location, EC2);
  if (options.auth !== undefined && !('sshKey' in options.auth)) {
    throw new ValidationError('options.auth', 'EC2 supports only { sshKey }; passwords are not set at launch');
  }
  const keyName = options.exKeyName ?? (options.auth && 'sshKey' in options.auth ? await keyNameFor(client, options.auth.sshKey, options.signal) : undefined);
  const tags = Object.entries({ Name: options.name, ...options.exTags }).map(([Key, Value]) => ({ Key, Value }));
  const params: Record<string, QueryValue> = {
    ImageId: options.image.id,
    InstanceType: options.size.id,
    MinCount: 1,
    MaxCount: 1,
    ClientToken: options.exClientToken ?? randomUUID(),
    KeyName: keyName,
    SubnetId: options.exSubnetId,
    SecurityGroupId: options.exSecurityGroupIds,
    UserData: options.exUserData === undefined ? undefined : Buffer.from(options.exUserData).toString('base64'),
    'Placement.AvailabilityZone': options.location?.id,
    TagSpecification: [{ ResourceType: 'instance', Tag: tags }],
  };
  // The client token makes a repeated RunInstances return the same instance, so retrying it is safe.
  const response = await client.call('RunInstances', params, { signal: options.signal, idempotent: true });
  const [item] = ec2InstanceItems(response);
  if (!item) throw new NodeDoesNotExistError({ provider: EC2, status: 200, providerMessage: 'RunInstances returned no instance' });
  const node = convertEc2Node(item);
  // RunInstances answers before the tags are visible; the node is what we asked for.
  return stampProvider({ ...node, name: options.name, extra: { ...node.extra, tags: Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value])) } }, EC2);
}

/** Runs an instance-state action (`RebootInstances`, `StartInstances`, …) on one node. */
export async function ec2InstanceAction(client: QueryClient, action: string, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, EC2);
  // These actions are idempotent on EC2: repeating a stop on a stopping instance changes nothing.
  await client.call(action, { InstanceId: [node.id] }, { signal: options.signal, idempotent: true });
}
