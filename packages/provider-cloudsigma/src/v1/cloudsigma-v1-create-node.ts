import { ProviderError, ValidationError, assertNonEmptyString, assertOwnModel, pollUntil } from '@multicloud/core';
import type { CreateNodeOptions, Node } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { resolveServerShape, type CloudSigmaServerShapeOptions } from '../compute/cloudsigma-sizes.js';
import type { CloudSigmaTextClient } from './cloudsigma-text-client.js';
import { v1ServerAction } from './cloudsigma-v1-nodes.js';
import { convertCloudSigmaV1Node, requiredField } from './convert-cloudsigma-v1-models.js';

/** CloudSigma-only options of `createNode` on API 1.0. */
export interface CloudSigmaV1CreateNodeOptions extends CloudSigmaServerShapeOptions {
  /** VNC password; without one, VNC stays off (as in Libcloud's 1.0 driver). */
  readonly exVncPassword?: string | undefined;
  /** Virtual CPU count, or `auto` (default) to derive it from the CPU speed. */
  readonly exSmp?: number | 'auto' | undefined;
  /** NIC model; default `e1000`. */
  readonly exNicModel?: 'e1000' | 'rtl8139' | 'virtio' | undefined;
  /** Storage of the cloned boot drive; default `hdd`. */
  readonly exDriveType?: 'hdd' | 'ssd' | undefined;
}

function checkOptions(client: CloudSigmaTextClient, options: CreateNodeOptions & CloudSigmaV1CreateNodeOptions): void {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, CLOUDSIGMA);
  assertOwnModel('options.image', options.image, CLOUDSIGMA);
  if (options.location !== undefined) {
    assertOwnModel('options.location', options.location, CLOUDSIGMA);
    if (options.location.id !== client.region) throw new ValidationError('options.location', `this driver creates in ${client.region} only`);
  }
  if (options.auth !== undefined) throw new ValidationError('options.auth', 'CloudSigma API 1.0 cannot install an SSH key or set a password; use API 2.0');
  if (options.exNicModel !== undefined && !['e1000', 'rtl8139', 'virtio'].includes(options.exNicModel)) throw new ValidationError('options.exNicModel', 'must be e1000, rtl8139 or virtio');
  if (options.exDriveType !== undefined && !['hdd', 'ssd'].includes(options.exDriveType)) throw new ValidationError('options.exDriveType', 'must be hdd or ssd');
  if (options.exSmp !== undefined && options.exSmp !== 'auto' && !(Number.isInteger(options.exSmp) && options.exSmp > 0)) throw new ValidationError('options.exSmp', "must be a whole number > 0 or 'auto'");
  if (options.exVncPassword !== undefined) assertNonEmptyString('options.exVncPassword', options.exVncPassword);
}

/**
 * Creates a server as Libcloud's 1.0 driver does: clone the standard drive at the size's disk size, wait until the
 * copy is no longer imaging, create the server booting from it on `ide:0:0` with a DHCP NIC, then start it. When
 * CloudSigma answers without a server (insufficient funds), the cloned drive is destroyed and a `ProviderError` thrown.
 */
export async function createV1Node(client: CloudSigmaTextClient, options: CreateNodeOptions & CloudSigmaV1CreateNodeOptions): Promise<Node> {
  checkOptions(client, options);
  const shape = resolveServerShape(options.size, options);
  const { signal } = options;
  const clone = { name: options.name, size: `${shape.disk}G`, driveType: options.exDriveType ?? 'hdd' };
  const [cloned] = await client.call('POST', `/drives/${encodeURIComponent(options.image.id)}/clone`, { body: [clone], signal });
  const drive = requiredField(cloned ?? {}, 'drive', 'cloned drive');
  await pollUntil(async (pollSignal) => {
    const [info] = await client.call('GET', `/drives/${encodeURIComponent(drive)}/info`, { signal: pollSignal });
    return info && !('imaging' in info) ? true : undefined;
  }, { provider: CLOUDSIGMA, what: `drive ${drive} to finish imaging`, intervalMs: client.poll.intervalMs, timeoutMs: client.poll.timeoutMs, signal });
  const server: Record<string, string> = {
    name: options.name,
    cpu: String(shape.cpu),
    mem: String(shape.ram),
    smp: String(options.exSmp ?? 'auto'),
    'ide:0:0': drive,
    boot: 'ide:0:0',
    'nic:0:model': options.exNicModel ?? 'e1000',
    'nic:0:dhcp': 'auto',
    ...(options.exVncPassword === undefined ? {} : { 'vnc:ip': 'auto', 'vnc:password': options.exVncPassword }),
  };
  const [created] = await client.call('POST', '/servers/create', { body: [server], signal });
  if (!created?.server) {
    await client.call('POST', `/drives/${encodeURIComponent(drive)}/destroy`, { signal }).catch(() => undefined);
    throw new ProviderError({ provider: CLOUDSIGMA, status: 200, providerMessage: 'server creation failed (CloudSigma answered without a server: insufficient funds?); the cloned drive was destroyed' });
  }
  const node = convertCloudSigmaV1Node(created);
  await v1ServerAction(client, node, 'start', { signal });
  return node;
}
