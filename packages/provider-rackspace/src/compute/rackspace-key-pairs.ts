import { createHash } from 'node:crypto';
import { assertNonEmptyString } from '@multicloud/core';
import { KeyPairDoesNotExistError, type CallOptions, type KeyPair } from '@multicloud/compute';
import { child, requireList, requireRecord } from '../identity/json-fields.js';
import type { RackspaceService } from '../identity/rackspace-service.js';
import { convertRackspaceKeyPair } from './convert-rackspace-models.js';

const keyPairPath = (name: string) => `/os-keypairs/${encodeURIComponent(name)}`;

/** Lists key pairs (`GET /os-keypairs`; each item is wrapped in `keypair`). */
export async function listRackspaceKeyPairs(service: RackspaceService, options: CallOptions = {}): Promise<KeyPair[]> {
  const answer = await service.call('GET', '/os-keypairs', { signal: options.signal });
  return requireList(answer, 'keypairs').map((item) => convertRackspaceKeyPair(child(item, 'keypair')));
}

/** Gets a key pair by name (`GET /os-keypairs/<name>`). @throws KeyPairDoesNotExistError */
export async function getRackspaceKeyPair(service: RackspaceService, name: string, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  const answer = await service.call('GET', keyPairPath(name), { signal: options.signal, notFound: KeyPairDoesNotExistError });
  return convertRackspaceKeyPair(requireRecord(answer, 'keypair'));
}

/** Creates (Nova generates the key and returns its private half) or imports a key pair (`POST /os-keypairs`). */
export async function createRackspaceKeyPair(service: RackspaceService, name: string, publicKey: string | undefined, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  if (publicKey !== undefined) assertNonEmptyString('publicKey', publicKey);
  const keypair = publicKey === undefined ? { name } : { name, public_key: publicKey.trim() };
  const answer = await service.call('POST', '/os-keypairs', { signal: options.signal, body: { keypair } });
  return convertRackspaceKeyPair(requireRecord(answer, 'keypair'));
}

/** Deletes a key pair (`DELETE /os-keypairs/<name>`). @throws KeyPairDoesNotExistError */
export async function deleteRackspaceKeyPair(service: RackspaceService, keyPair: KeyPair, options: CallOptions = {}): Promise<void> {
  assertNonEmptyString('keyPair.name', keyPair?.name);
  await service.call('DELETE', keyPairPath(keyPair.name), { signal: options.signal, notFound: KeyPairDoesNotExistError });
}

/** The key pair name for an SSH public key: imported once, named after the key's md5. */
export async function ensureKeyPairFor(service: RackspaceService, publicKey: string, signal: AbortSignal | undefined): Promise<string> {
  const name = `multicloud-${createHash('md5').update(publicKey.trim()).digest('hex').slice(0, 16)}`;
  try {
    await getRackspaceKeyPair(service, name, { signal });
  } catch (error) {
    if (!KeyPairDoesNotExistError.isInstance(error)) throw error;
    await createRackspaceKeyPair(service, name, publicKey, { signal });
  }
  return name;
}
