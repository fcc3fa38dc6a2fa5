import { stampProvider } from '@multicloud/core';
import type { KeyPair, NodeImage, Volume } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { optionalNumber, optionalString, recordList, referenceUuid, requiredString, type JsonRecord } from './json-fields.js';

/** Bytes in a GiB: CloudSigma sizes are bytes, portable volume sizes are GB. */
export const GIB = 1024 ** 3;

/** Converts a library drive (`/libdrives/`) to an image. */
export function convertCloudSigmaV2Image(drive: JsonRecord): NodeImage {
  const id = requiredString(drive, 'uuid', 'library drive');
  const what = `library drive ${id}`;
  const licenses = drive.licenses;
  return stampProvider({
    id,
    name: optionalString(drive, 'name', what) ?? '',
    extra: {
      description: optionalString(drive, 'description', what),
      arch: optionalString(drive, 'arch', what),
      os: optionalString(drive, 'os', what),
      imageType: optionalString(drive, 'image_type', what),
      media: optionalString(drive, 'media', what),
      size: optionalNumber(drive, 'size', what),
      status: optionalString(drive, 'status', what),
      paid: drive.paid === true,
      licenses: Array.isArray(licenses) ? licenses : [],
    },
  }, CLOUDSIGMA);
}

/** Converts a user drive (`/drives/`) to a volume (size in GiB, state = the drive's `status`). */
export function convertCloudSigmaV2Volume(drive: JsonRecord): Volume {
  const id = requiredString(drive, 'uuid', 'drive');
  const what = `drive ${id}`;
  const bytes = optionalNumber(drive, 'size', what) ?? 0;
  return stampProvider({
    id,
    name: optionalString(drive, 'name', what) ?? '',
    size: bytes / GIB,
    state: (optionalString(drive, 'status', what) ?? 'unknown').toLowerCase(),
    extra: {
      sizeBytes: bytes,
      media: optionalString(drive, 'media', what),
      storageType: optionalString(drive, 'storage_type', what),
      mountedOn: recordList(drive, 'mounted_on', what).map((server, index) => referenceUuid(server, `${what}.mounted_on[${index}]`)),
      allowMultimount: drive.allow_multimount === true,
    },
  }, CLOUDSIGMA);
}

/** Converts a keypair; the private key is kept only when `withPrivateKey` (on creation). */
export function convertCloudSigmaV2KeyPair(keypair: JsonRecord, withPrivateKey = false): KeyPair {
  const uuid = requiredString(keypair, 'uuid', 'keypair');
  const what = `keypair ${uuid}`;
  const privateKey = optionalString(keypair, 'private_key', what);
  return stampProvider({
    name: requiredString(keypair, 'name', what),
    fingerprint: optionalString(keypair, 'fingerprint', what) ?? '',
    publicKey: optionalString(keypair, 'public_key', what),
    ...(withPrivateKey && privateKey ? { privateKey } : {}),
    extra: { uuid, hasPrivateKey: Boolean(privateKey) },
  }, CLOUDSIGMA);
}
