import { assertNonEmptyString } from '@multicloud/core';
import { KeyPairDoesNotExistError, type CallOptions, type KeyPair } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { onlyObject } from './cloudsigma-v2-drives.js';
import { convertCloudSigmaV2KeyPair } from './convert-cloudsigma-v2-models.js';
import { objectsOf } from './json-fields.js';

/** Lists the account's keypairs (`/keypairs/detail/`); private keys are never part of the models listed. */
export async function listV2KeyPairs(client: CloudSigmaJsonClient, options: CallOptions = {}): Promise<KeyPair[]> {
  const answer = await client.call('GET', '/keypairs/detail/', { query: { limit: 0 }, signal: options.signal });
  return objectsOf(answer, 'keypair listing').map((keypair) => convertCloudSigmaV2KeyPair(keypair));
}

/** Gets a keypair by name (CloudSigma ids are uuids, so the listing is searched). @throws KeyPairDoesNotExistError */
export async function getV2KeyPair(client: CloudSigmaJsonClient, name: string, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  const found = (await listV2KeyPairs(client, options)).find((keyPair) => keyPair.name === name);
  if (!found) throw new KeyPairDoesNotExistError({ provider: CLOUDSIGMA, status: 200, providerMessage: `keypair ${name} does not exist` });
  return found;
}

/**
 * Creates a keypair. With `publicKey` it is imported; without, CloudSigma generates an RSA pair (its documented
 * behaviour when neither key is given) and the answer carries the private key.
 */
export async function createV2KeyPair(client: CloudSigmaJsonClient, name: string, publicKey: string | undefined, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  if (publicKey !== undefined) assertNonEmptyString('publicKey', publicKey);
  const object = publicKey === undefined ? { name, algorithm_type: 'rsa' } : { name, public_key: publicKey.trim() };
  const answer = await client.call('POST', '/keypairs/', { body: { objects: [object] }, signal: options.signal });
  return convertCloudSigmaV2KeyPair(onlyObject(answer, 'created keypair'), publicKey === undefined);
}

/** Deletes a keypair, by the uuid a listed model carries, else found by name. */
export async function deleteV2KeyPair(client: CloudSigmaJsonClient, keyPair: KeyPair, options: CallOptions = {}): Promise<void> {
  assertNonEmptyString('keyPair.name', keyPair?.name);
  const known = keyPair.extra?.uuid;
  const uuid = typeof known === 'string' && known !== '' ? known : (await getV2KeyPair(client, keyPair.name, options)).extra.uuid as string;
  await client.call('DELETE', `/keypairs/${encodeURIComponent(uuid)}/`, { signal: options.signal, notFound: KeyPairDoesNotExistError });
}
