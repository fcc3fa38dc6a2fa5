import { assertNonEmptyString, assertOwnModel, paginate, pollUntil } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node } from '@multicloud/compute';
import type { CloudSigmaDestroyOptions } from '../compute/cloudsigma-destroy-options.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { CloudSigmaTextClient } from './cloudsigma-text-client.js';
import { convertCloudSigmaV1Node, v1AttachedDrives } from './convert-cloudsigma-v1-models.js';

/** The path prefix of one server. */
export const v1ServerPath = (id: string): string => `/servers/${encodeURIComponent(id)}`;

/** Statuses in which a 1.0 server is not running. */
const NOT_RUNNING = new Set(['stopped', 'dead', 'dumped']);

/** Iterates servers (`/servers/info`; API 1.0 has no paging, so it is one page). */
export function iterateV1Nodes(client: CloudSigmaTextClient, options: CallOptions = {}): AsyncIterable<Node> {
  return paginate(async () => ({ items: (await client.call('GET', '/servers/info', { signal: options.signal })).map(convertCloudSigmaV1Node) }));
}

/** Reads one server object. @throws NodeDoesNotExistError */
export async function getV1Server(client: CloudSigmaTextClient, id: string, signal?: AbortSignal): Promise<Record<string, string>> {
  const [server] = await client.call('GET', `${v1ServerPath(id)}/info`, { signal, notFound: NodeDoesNotExistError });
  if (!server) throw new NodeDoesNotExistError({ provider: CLOUDSIGMA, status: 200, providerMessage: `server ${id} does not exist` });
  return server;
}

/** Gets one server. @throws NodeDoesNotExistError */
export async function getV1Node(client: CloudSigmaTextClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  return convertCloudSigmaV1Node(await getV1Server(client, id, options.signal));
}

/** Runs a server action (`/servers/<id>/start`, `stop`, `destroy`). */
export async function v1ServerAction(client: CloudSigmaTextClient, node: Node, action: string, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  await client.call('POST', `${v1ServerPath(node.id)}/${action}`, { signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Stops a running server and waits (core's `pollUntil`) until it is no longer running; returns its last state. */
export async function ensureV1Stopped(client: CloudSigmaTextClient, node: Node, signal: AbortSignal | undefined): Promise<Record<string, string>> {
  const server = await getV1Server(client, node.id, signal);
  if (NOT_RUNNING.has(server.status ?? '')) return server;
  await v1ServerAction(client, node, 'stop', { signal });
  return pollUntil(async (pollSignal) => {
    const current = await getV1Server(client, node.id, pollSignal);
    return NOT_RUNNING.has(current.status ?? '') ? current : undefined;
  }, { provider: CLOUDSIGMA, what: `server ${node.id} to stop`, intervalMs: client.poll.intervalMs, timeoutMs: client.poll.timeoutMs, signal });
}

/** Reboots a server: API 1.0 has no reboot call, so it is stopped, awaited until stopped, and started again. */
export async function rebootV1Node(client: CloudSigmaTextClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  await ensureV1Stopped(client, node, options.signal);
  await v1ServerAction(client, node, 'start', options);
}

/** Destroys a server (stopping it first), then its disk drives unless `keepDrives`; CD-ROMs are left alone. */
export async function destroyV1Node(client: CloudSigmaTextClient, node: Node, options: CloudSigmaDestroyOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  const server = await ensureV1Stopped(client, node, options.signal);
  await v1ServerAction(client, node, 'destroy', options);
  if (options.keepDrives) return;
  for (const { drive, media } of v1AttachedDrives(server)) {
    if (media !== 'cdrom') await client.call('POST', `/drives/${encodeURIComponent(drive)}/destroy`, { signal: options.signal });
  }
}
