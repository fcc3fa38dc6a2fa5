import { stampProvider } from '@multicloud/core';
import type { Node } from '@multicloud/compute';
import { child, items, text, type XmlRecord } from '../aws/xml-fields.js';
import { EC2, ec2Size, ec2Tags } from './convert-ec2-models.js';
import { ec2NodeState } from './ec2-node-state.js';

/** A `DescribeInstances`/`RunInstances` instance item → Node. The `Name` tag is the node's name. */
export function convertEc2Node(item: XmlRecord): Node {
  const id = text(item, 'instanceId') ?? '';
  const tags = ec2Tags(item);
  const placement = child(item, 'placement');
  const zone = text(placement, 'availabilityZone');
  const publicIp = text(item, 'ipAddress');
  const privateIp = text(item, 'privateIpAddress');
  const instanceType = text(item, 'instanceType');
  const imageId = text(item, 'imageId');
  const launchTime = text(item, 'launchTime');
  return stampProvider({
    id,
    name: tags.Name ?? id,
    state: ec2NodeState(text(child(item, 'instanceState'), 'name')),
    publicIps: publicIp ? [publicIp] : [],
    privateIps: privateIp ? [privateIp] : [],
    provider: EC2,
    ...(instanceType ? { size: ec2Size(instanceType) } : {}),
    ...(imageId ? { image: stampProvider({ id: imageId, name: imageId, extra: {} }, EC2) } : {}),
    ...(zone ? { location: stampProvider({ id: zone, name: zone, country: '', extra: {} }, EC2) } : {}),
    ...(launchTime ? { createdAt: new Date(launchTime) } : {}),
    extra: {
      instanceType, imageId, keyName: text(item, 'keyName'), availabilityZone: zone,
      dnsName: text(item, 'dnsName'), privateDnsName: text(item, 'privateDnsName'),
      vpcId: text(item, 'vpcId'), subnetId: text(item, 'subnetId'), architecture: text(item, 'architecture'),
      rootDeviceType: text(item, 'rootDeviceType'), instanceLifecycle: text(item, 'instanceLifecycle'),
      stateReason: text(child(item, 'stateReason'), 'message'),
      securityGroups: items(item, 'groupSet').map((group) => ({ id: text(group, 'groupId'), name: text(group, 'groupName') })),
      tags,
    },
  }, EC2);
}

/** All instances of a `DescribeInstances` page (reservations flattened) or of a `RunInstances` answer. */
export function ec2InstanceItems(response: XmlRecord): XmlRecord[] {
  const reservations = items(response, 'reservationSet');
  return reservations.length > 0 ? reservations.flatMap((reservation) => items(reservation, 'instancesSet')) : items(response, 'instancesSet');
}
