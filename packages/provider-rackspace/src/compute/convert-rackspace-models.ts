import { stampProvider } from '@multicloud/core';
import type { KeyPair, NodeImage, NodeLocation, NodeSize, Volume } from '@multicloud/compute';
import { child, num, records, text, type JsonRecord } from '../identity/json-fields.js';
import { RACKSPACE_REGIONS, type RackspaceRegion } from '../identity/rackspace-regions.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';

/** A region as a location (Rackspace servers live in the region of the endpoint; there are no zones). */
export function rackspaceLocation(region: RackspaceRegion): NodeLocation {
  const { name, country } = RACKSPACE_REGIONS[region];
  return stampProvider({ id: region, name: `${name} (${region.toUpperCase()})`, country, extra: {} }, RACKSPACE);
}

/** A Nova flavor → NodeSize (RAM in MiB, disk in GB). */
export function convertRackspaceSize(flavor: JsonRecord): NodeSize {
  const id = text(flavor, 'id') ?? '';
  return stampProvider({
    id,
    name: text(flavor, 'name') ?? id,
    ram: num(flavor, 'ram') ?? 0,
    disk: num(flavor, 'disk') ?? 0,
    extra: {
      vcpus: num(flavor, 'vcpus'),
      swap: num(flavor, 'swap'),
      rxtxFactor: num(flavor, 'rxtx_factor'),
      rxtxCap: num(flavor, 'rxtx_cap'),
      rxtxQuota: num(flavor, 'rxtx_quota'),
      ephemeralDisk: num(flavor, 'OS-FLV-EXT-DATA:ephemeral'),
      disabled: flavor['OS-FLV-DISABLED:disabled'] === true,
      extraSpecs: child(flavor, 'OS-FLV-WITH-EXT-SPECS:extra_specs'),
    },
  }, RACKSPACE);
}

/** A Nova image → NodeImage. */
export function convertRackspaceImage(image: JsonRecord): NodeImage {
  const id = text(image, 'id') ?? '';
  return stampProvider({
    id,
    name: text(image, 'name') ?? id,
    extra: {
      status: text(image, 'status'),
      progress: num(image, 'progress'),
      minDisk: num(image, 'minDisk'),
      minRam: num(image, 'minRam'),
      created: text(image, 'created'),
      updated: text(image, 'updated'),
      serverId: text(child(image, 'server'), 'id'),
      metadata: child(image, 'metadata'),
    },
  }, RACKSPACE);
}

/** A Nova key pair (`os-keypairs` item, its `keypair` wrapper unwrapped) → KeyPair. */
export function convertRackspaceKeyPair(keypair: JsonRecord): KeyPair {
  const publicKey = text(keypair, 'public_key')?.trim();
  const privateKey = text(keypair, 'private_key');
  return stampProvider({
    name: text(keypair, 'name') ?? '',
    fingerprint: text(keypair, 'fingerprint') ?? '',
    ...(publicKey ? { publicKey } : {}),
    ...(privateKey ? { privateKey } : {}),
    extra: { userId: text(keypair, 'user_id'), createdAt: text(keypair, 'created_at') },
  }, RACKSPACE);
}

/** A Cloud Block Storage (Cinder v1, or v2's `name`) volume → Volume. */
export function convertRackspaceVolume(volume: JsonRecord): Volume {
  const id = text(volume, 'id') ?? '';
  return stampProvider({
    id,
    name: text(volume, 'display_name') ?? text(volume, 'name') ?? id,
    size: num(volume, 'size') ?? 0,
    state: (text(volume, 'status') ?? 'unknown').toLowerCase(),
    extra: {
      description: text(volume, 'display_description') ?? text(volume, 'description'),
      volumeType: text(volume, 'volume_type'),
      availabilityZone: text(volume, 'availability_zone'),
      snapshotId: text(volume, 'snapshot_id'),
      createdAt: text(volume, 'created_at'),
      bootable: text(volume, 'bootable'),
      metadata: child(volume, 'metadata'),
      attachments: records(volume, 'attachments').map((attachment) => ({
        serverId: text(attachment, 'server_id'),
        device: text(attachment, 'device'),
        attachmentId: text(attachment, 'attachment_id') ?? text(attachment, 'id'),
      })),
    },
  }, RACKSPACE);
}
