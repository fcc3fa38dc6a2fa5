import { NotFoundError, UnsupportedOperationError, ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type CreateVolumeOptions, type Node, type Volume } from '@multicloud/compute';
import { requireList, requireRecord, records, text } from '../identity/json-fields.js';
import type { RackspaceService, ServiceClient } from '../identity/rackspace-service.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { convertRackspaceVolume } from './convert-rackspace-models.js';

/** Rackspace Cloud Block Storage in the service catalog. */
export const BLOCK_STORAGE = { type: 'volume', name: 'cloudBlockStorage' } as const;

/** Rackspace-only options of `createVolume`. */
export interface RackspaceCreateVolumeOptions {
  /** `SATA` (default, at least 75 GB) or `SSD` (at least 50 GB). */
  readonly exVolumeType?: 'SATA' | 'SSD' | undefined;
  /** A description. */
  readonly exDescription?: string | undefined;
}

/**
 * The Cloud Block Storage client, or UnsupportedOperationError when the account's catalog does not offer block
 * storage in the driver's region (the catalog is read on first use, so this is known only then).
 */
export function blockStorage(service: RackspaceService): (operation: string, signal: AbortSignal | undefined) => Promise<ServiceClient> {
  const client = service.otherService(BLOCK_STORAGE);
  return async (operation, signal) => {
    try {
      await client.baseUrl(signal);
    } catch (error) {
      // findEndpoint names `service` or `region` when the catalog lacks the service; anything else is a real failure.
      if (!ValidationError.isInstance(error) || (error.argument !== 'service' && error.argument !== 'region')) throw error;
      throw new UnsupportedOperationError({ provider: RACKSPACE, operation, reason: `the service catalog offers no Cloud Block Storage in ${service.region} (${error.message})` });
    }
    return client;
  };
}

type BlockStorage = ReturnType<typeof blockStorage>;
const volumePath = (id: string) => `/volumes/${encodeURIComponent(id)}`;

/** Lists volumes (`GET /volumes/detail` of Cloud Block Storage). */
export async function listRackspaceVolumes(storage: BlockStorage, options: CallOptions = {}): Promise<Volume[]> {
  const client = await storage('listVolumes', options.signal);
  const answer = await client.call('GET', '/volumes/detail', { signal: options.signal });
  return requireList(answer, 'volumes').map(convertRackspaceVolume);
}

/** Creates a volume (`POST /volumes`). */
export async function createRackspaceVolume(storage: BlockStorage, options: CreateVolumeOptions & RackspaceCreateVolumeOptions): Promise<Volume> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new ValidationError('options.size', 'must be a whole number of GB ≥ 1');
  assertNonEmptyString('options.name', options.name);
  if (options.location !== undefined) assertOwnModel('options.location', options.location, RACKSPACE);
  const client = await storage('createVolume', options.signal);
  const volume = Object.fromEntries(Object.entries({
    size: options.size, display_name: options.name, display_description: options.exDescription, volume_type: options.exVolumeType,
  }).filter(([, value]) => value !== undefined));
  const answer = await client.call('POST', '/volumes', { signal: options.signal, body: { volume } });
  return convertRackspaceVolume(requireRecord(answer, 'volume'));
}

/** Deletes a volume (`DELETE /volumes/<id>`). */
export async function destroyRackspaceVolume(storage: BlockStorage, volume: Volume, options: CallOptions = {}): Promise<void> {
  assertOwnModel('volume', volume, RACKSPACE);
  const client = await storage('destroyVolume', options.signal);
  await client.call('DELETE', volumePath(volume.id), { signal: options.signal, notFound: NotFoundError });
}

/** Attaches a volume through Nova (`POST /servers/<id>/os-volume_attachments`); the device is optional. */
export async function attachRackspaceVolume(service: RackspaceService, node: Node, volume: Volume, device: string | undefined, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, RACKSPACE);
  assertOwnModel('volume', volume, RACKSPACE);
  if (device !== undefined) assertNonEmptyString('device', device);
  const volumeAttachment = device === undefined ? { volumeId: volume.id } : { volumeId: volume.id, device };
  await service.call('POST', `/servers/${encodeURIComponent(node.id)}/os-volume_attachments`, { signal: options.signal, body: { volumeAttachment }, notFound: NodeDoesNotExistError });
}

/**
 * Detaches a volume: reads its current attachment from Cloud Block Storage, then deletes that attachment through
 * Nova (`DELETE /servers/<server>/os-volume_attachments/<volume>`). @throws ValidationError when it is not attached
 */
export async function detachRackspaceVolume(service: RackspaceService, storage: BlockStorage, volume: Volume, options: CallOptions = {}): Promise<void> {
  assertOwnModel('volume', volume, RACKSPACE);
  const client = await storage('detachVolume', options.signal);
  const answer = await client.call('GET', volumePath(volume.id), { signal: options.signal, notFound: NotFoundError });
  const serverId = records(requireRecord(answer, 'volume'), 'attachments').map((attachment) => text(attachment, 'server_id')).find(Boolean);
  if (!serverId) throw new ValidationError('volume', `volume ${volume.id} is not attached to a server`);
  await service.call('DELETE', `/servers/${encodeURIComponent(serverId)}/os-volume_attachments/${encodeURIComponent(volume.id)}`, { signal: options.signal });
}
