import { ValidationError, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node, type Volume } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { attachedDrives, type CloudSigmaV2AttachedDrive } from './convert-cloudsigma-v2-node.js';
import { getV2Drive } from './cloudsigma-v2-drives.js';
import { getV2Server, serverPath } from './cloudsigma-v2-nodes.js';
import { convertCloudSigmaV2Volume } from './convert-cloudsigma-v2-models.js';
import { recordList, referenceUuid, type JsonRecord } from './json-fields.js';

/** Server fields the API computes; they are left out when a server is written back with PUT. */
const READ_ONLY_FIELDS = ['uuid', 'resource_uri', 'owner', 'status', 'runtime', 'jobs', 'permissions', 'grantees', 'mounted_on'];

/** A server object as PUT expects it: read-only fields dropped, references as bare uuids, the given drives. */
export function editableServer(server: JsonRecord, drives: readonly CloudSigmaV2AttachedDrive[]): Record<string, unknown> {
  const body: Record<string, unknown> = Object.fromEntries(Object.entries(server).filter(([key]) => !READ_ONLY_FIELDS.includes(key)));
  body.nics = recordList(server, 'nics', 'server').map((nic) => Object.fromEntries(Object.entries(nic).filter(([key]) => key !== 'runtime')));
  for (const key of ['tags', 'pubkeys']) {
    if (Array.isArray(server[key])) body[key] = (server[key] as unknown[]).map((item, index) => referenceUuid(item, `server.${key}[${index}]`));
  }
  body.drives = drives.map((drive) => ({ boot_order: drive.bootOrder ?? null, dev_channel: drive.devChannel, device: drive.device, drive: drive.uuid }));
  return body;
}

/** The first free `0:<n>` channel on the virtio controller. */
function freeVirtioChannel(drives: readonly CloudSigmaV2AttachedDrive[]): string {
  const used = new Set(drives.filter((drive) => drive.device === 'virtio').map((drive) => drive.devChannel));
  let unit = 0;
  while (used.has(`0:${unit}`)) unit++;
  return `0:${unit}`;
}

/** Attaches a drive to a server as a virtio disk, on `device` (a channel such as `0:1`) or the first free channel. */
export async function attachV2Volume(client: CloudSigmaJsonClient, node: Node, volume: Volume, device?: string, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  assertOwnModel('volume', volume, CLOUDSIGMA);
  if (device !== undefined && !/^\d+:\d+$/.test(device)) throw new ValidationError('device', 'must be a CloudSigma channel such as "0:1"');
  const server = await getV2Server(client, node.id, options.signal);
  const drives = attachedDrives(server);
  if (drives.some((drive) => drive.uuid === volume.id)) throw new ValidationError('volume', `is already attached to server ${node.id}`);
  const added = { uuid: volume.id, device: 'virtio', devChannel: device ?? freeVirtioChannel(drives), bootOrder: undefined };
  await client.call('PUT', serverPath(node.id), { body: editableServer(server, [...drives, added]), signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Detaches a drive from every server it is mounted on (each server is read and written back without it). */
export async function detachV2Volume(client: CloudSigmaJsonClient, volume: Volume, options: CallOptions = {}): Promise<void> {
  assertOwnModel('volume', volume, CLOUDSIGMA);
  const mountedOn = convertCloudSigmaV2Volume(await getV2Drive(client, volume.id, options.signal)).extra.mountedOn as string[];
  if (mountedOn.length === 0) throw new ValidationError('volume', `drive ${volume.id} is not attached to any server`);
  for (const serverId of mountedOn) {
    const server = await getV2Server(client, serverId, options.signal);
    const drives = attachedDrives(server).filter((drive) => drive.uuid !== volume.id);
    await client.call('PUT', serverPath(serverId), { body: editableServer(server, drives), signal: options.signal, notFound: NodeDoesNotExistError });
  }
}
