import { ValidationError, assertNonEmptyString, assertOwnModel, stampProvider } from '@multicloud/core';
import type { CallOptions, CreateVolumeOptions, KeyPair, ListOptions, Node, NodeImage, NodeLocation, Volume } from '@multicloud/compute';
import { KeyPairDoesNotExistError } from '@multicloud/compute';
import type { QueryClient } from '../aws/query-client.js';
import { items, type XmlRecord } from '../aws/xml-fields.js';
import { EC2, convertEc2Image, convertEc2KeyPair, convertEc2Location, convertEc2Volume } from './convert-ec2-models.js';

/** EC2-only options of `listImages`. */
export interface Ec2ListImagesOptions extends ListOptions {
  /** Image owners (`self`, `amazon`, an account id). Default `['self']`: all public AMIs would be tens of thousands. */
  readonly exOwners?: readonly string[] | undefined;
  /** Only these image ids. */
  readonly exImageIds?: readonly string[] | undefined;
}

/** Lists images (`DescribeImages`). */
export async function listEc2Images(client: QueryClient, options: Ec2ListImagesOptions = {}): Promise<NodeImage[]> {
  const response = await client.call('DescribeImages', {
    Owner: options.exImageIds ? undefined : (options.exOwners ?? ['self']),
    ImageId: options.exImageIds,
  }, { signal: options.signal });
  return items(response, 'imagesSet').map(convertEc2Image);
}

/** Lists availability zones (`DescribeAvailabilityZones`) as locations. */
export async function listEc2Locations(client: QueryClient, options: CallOptions = {}): Promise<NodeLocation[]> {
  const response = await client.call('DescribeAvailabilityZones', {}, { signal: options.signal });
  return items(response, 'availabilityZoneInfo').map(convertEc2Location);
}

/** Lists volumes (`DescribeVolumes`). */
export async function listEc2Volumes(client: QueryClient, options: CallOptions = {}): Promise<Volume[]> {
  const response = await client.call('DescribeVolumes', {}, { signal: options.signal });
  return items(response, 'volumeSet').map(convertEc2Volume);
}

/** Creates a volume (`CreateVolume`) in the given zone, or the region's first zone (`<region>a`). */
export async function createEc2Volume(client: QueryClient, options: CreateVolumeOptions): Promise<Volume> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new ValidationError('options.size', 'must be a whole number of GB ≥ 1');
  assertNonEmptyString('options.name', options.name);
  if (options.location !== undefined) assertOwnModel('options.location', options.location, EC2);
  const response = await client.call('CreateVolume', {
    Size: options.size,
    AvailabilityZone: options.location?.id ?? `${client.region}a`,
    TagSpecification: [{ ResourceType: 'volume', Tag: [{ Key: 'Name', Value: options.name }] }],
  }, { signal: options.signal });
  const volume = convertEc2Volume(response as XmlRecord);
  return stampProvider({ ...volume, name: options.name }, EC2);
}

/** Attaches a volume (`AttachVolume`), by default as `/dev/sdh`. */
export async function attachEc2Volume(client: QueryClient, node: Node, volume: Volume, device = '/dev/sdh', options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, EC2);
  assertOwnModel('volume', volume, EC2);
  await client.call('AttachVolume', { VolumeId: volume.id, InstanceId: node.id, Device: device }, { signal: options.signal });
}

/** Runs a one-volume action (`DetachVolume`, `DeleteVolume`). */
export async function ec2VolumeAction(client: QueryClient, action: string, volume: Volume, options: CallOptions = {}): Promise<void> {
  assertOwnModel('volume', volume, EC2);
  await client.call(action, { VolumeId: volume.id }, { signal: options.signal });
}

/** Lists key pairs (`DescribeKeyPairs`), optionally only the named one. */
export async function listEc2KeyPairs(client: QueryClient, options: CallOptions & { readonly name?: string } = {}): Promise<KeyPair[]> {
  const response = await client.call('DescribeKeyPairs', { KeyName: options.name === undefined ? undefined : [options.name] }, { signal: options.signal });
  return items(response, 'keySet').map(convertEc2KeyPair);
}

/** Gets a key pair by name. @throws KeyPairDoesNotExistError */
export async function getEc2KeyPair(client: QueryClient, name: string, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  const [keyPair] = await listEc2KeyPairs(client, { ...options, name });
  if (!keyPair) throw new KeyPairDoesNotExistError({ provider: EC2, status: 200, providerMessage: `key pair ${name} does not exist` });
  return keyPair;
}

/** Creates (`CreateKeyPair`, returns the private key) or imports (`ImportKeyPair`) a key pair. */
export async function createEc2KeyPair(client: QueryClient, name: string, publicKey: string | undefined, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  if (publicKey !== undefined) assertNonEmptyString('publicKey', publicKey);
  const response = publicKey === undefined
    ? await client.call('CreateKeyPair', { KeyName: name }, { signal: options.signal })
    : await client.call('ImportKeyPair', { KeyName: name, PublicKeyMaterial: Buffer.from(publicKey.trim()).toString('base64') }, { signal: options.signal });
  const keyPair = convertEc2KeyPair(response as XmlRecord);
  return publicKey === undefined ? keyPair : stampProvider({ ...keyPair, publicKey: publicKey.trim() }, EC2);
}

/** Deletes a key pair (`DeleteKeyPair`). */
export async function deleteEc2KeyPair(client: QueryClient, keyPair: KeyPair, options: CallOptions = {}): Promise<void> {
  assertNonEmptyString('keyPair.name', keyPair?.name);
  await client.call('DeleteKeyPair', { KeyName: keyPair.name }, { signal: options.signal, idempotent: true });
}
