import { stampProvider } from '@multicloud/core';
import type { KeyPair, NodeImage, NodeLocation, NodeSize, Volume } from '@multicloud/compute';
import { AWS_REGIONS, isAwsRegion } from '../aws/aws-regions.js';
import { EC2_INSTANCE_TYPES } from './ec2-instance-types.js';
import { items, text, type XmlRecord } from '../aws/xml-fields.js';

/** Provider id of EC2 models. */
export const EC2 = 'ec2';

/** The static sizes, stamped once (they never change at run time). */
export const EC2_SIZES: readonly NodeSize[] = EC2_INSTANCE_TYPES.map(([id, ram, disk, vcpus]) =>
  stampProvider({ id, name: id, ram, disk, extra: { vcpus } }, EC2),
);

/** The static size of an instance type, or a bare one for a type this package does not know yet. */
export function ec2Size(instanceType: string): NodeSize {
  return EC2_SIZES.find((size) => size.id === instanceType) ?? stampProvider({ id: instanceType, name: instanceType, ram: 0, disk: 0, extra: {} }, EC2);
}

/** `DescribeImages` item → NodeImage. */
export function convertEc2Image(item: XmlRecord): NodeImage {
  const id = text(item, 'imageId') ?? '';
  return stampProvider({
    id,
    name: text(item, 'name') ?? id,
    extra: {
      description: text(item, 'description'), state: text(item, 'imageState'), ownerId: text(item, 'imageOwnerId'),
      isPublic: text(item, 'isPublic') === 'true', architecture: text(item, 'architecture'), imageType: text(item, 'imageType'),
      rootDeviceType: text(item, 'rootDeviceType'), virtualizationType: text(item, 'virtualizationType'), creationDate: text(item, 'creationDate'),
    },
  }, EC2);
}

/** `DescribeAvailabilityZones` item → NodeLocation. */
export function convertEc2Location(item: XmlRecord): NodeLocation {
  const zone = text(item, 'zoneName') ?? '';
  const region = text(item, 'regionName') ?? '';
  return stampProvider({
    id: zone,
    name: zone,
    country: isAwsRegion(region) ? AWS_REGIONS[region].country : '',
    extra: { regionName: region, zoneState: text(item, 'zoneState'), zoneId: text(item, 'zoneId') },
  }, EC2);
}

/** `DescribeVolumes` item or `CreateVolume` answer → Volume. */
export function convertEc2Volume(item: XmlRecord): Volume {
  const id = text(item, 'volumeId') ?? '';
  const tags = ec2Tags(item);
  return stampProvider({
    id,
    name: tags.Name ?? id,
    size: Number(text(item, 'size') ?? 0),
    state: text(item, 'status') ?? 'unknown',
    extra: {
      availabilityZone: text(item, 'availabilityZone'), snapshotId: text(item, 'snapshotId'), volumeType: text(item, 'volumeType'),
      createTime: text(item, 'createTime'), encrypted: text(item, 'encrypted') === 'true', tags,
      attachments: items(item, 'attachmentSet'),
    },
  }, EC2);
}

/** `DescribeKeyPairs` item or a `CreateKeyPair`/`ImportKeyPair` answer → KeyPair. */
export function convertEc2KeyPair(item: XmlRecord): KeyPair {
  const privateKey = text(item, 'keyMaterial');
  return stampProvider({
    name: text(item, 'keyName') ?? '',
    fingerprint: text(item, 'keyFingerprint') ?? '',
    ...(privateKey === undefined ? {} : { privateKey }),
    extra: { keyPairId: text(item, 'keyPairId'), keyType: text(item, 'keyType') },
  }, EC2);
}

/** An EC2 `tagSet` as a plain record. */
export function ec2Tags(item: XmlRecord): Record<string, string> {
  return Object.fromEntries(items(item, 'tagSet').map((tag) => [text(tag, 'key') ?? '', text(tag, 'value') ?? '']));
}
