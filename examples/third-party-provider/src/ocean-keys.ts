import { createHash } from 'node:crypto';
import { ValidationError, assertNonEmptyString, collect, paginate } from '@multicloud/core';
import { KeyPairDoesNotExistError, type CallOptions, type KeyPair } from '@multicloud/compute';
import { nextPageOf, type OceanClient } from './ocean-client.js';
import { convertOceanKey } from './convert-ocean-models.js';
import { asRecord, recordList } from './json-fields.js';
import { OCEAN } from './ocean-settings.js';

/** The MD5 fingerprint Ocean gives an OpenSSH public key (`aa:bb:…`). @throws ValidationError for a malformed key */
export function oceanKeyFingerprint(publicKey: string): string {
  const [type, body] = publicKey.trim().split(/\s+/);
  const bytes = body !== undefined && /^[A-Za-z0-9+/]+={0,2}$/.test(body) ? Buffer.from(body, 'base64') : Buffer.alloc(0);
  // The key blob starts with its own type as a length-prefixed string, e.g. "ssh-ed25519".
  const declared = bytes.length > 4 ? bytes.subarray(4, 4 + bytes.readUInt32BE(0)).toString('latin1') : undefined;
  if (type === undefined || declared !== type) throw new ValidationError('publicKey', 'must be an OpenSSH public key, e.g. "ssh-ed25519 AAAA… comment"');
  return createHash('md5').update(bytes).digest('hex').replace(/(..)(?!$)/g, '$1:');
}

/** Lists the account's SSH keys (`GET /v2/account/keys`, following pages). */
export function listOceanKeys(client: OceanClient, options: CallOptions = {}): Promise<KeyPair[]> {
  return collect(paginate(async (next) => {
    const page = asRecord(await client.call('GET', next ?? '/v2/account/keys?per_page=200', { signal: options.signal }), 'key listing');
    return { items: recordList(page, 'ssh_keys', 'key listing').map(convertOceanKey), next: nextPageOf(page, 'key listing') };
  }));
}

/** Gets a key by name (Ocean looks keys up by id or fingerprint, so this lists them). @throws KeyPairDoesNotExistError */
export async function getOceanKey(client: OceanClient, name: string, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  const found = (await listOceanKeys(client, options)).find((key) => key.name === name);
  if (!found) throw new KeyPairDoesNotExistError({ provider: OCEAN, status: 404, providerMessage: `no SSH key named "${name}"`, retryable: false });
  return found;
}

/** Imports a public key (`POST /v2/account/keys`). */
export async function importOceanKey(client: OceanClient, name: string, publicKey: string, options: CallOptions = {}): Promise<KeyPair> {
  assertNonEmptyString('name', name);
  assertNonEmptyString('publicKey', publicKey);
  oceanKeyFingerprint(publicKey);
  const answer = asRecord(await client.call('POST', '/v2/account/keys', { json: { name, public_key: publicKey.trim() }, signal: options.signal }), 'created key');
  return convertOceanKey(asRecord(answer.ssh_key, 'created key.ssh_key'));
}

/** Deletes a key by its fingerprint (`DELETE /v2/account/keys/{fingerprint}`). @throws KeyPairDoesNotExistError */
export async function deleteOceanKey(client: OceanClient, keyPair: KeyPair, options: CallOptions = {}): Promise<void> {
  assertNonEmptyString('keyPair.fingerprint', keyPair?.fingerprint);
  await client.call('DELETE', `/v2/account/keys/${encodeURIComponent(keyPair.fingerprint)}`, { signal: options.signal, notFound: KeyPairDoesNotExistError });
}

/**
 * The fingerprint to put in a new droplet's `ssh_keys` for `publicKey`: the key is imported first unless the
 * account has it already (`GET /v2/account/keys/{fingerprint}` answers 404).
 */
export async function ensureOceanKey(client: OceanClient, publicKey: string, options: CallOptions = {}): Promise<string> {
  const fingerprint = oceanKeyFingerprint(publicKey);
  try {
    await client.call('GET', `/v2/account/keys/${encodeURIComponent(fingerprint)}`, { signal: options.signal, notFound: KeyPairDoesNotExistError });
  } catch (error) {
    if (!KeyPairDoesNotExistError.isInstance(error)) throw error;
    await importOceanKey(client, `multicloud-${fingerprint.replace(/:/g, '').slice(0, 12)}`, publicKey, options);
  }
  return fingerprint;
}
