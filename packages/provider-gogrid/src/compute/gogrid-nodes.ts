import { InvalidCredentialsError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node } from '@multicloud/compute';
import type { GoGridClient } from '../gogrid-client.js';
import { objectField, textField, type GoGridObject } from '../gogrid-fields.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridServer, type GoGridServerLogin } from './convert-gogrid-server.js';

/** GoGrid's power commands (`grid/server/power?power=`). */
export type GoGridPowerCommand = 'start' | 'stop' | 'restart';

/**
 * The generated root logins by server id (`support/password/list`). API keys without the right to read passwords
 * get HTTP 401/403 there; the servers are then listed without passwords rather than not at all.
 */
export async function goGridLogins(client: GoGridClient, signal: AbortSignal | undefined): Promise<Map<string, GoGridServerLogin>> {
  const logins = new Map<string, GoGridServerLogin>();
  try {
    const answer = await client.call('support/password/list', {}, { signal });
    for (const item of answer.list) {
      const server = objectField(item, 'server');
      const id = server === undefined ? undefined : textField(server, 'id');
      if (id !== undefined) logins.set(id, { username: textField(item, 'username'), password: textField(item, 'password') });
    }
  } catch (error) {
    if (!InvalidCredentialsError.isInstance(error)) throw error;
  }
  return logins;
}

/** The servers of a GoGrid answer, with their generated logins where known. */
function toNodes(list: readonly GoGridObject[], logins: ReadonlyMap<string, GoGridServerLogin>): Node[] {
  return list.map((item) => convertGoGridServer(item, logins.get(textField(item, 'id') ?? '')));
}

/** Lists servers (`grid/server/list`) without their logins: one request, for polling. */
export async function listGoGridServers(client: GoGridClient, signal: AbortSignal | undefined): Promise<Node[]> {
  const answer = await client.call('grid/server/list', {}, { signal });
  return toNodes(answer.list, new Map());
}

/** Lists servers with their generated root passwords (`grid/server/list`, then `support/password/list`). */
export async function listGoGridNodes(client: GoGridClient, options: CallOptions = {}): Promise<Node[]> {
  const answer = await client.call('grid/server/list', {}, { signal: options.signal });
  return toNodes(answer.list, await goGridLogins(client, options.signal));
}

/** Gets one server (`grid/server/get?id=`) with its generated root password. @throws NodeDoesNotExistError */
export async function getGoGridNode(client: GoGridClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  const answer = await client.call('grid/server/get', { id }, { signal: options.signal, notFound: NodeDoesNotExistError });
  // GoGrid answers the asked-for server; one with the same id is preferred should it ever answer more.
  const item = answer.list.find((candidate) => textField(candidate, 'id') === id) ?? answer.list[0];
  if (item === undefined) throw new NodeDoesNotExistError({ provider: GOGRID, status: 200, providerMessage: `server ${id} does not exist` });
  const logins = await goGridLogins(client, options.signal);
  return convertGoGridServer(item, logins.get(textField(item, 'id') ?? id));
}

/** Sends a power command to a server (`grid/server/power`). @throws NodeDoesNotExistError */
export async function powerGoGridNode(client: GoGridClient, node: Node, power: GoGridPowerCommand, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, GOGRID);
  await client.call('grid/server/power', { id: node.id, power }, { signal: options.signal, mutating: true, notFound: NodeDoesNotExistError });
}

/** Deletes a server (`grid/server/delete`). @throws NodeDoesNotExistError */
export async function deleteGoGridNode(client: GoGridClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, GOGRID);
  await client.call('grid/server/delete', { id: node.id }, { signal: options.signal, mutating: true, notFound: NodeDoesNotExistError });
}
