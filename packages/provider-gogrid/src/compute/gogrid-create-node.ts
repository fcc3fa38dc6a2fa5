import { MalformedResponseError, ValidationError, assertNonEmptyString, assertOwnModel, pollUntil, stampProvider } from '@multicloud/core';
import type { CreateNodeOptions, Node } from '@multicloud/compute';
import type { GoGridClient } from '../gogrid-client.js';
import { firstFreePublicIp } from '../gogrid-ips.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridServer } from './convert-gogrid-server.js';
import { goGridLogins, listGoGridServers } from './gogrid-nodes.js';

/** GoGrid-only options of `createNode`. */
export interface GoGridCreateNodeOptions {
  /** Description of the server. Default empty. */
  readonly exDescription?: string | undefined;
  /** The public address to give the server; default: the first unassigned public one (of `location`, if given). */
  readonly exIp?: string | undefined;
}

function validate(options: CreateNodeOptions & GoGridCreateNodeOptions): void {
  assertNonEmptyString('options.name', options.name);
  assertOwnModel('options.size', options.size, GOGRID);
  assertOwnModel('options.image', options.image, GOGRID);
  if (options.location !== undefined) assertOwnModel('options.location', options.location, GOGRID);
  if (options.exIp !== undefined) assertNonEmptyString('options.exIp', options.exIp);
  if (options.auth !== undefined) {
    throw new ValidationError('options.auth', 'GoGrid generates the root password itself (see node.extra.password); it accepts neither a password nor an SSH key');
  }
}

/**
 * Adds a server (`grid/server/add`) and waits until GoGrid has given it an id. GoGrid needs a free public address
 * for it (the first unassigned one unless `exIp` names one) and answers the add without an id: the server is then
 * looked up by that address in `grid/server/list` every `pollIntervalMs` until it has one (at most
 * `pollTimeoutMs`). The result carries the generated root password in `extra.password`.
 * @throws RequestTimeoutError when the id does not come in time; the signal's reason when aborted
 */
export async function createGoGridNode(client: GoGridClient, options: CreateNodeOptions & GoGridCreateNodeOptions): Promise<Node> {
  validate(options);
  const { signal } = options;
  const ip = options.exIp ?? await firstFreePublicIp(client, options.location?.id, signal);
  const answer = await client.call('grid/server/add', {
    name: options.name,
    image: options.image.id,
    description: options.exDescription ?? '',
    'server.ram': options.size.id,
    ip,
  }, { signal, mutating: true });
  const [added] = answer.list;
  if (added === undefined) throw new MalformedResponseError({ provider: GOGRID, body: JSON.stringify(answer.document), reason: 'grid/server/add answered no server' });
  const draft = convertGoGridServer(added);
  const address = draft.publicIps[0] ?? ip;
  const created = draft.id !== '' ? draft : await pollUntil(async (pollSignal) => {
    const servers = await listGoGridServers(client, pollSignal);
    return servers.find((server) => server.id !== '' && server.publicIps.includes(address));
  }, { provider: GOGRID, what: `server ${options.name} (${address}) to get an id`, intervalMs: client.pollIntervalMs, timeoutMs: client.pollTimeoutMs, signal });
  const login = (await goGridLogins(client, signal)).get(created.id);
  return stampProvider({
    ...created,
    extra: { ...created.extra, ...(login?.username === undefined ? {} : { username: login.username }), ...(login?.password === undefined ? {} : { password: login.password }) },
  }, GOGRID);
}
