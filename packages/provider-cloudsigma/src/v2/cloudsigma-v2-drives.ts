import { ValidationError, assertNonEmptyString, assertOwnModel, pollUntil } from '@multicloud/core';
import type { CallOptions, CreateVolumeOptions, ListOptions, NodeImage, Volume } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { callAction, type CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { GIB, convertCloudSigmaV2Image, convertCloudSigmaV2Volume } from './convert-cloudsigma-v2-models.js';
import { asRecord, objectsOf, optionalString, requiredString, type JsonRecord } from './json-fields.js';

/** The path of one drive. */
export const drivePath = (id: string): string => `/drives/${encodeURIComponent(id)}/`;

/** The single object of a bulk answer (`{ objects: [x] }`). @throws MalformedResponseError */
export function onlyObject(answer: unknown, what: string): JsonRecord {
  const [first] = objectsOf(answer, what);
  return first ?? asRecord(undefined, `${what}.objects[0]`);
}

/** The single drive of a bulk answer, checked to have a uuid. @throws MalformedResponseError */
function onlyDrive(answer: unknown, what: string): JsonRecord {
  const drive = onlyObject(answer, what);
  requiredString(drive, 'uuid', what);
  return drive;
}

/** Options of `listImages` on API 2.0. */
export interface CloudSigmaListImagesOptions extends ListOptions {
  /** Also list installation CDs (`image_type: install`), which `createNode` cannot clone into a bootable disk. */
  readonly exIncludeInstallCds?: boolean | undefined;
}

/** Lists library drives as images; by default only pre-installed systems (`image_type: preinst`), as Libcloud does. */
export async function listV2Images(client: CloudSigmaJsonClient, options: CloudSigmaListImagesOptions = {}): Promise<NodeImage[]> {
  const answer = await client.call('GET', '/libdrives/', { query: { limit: 0 }, signal: options.signal });
  const images = objectsOf(answer, 'library drive listing').map(convertCloudSigmaV2Image);
  return options.exIncludeInstallCds ? images : images.filter((image) => image.extra.imageType === 'preinst');
}

/** Reads one drive object. */
export async function getV2Drive(client: CloudSigmaJsonClient, id: string, signal?: AbortSignal): Promise<JsonRecord> {
  return asRecord(await client.call('GET', drivePath(id), { signal }), 'drive');
}

/** Waits (core's `pollUntil`) until a drive's status is `status`; cloning and resizing take a while. */
export async function waitForV2Drive(client: CloudSigmaJsonClient, drive: JsonRecord, status: string, signal?: AbortSignal): Promise<JsonRecord> {
  if (optionalString(drive, 'status', 'drive') === status) return drive;
  const id = String(drive.uuid);
  return pollUntil(async (pollSignal) => {
    const current = await getV2Drive(client, id, pollSignal);
    return optionalString(current, 'status', 'drive') === status ? current : undefined;
  }, { provider: CLOUDSIGMA, what: `drive ${id} to become ${status}`, intervalMs: client.poll.intervalMs, timeoutMs: client.poll.timeoutMs, signal });
}

/** Clones a drive or library drive (`?do=clone`) under a new name; the copy starts in status `creating`. */
export async function cloneV2Drive(client: CloudSigmaJsonClient, driveId: string, name: string, signal?: AbortSignal): Promise<JsonRecord> {
  return onlyDrive(await callAction(client, drivePath(driveId), 'clone', { body: { name }, signal }), 'cloned drive');
}

/** Grows a drive to `sizeBytes` (`?do=resize`). */
export async function resizeV2Drive(client: CloudSigmaJsonClient, drive: JsonRecord, sizeBytes: number, signal?: AbortSignal): Promise<JsonRecord> {
  const body = { name: drive.name, size: sizeBytes, media: drive.media ?? 'disk' };
  return onlyDrive(await callAction(client, drivePath(String(drive.uuid)), 'resize', { body, signal }), 'resized drive');
}

/** Lists the account's drives as volumes. */
export async function listV2Volumes(client: CloudSigmaJsonClient, options: CallOptions = {}): Promise<Volume[]> {
  const answer = await client.call('GET', '/drives/detail/', { query: { limit: 0 }, signal: options.signal });
  return objectsOf(answer, 'drive listing').map(convertCloudSigmaV2Volume);
}

/** Creates an empty disk drive of `size` GB in the driver's region. */
export async function createV2Volume(client: CloudSigmaJsonClient, options: CreateVolumeOptions): Promise<Volume> {
  assertNonEmptyString('options.name', options.name);
  if (!Number.isInteger(options.size) || options.size < 1) throw new ValidationError('options.size', 'must be a whole number of GB ≥ 1');
  if (options.location !== undefined) {
    assertOwnModel('options.location', options.location, CLOUDSIGMA);
    if (options.location.id !== client.region) throw new ValidationError('options.location', `this driver creates in ${client.region} only`);
  }
  const answer = await client.call('POST', '/drives/', { body: { name: options.name, size: options.size * GIB, media: 'disk' }, signal: options.signal });
  return convertCloudSigmaV2Volume(onlyObject(answer, 'created drive'));
}

/** Deletes a drive. */
export async function destroyV2Volume(client: CloudSigmaJsonClient, volume: Volume, options: CallOptions = {}): Promise<void> {
  assertOwnModel('volume', volume, CLOUDSIGMA);
  await client.call('DELETE', drivePath(volume.id), { signal: options.signal });
}
