import { ValidationError, assertNonEmptyString, assertOwnModel, paginate } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type CreateNodeOptions, type Node } from '@multicloud/compute';
import type { BlueboxClient } from './bluebox-client.js';
import { BLUEBOX } from './bluebox-settings.js';
import { blueboxLocation, convertBlueboxNode } from './convert-bluebox-models.js';
import { asRecord, asRecords } from './json-fields.js';

/** Bluebox-only options of `createNode`. */
export interface BlueboxCreateNodeOptions {
  /** The user to create on the block (the Blocks API `username`); default: the one Blue Box creates. */
  readonly exUsername?: string | undefined;
}

/** The path of one block. */
const blockPath = (id: string): string => `/api/blocks/${encodeURIComponent(id)}`;

/** Iterates blocks (`/api/blocks.json`; the API has no paging, so it is one page). */
export function iterateBlueboxNodes(client: BlueboxClient, options: CallOptions = {}): AsyncIterable<Node> {
  return paginate(async () => ({ items: asRecords(await client.call('GET', '/api/blocks.json', { signal: options.signal }), 'block listing').map(convertBlueboxNode) }));
}

/** Gets one block. @throws NodeDoesNotExistError */
export async function getBlueboxNode(client: BlueboxClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  return convertBlueboxNode(asRecord(await client.call('GET', `${blockPath(id)}.json`, { signal: options.signal, notFound: NodeDoesNotExistError }), 'block'));
}

/**
 * Creates a block (`POST /api/blocks.json`, form-encoded `hostname`, `product`, `template`, and `password` or
 * `ssh_public_key`). The Blocks API insists on one of them, so `auth` is required.
 * @throws ValidationError without `auth`, for another provider's size/image/location or a location other than Blue Box's
 */
export async function createBlueboxNode(client: BlueboxClient, options: CreateNodeOptions & BlueboxCreateNodeOptions): Promise<Node> {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, BLUEBOX);
  assertOwnModel('options.image', options.image, BLUEBOX);
  if (options.location !== undefined) {
    assertOwnModel('options.location', options.location, BLUEBOX);
    if (options.location.id !== blueboxLocation().id) throw new ValidationError('options.location', `Blue Box has one location, "${blueboxLocation().id}"`);
  }
  const auth = options.auth;
  if (auth === undefined) throw new ValidationError('options.auth', 'Blue Box needs { password } or { sshKey } to create a block');
  if ('password' in auth) assertNonEmptyString('options.auth.password', auth.password);
  else if ('sshKey' in auth) assertNonEmptyString('options.auth.sshKey', auth.sshKey);
  else throw new ValidationError('options.auth', 'must be { password } or { sshKey }');
  if (options.exUsername !== undefined) assertNonEmptyString('options.exUsername', options.exUsername);
  const form = {
    hostname: options.name,
    product: options.size.id,
    template: options.image.id,
    ...('password' in auth ? { password: auth.password } : { ssh_public_key: auth.sshKey.trim() }),
    username: options.exUsername,
  };
  return convertBlueboxNode(asRecord(await client.call('POST', '/api/blocks.json', { form, signal: options.signal }), 'created block'));
}

/** Reboots a block (`PUT /api/blocks/<id>/reboot.json`). */
export async function rebootBlueboxNode(client: BlueboxClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, BLUEBOX);
  await client.call('PUT', `${blockPath(node.id)}/reboot.json`, { signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Destroys a block (`DELETE /api/blocks/<id>.json`). */
export async function destroyBlueboxNode(client: BlueboxClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, BLUEBOX);
  await client.call('DELETE', `${blockPath(node.id)}.json`, { signal: options.signal, notFound: NodeDoesNotExistError });
}
