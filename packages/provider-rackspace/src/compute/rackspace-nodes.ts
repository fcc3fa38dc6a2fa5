import { ValidationError, assertNonEmptyString, assertOwnModel, stampProvider } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type CreateNodeOptions, type Node } from '@multicloud/compute';
import { requireId, requireRecord, text } from '../identity/json-fields.js';
import type { RackspaceService } from '../identity/rackspace-service.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { rackspaceLocation } from './convert-rackspace-models.js';
import { convertRackspaceNode } from './convert-rackspace-node.js';
import { ensureKeyPairFor } from './rackspace-key-pairs.js';
import { iterateNovaList } from './nova-paging.js';

/** Rackspace-only options of `createNode`. */
export interface RackspaceCreateNodeOptions {
  /** Name of an existing key pair to install (instead of `auth.sshKey`). */
  readonly exKeyName?: string | undefined;
  /** Server metadata (at most 40 pairs of up to 255 characters each). */
  readonly exMetadata?: Readonly<Record<string, string>> | undefined;
  /** `AUTO` (resize the root partition to the flavor's disk) or `MANUAL`. */
  readonly exDiskConfig?: 'AUTO' | 'MANUAL' | undefined;
  /** Networks to attach, by uuid (Rackspace's PublicNet and ServiceNet are `00000000-0000-0000-0000-000000000000` and `11111111-1111-1111-1111-111111111111`). */
  readonly exNetworks?: readonly string[] | undefined;
  /** User data (cloud-init) as text; it is base64-encoded for you. Needs `exConfigDrive` at Rackspace. */
  readonly exUserData?: string | undefined;
  /** Attach a config drive carrying metadata and user data. */
  readonly exConfigDrive?: boolean | undefined;
}

const serverPath = (id: string) => `/servers/${encodeURIComponent(id)}`;

/** Iterates servers page by page (`GET /servers/detail?limit=…&marker=…`). */
export function iterateRackspaceNodes(service: RackspaceService, options: CallOptions = {}): AsyncIterable<Node> {
  return iterateNovaList(service, '/servers/detail', 'servers', (server) => convertRackspaceNode(server, service.region), options.signal);
}

/** Gets one server. @throws NodeDoesNotExistError */
export async function getRackspaceNode(service: RackspaceService, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  const answer = await service.call('GET', serverPath(id), { signal: options.signal, notFound: NodeDoesNotExistError });
  return convertRackspaceNode(requireRecord(answer, 'server'), service.region);
}

/** The `server` object of a create request. */
async function serverBody(service: RackspaceService, options: CreateNodeOptions & RackspaceCreateNodeOptions): Promise<Record<string, unknown>> {
  const keyName = options.exKeyName ?? (options.auth && 'sshKey' in options.auth ? await ensureKeyPairFor(service, options.auth.sshKey, options.signal) : undefined);
  const password = options.auth && 'password' in options.auth ? options.auth.password : undefined;
  const entries: [string, unknown][] = [
    ['name', options.name],
    ['imageRef', options.image.id],
    ['flavorRef', options.size.id],
    ['adminPass', password],
    ['key_name', keyName],
    ['metadata', options.exMetadata],
    ['OS-DCF:diskConfig', options.exDiskConfig],
    ['networks', options.exNetworks?.map((uuid) => ({ uuid }))],
    ['user_data', options.exUserData === undefined ? undefined : Buffer.from(options.exUserData).toString('base64')],
    ['config_drive', options.exConfigDrive],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function validateCreate(service: RackspaceService, options: CreateNodeOptions & RackspaceCreateNodeOptions): void {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, RACKSPACE);
  assertOwnModel('options.image', options.image, RACKSPACE);
  if (options.location !== undefined) {
    assertOwnModel('options.location', options.location, RACKSPACE);
    if (options.location.id !== service.region) {
      throw new ValidationError('options.location', `this driver creates servers in ${service.region}; create a driver with region "${options.location.id}"`);
    }
  }
  if (options.auth !== undefined) {
    if ('sshKey' in options.auth) assertNonEmptyString('options.auth.sshKey', options.auth.sshKey);
    else if ('password' in options.auth) assertNonEmptyString('options.auth.password', options.auth.password);
    else throw new ValidationError('options.auth', 'give { sshKey } or { password }');
  }
  if (options.exDiskConfig !== undefined && options.exDiskConfig !== 'AUTO' && options.exDiskConfig !== 'MANUAL') {
    throw new ValidationError('options.exDiskConfig', "must be 'AUTO' or 'MANUAL'");
  }
}

/**
 * Creates a server (`POST /servers`). Nova answers with the id and the admin password only, so the node is built
 * from the request: state `pending`, and `extra.adminPass` holding the password Nova set (or the one given).
 */
export async function createRackspaceNode(service: RackspaceService, options: CreateNodeOptions & RackspaceCreateNodeOptions): Promise<Node> {
  validateCreate(service, options);
  const server = await serverBody(service, options);
  const answer = await service.call('POST', '/servers', { signal: options.signal, body: { server } });
  const created = requireRecord(answer, 'server');
  const id = requireId(answer, created);
  return stampProvider({
    id,
    name: options.name,
    state: 'pending',
    publicIps: [],
    privateIps: [],
    provider: RACKSPACE,
    size: options.size,
    image: options.image,
    location: rackspaceLocation(service.region),
    extra: {
      status: 'BUILD',
      adminPass: text(created, 'adminPass'),
      keyName: server.key_name,
      metadata: options.exMetadata ?? {},
      diskConfig: text(created, 'OS-DCF:diskConfig') ?? options.exDiskConfig,
    },
  }, RACKSPACE);
}

/** Posts a server action (`POST /servers/<id>/action`), e.g. `{ reboot: { type: 'SOFT' } }`. */
export async function rackspaceServerAction(service: RackspaceService, node: Node, action: Record<string, unknown>, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, RACKSPACE);
  await service.call('POST', `${serverPath(node.id)}/action`, { signal: options.signal, body: action, notFound: NodeDoesNotExistError });
}

/** Deletes a server (`DELETE /servers/<id>`). */
export async function destroyRackspaceNode(service: RackspaceService, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, RACKSPACE);
  await service.call('DELETE', serverPath(node.id), { signal: options.signal, notFound: NodeDoesNotExistError });
}
