import { collect, type XmlReader } from '@multicloud/core';
import type { ComputeDriver, ComputeFeatures, KeyPair, Node, NodeImage, NodeSize } from '@multicloud/compute';
import type { AwsSettings } from '../aws/aws-settings.js';
import { createQueryClient, type QueryClient } from '../aws/query-client.js';
import { EC2, EC2_SIZES } from './convert-ec2-models.js';
import { EC2_ERROR_TABLE } from './ec2-errors.js';
import { ec2Extras, type Ec2Extras } from './ec2-extras.js';
import { ec2XmlReader } from './ec2-xml-reader.js';
import { createEc2Node, ec2InstanceAction, getEc2Node, iterateEc2Nodes, type Ec2CreateNodeOptions } from './ec2-nodes.js';
import {
  attachEc2Volume,
  createEc2KeyPair,
  createEc2Volume,
  deleteEc2KeyPair,
  ec2VolumeAction,
  getEc2KeyPair,
  listEc2Images,
  listEc2KeyPairs,
  listEc2Locations,
  listEc2Volumes,
  type Ec2ListImagesOptions,
} from './ec2-resources.js';

/** The EC2 Query API version this driver speaks. */
export const EC2_API_VERSION = '2016-11-15';

/** Settings of {@link createEc2Compute}. */
export interface Ec2ComputeSettings extends AwsSettings {
  /**
   * A replacement XML reader (it must return what `parseXml` returns); for benchmarks and special parsers. By
   * default `DescribeInstances` answers are read by a dedicated scanner and all others by `parseXml`; a reader
   * given here reads them all (`parseXml` turns the scanner off).
   */
  readonly xmlReader?: XmlReader | undefined;
}

/** The EC2 compute driver: the portable contract plus `ex` methods for tags, security groups and elastic IPs. */
export interface Ec2ComputeDriver extends ComputeDriver<Ec2CreateNodeOptions>, Ec2Extras {
  /** Lists images; by default only the account's own (`exOwners: ['self']`). */
  listImages(options?: Ec2ListImagesOptions): Promise<NodeImage[]>;
  /** The region in force. */
  readonly region: string;
}

/** What EC2 offers of the optional groups. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: true, keyPairs: true, startStop: true, createNodeAuth: Object.freeze(['sshKey'] as const) });

/**
 * Creates an EC2 compute driver. No I/O happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createEc2Compute } from '@multicloud/provider-ec2';
 * const ec2 = createEc2Compute({ region: 'eu-west-1' }); // credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * for await (const node of ec2.iterateNodes()) console.log(node.id, node.state);
 * ```
 * @throws ValidationError for blank credentials, an unknown region or a malformed endpoint
 */
export function createEc2Compute(settings: Ec2ComputeSettings = {}): Ec2ComputeDriver {
  const client: QueryClient = createQueryClient(
    { provider: EC2, service: 'ec2', version: EC2_API_VERSION, errorTable: EC2_ERROR_TABLE },
    settings,
    settings.xmlReader ?? ec2XmlReader,
  );
  const action = (name: string) => (node: Node, options?: { signal?: AbortSignal | undefined }) => ec2InstanceAction(client, name, node, options);
  return {
    provider: EC2,
    region: client.region,
    features: FEATURES,
    listNodes: (options) => collect(iterateEc2Nodes(client, options)),
    iterateNodes: (options) => iterateEc2Nodes(client, options),
    getNode: (id, options) => getEc2Node(client, id, options),
    createNode: (options) => createEc2Node(client, options),
    rebootNode: action('RebootInstances'),
    startNode: action('StartInstances'),
    stopNode: action('StopInstances'),
    destroyNode: action('TerminateInstances'),
    listImages: (options) => listEc2Images(client, options),
    listSizes: async (): Promise<NodeSize[]> => [...EC2_SIZES],
    listLocations: (options) => listEc2Locations(client, options),
    listVolumes: (options) => listEc2Volumes(client, options),
    createVolume: (options) => createEc2Volume(client, options),
    attachVolume: (node, volume, device, options) => attachEc2Volume(client, node, volume, device, options),
    detachVolume: (volume, options) => ec2VolumeAction(client, 'DetachVolume', volume, options),
    destroyVolume: (volume, options) => ec2VolumeAction(client, 'DeleteVolume', volume, options),
    listKeyPairs: (options) => listEc2KeyPairs(client, options),
    getKeyPair: (name, options) => getEc2KeyPair(client, name, options),
    createKeyPair: (name, options) => createEc2KeyPair(client, name, undefined, options),
    importKeyPair: (name, publicKey, options) => createEc2KeyPair(client, name, publicKey, options),
    deleteKeyPair: (keyPair: KeyPair, options) => deleteEc2KeyPair(client, keyPair, options),
    ...ec2Extras(client),
  };
}
