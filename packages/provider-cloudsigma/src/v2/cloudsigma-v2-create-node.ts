import { randomBytes } from 'node:crypto';
import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import type { CreateNodeOptions, Node } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { resolveServerShape, type CloudSigmaServerShapeOptions } from '../compute/cloudsigma-sizes.js';
import type { CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { cloneV2Drive, drivePath, onlyObject, resizeV2Drive, waitForV2Drive } from './cloudsigma-v2-drives.js';
import { startV2Node } from './cloudsigma-v2-nodes.js';
import { GIB } from './convert-cloudsigma-v2-models.js';
import { convertCloudSigmaV2Node } from './convert-cloudsigma-v2-node.js';
import { optionalNumber } from './json-fields.js';

/** CloudSigma-only options of `createNode` on API 2.0. */
export interface CloudSigmaV2CreateNodeOptions extends CloudSigmaServerShapeOptions {
  /** VNC password of the new server; default: 12 random characters (see the node's `extra.vncPassword`). */
  readonly exVncPassword?: string | undefined;
  /** Server metadata (`meta`); `auth.sshKey` is added as `ssh_public_key`, which CloudSigma's images install. */
  readonly exMetadata?: Readonly<Record<string, string>> | undefined;
  /** Server uuids to keep the new one away from when it starts (another physical host). */
  readonly exAvoid?: readonly string[] | undefined;
  /** A VLAN uuid: the server gets a second NIC on it. */
  readonly exVlan?: string | undefined;
}

function checkOptions(client: CloudSigmaJsonClient, options: CreateNodeOptions & CloudSigmaV2CreateNodeOptions): void {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, CLOUDSIGMA);
  assertOwnModel('options.image', options.image, CLOUDSIGMA);
  if (options.location !== undefined) {
    assertOwnModel('options.location', options.location, CLOUDSIGMA);
    if (options.location.id !== client.region) throw new ValidationError('options.location', `this driver creates in ${client.region} only`);
  }
  if (options.auth !== undefined && !('sshKey' in options.auth)) throw new ValidationError('options.auth', 'CloudSigma takes only { sshKey } (no root password is set through the API)');
  if (options.auth !== undefined) assertNonEmptyString('options.auth.sshKey', options.auth.sshKey);
  if (options.exVncPassword !== undefined) assertNonEmptyString('options.exVncPassword', options.exVncPassword);
}

/**
 * Creates a server the way CloudSigma (and Libcloud's driver) does: clone the library drive, wait for the copy,
 * grow it to the size's disk, create the server with the copy as its boot disk and a DHCP NIC, then start it. An
 * installation CD (`extra.media` `cdrom`) is attached as it is, without a clone. If the server cannot be created,
 * the cloned drive is deleted again.
 */
export async function createV2Node(client: CloudSigmaJsonClient, options: CreateNodeOptions & CloudSigmaV2CreateNodeOptions): Promise<Node> {
  checkOptions(client, options);
  const shape = resolveServerShape(options.size, options);
  const { signal } = options;
  const isCd = options.image.extra.media === 'cdrom';
  let driveId = options.image.id;
  if (!isCd) {
    let drive = await waitForV2Drive(client, await cloneV2Drive(client, options.image.id, `${options.name}-drive`, signal), 'unmounted', signal);
    const wanted = shape.disk * GIB;
    if (wanted > (optionalNumber(drive, 'size', 'drive') ?? 0)) drive = await waitForV2Drive(client, await resizeV2Drive(client, drive, wanted, signal), 'unmounted', signal);
    driveId = String(drive.uuid);
  }
  const meta = { ...options.exMetadata, ...(options.auth && 'sshKey' in options.auth ? { ssh_public_key: options.auth.sshKey.trim() } : {}) };
  const nics: Record<string, unknown>[] = [{ boot_order: null, ip_v4_conf: { conf: 'dhcp' }, ip_v6_conf: null }];
  if (options.exVlan !== undefined) nics.push({ boot_order: null, ip_v4_conf: null, ip_v6_conf: null, vlan: options.exVlan });
  const body = {
    name: options.name,
    cpu: shape.cpu,
    mem: shape.ram * 1024 * 1024,
    vnc_password: options.exVncPassword ?? randomBytes(9).toString('base64url'),
    ...(Object.keys(meta).length > 0 ? { meta } : {}),
    nics,
    drives: [{ boot_order: 1, dev_channel: '0:0', device: isCd ? 'ide' : 'virtio', drive: driveId }],
  };
  let node: Node;
  try {
    node = convertCloudSigmaV2Node(onlyObject(await client.call('POST', '/servers/', { body, signal }), 'created server'));
  } catch (error) {
    if (!isCd) await client.call('DELETE', drivePath(driveId), { signal }).catch(() => undefined);
    throw error;
  }
  await startV2Node(client, node, { signal, exAvoid: options.exAvoid });
  return node;
}
