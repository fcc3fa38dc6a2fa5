import { ValidationError, assertNonEmptyString, assertOwnModel, paginate } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type CreateNodeOptions, type Node } from '@multicloud/compute';
import { nextPageOf, type OceanClient } from './ocean-client.js';
import { convertOceanDroplet } from './convert-ocean-models.js';
import { asRecord, recordList } from './json-fields.js';
import { ensureOceanKey } from './ocean-keys.js';
import { OCEAN } from './ocean-settings.js';

/** Ocean-only options of `createNode`. */
export interface OceanCreateNodeOptions {
  /** Tags for the droplet. */
  readonly exTags?: readonly string[] | undefined;
  /** Cloud-init user data. */
  readonly exUserData?: string | undefined;
  /** More SSH keys already in the account, by id or fingerprint. */
  readonly exSshKeys?: readonly (string | number)[] | undefined;
}

/** The droplet actions Ocean runs through `POST /v2/droplets/{id}/actions`. */
export type OceanDropletAction = 'reboot' | 'power_on' | 'power_off';

const dropletPath = (id: string): string => `/v2/droplets/${encodeURIComponent(id)}`;

/** Iterates droplets (`GET /v2/droplets`, 200 a page, following `links.pages.next`). */
export function iterateOceanDroplets(client: OceanClient, options: CallOptions = {}): AsyncIterable<Node> {
  return paginate(async (next) => {
    const page = asRecord(await client.call('GET', next ?? '/v2/droplets?per_page=200', { signal: options.signal }), 'droplet listing');
    return { items: recordList(page, 'droplets', 'droplet listing').map(convertOceanDroplet), next: nextPageOf(page, 'droplet listing') };
  });
}

/** Gets one droplet. @throws NodeDoesNotExistError */
export async function getOceanDroplet(client: OceanClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  const answer = asRecord(await client.call('GET', dropletPath(id), { signal: options.signal, notFound: NodeDoesNotExistError }), 'droplet');
  return convertOceanDroplet(asRecord(answer.droplet, 'droplet.droplet'));
}

/**
 * Creates a droplet (`POST /v2/droplets` with `name`, `region`, `size`, `image`, `ssh_keys`). `auth: { sshKey }`
 * imports the key first unless the account has it. Images go by slug, or by numeric id for snapshots.
 * @throws ValidationError for an empty name, another provider's size/image/location, or a password
 */
export async function createOceanDroplet(client: OceanClient, region: string, options: CreateNodeOptions & OceanCreateNodeOptions): Promise<Node> {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, OCEAN);
  assertOwnModel('options.image', options.image, OCEAN);
  if (options.location !== undefined) assertOwnModel('options.location', options.location, OCEAN);
  if (options.auth !== undefined && !('sshKey' in options.auth)) throw new ValidationError('options.auth', 'Ocean supports only { sshKey }; droplets get no root password');
  const keys: (string | number)[] = [...(options.exSshKeys ?? [])];
  if (options.auth !== undefined) keys.push(await ensureOceanKey(client, options.auth.sshKey, options));
  const image = /^\d+$/.test(options.image.id) ? Number(options.image.id) : options.image.id;
  const json = {
    name: options.name,
    region: options.location?.id ?? region,
    size: options.size.id,
    image,
    ...(keys.length > 0 ? { ssh_keys: keys } : {}),
    ...(options.exTags ? { tags: options.exTags } : {}),
    ...(options.exUserData !== undefined ? { user_data: options.exUserData } : {}),
  };
  const answer = asRecord(await client.call('POST', '/v2/droplets', { json, signal: options.signal }), 'created droplet');
  return convertOceanDroplet(asRecord(answer.droplet, 'created droplet.droplet'));
}

/** Runs a droplet action (`POST /v2/droplets/{id}/actions`). @throws NodeDoesNotExistError */
export async function runOceanAction(client: OceanClient, node: Node, type: OceanDropletAction, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, OCEAN);
  await client.call('POST', `${dropletPath(node.id)}/actions`, { json: { type }, signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Destroys a droplet (`DELETE /v2/droplets/{id}`, 204). @throws NodeDoesNotExistError */
export async function destroyOceanDroplet(client: OceanClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, OCEAN);
  await client.call('DELETE', dropletPath(node.id), { signal: options.signal, notFound: NodeDoesNotExistError });
}
