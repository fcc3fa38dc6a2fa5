import { assertNonEmptyString, assertOwnModel, paginate, pollUntil } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node } from '@multicloud/compute';
import type { CloudSigmaDestroyOptions } from '../compute/cloudsigma-destroy-options.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { callAction, type CloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { convertCloudSigmaV2Node } from './convert-cloudsigma-v2-node.js';
import { asRecord, objectsOf, optionalNumber, optionalRecord, optionalString, type JsonRecord } from './json-fields.js';

/** Servers per page of `/servers/detail/`. */
export const SERVER_PAGE_SIZE = 100;

/** The path of one server. */
export const serverPath = (id: string): string => `/servers/${encodeURIComponent(id)}/`;

/** Iterates servers page by page (`limit`/`offset`, until `meta.total_count`). */
export function iterateV2Nodes(client: CloudSigmaJsonClient, options: CallOptions = {}): AsyncIterable<Node> {
  return paginate(async (token) => {
    const offset = token === undefined ? 0 : Number(token);
    const answer = await client.call('GET', '/servers/detail/', { query: { limit: SERVER_PAGE_SIZE, offset }, signal: options.signal });
    const objects = objectsOf(answer, 'server listing');
    const total = optionalNumber(optionalRecord(asRecord(answer, 'server listing'), 'meta', 'server listing') ?? {}, 'total_count', 'server listing.meta');
    const next = offset + objects.length;
    return { items: objects.map(convertCloudSigmaV2Node), next: objects.length > 0 && total !== undefined && next < total ? String(next) : undefined };
  });
}

/** Reads one server object. @throws NodeDoesNotExistError */
export async function getV2Server(client: CloudSigmaJsonClient, id: string, signal?: AbortSignal): Promise<JsonRecord> {
  return asRecord(await client.call('GET', serverPath(id), { signal, notFound: NodeDoesNotExistError }), 'server');
}

/** Gets one server. @throws NodeDoesNotExistError */
export async function getV2Node(client: CloudSigmaJsonClient, id: string, options: CallOptions = {}): Promise<Node> {
  assertNonEmptyString('id', id);
  return convertCloudSigmaV2Node(await getV2Server(client, id, options.signal));
}

/** Options of `startNode` on API 2.0. */
export interface CloudSigmaStartOptions extends CallOptions {
  /** Server uuids to keep this one away from (another physical host), CloudSigma's `avoid`. */
  readonly exAvoid?: readonly string[] | undefined;
}

/** Starts a server (`?do=start`). */
export async function startV2Node(client: CloudSigmaJsonClient, node: Node, options: CloudSigmaStartOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  const avoid = options.exAvoid?.length ? options.exAvoid.join(',') : undefined;
  await callAction(client, serverPath(node.id), 'start', { query: { avoid }, signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Stops a server (`?do=stop`); CloudSigma answers at once and the guest shuts down afterwards. */
export async function stopV2Node(client: CloudSigmaJsonClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  await callAction(client, serverPath(node.id), 'stop', { signal: options.signal, notFound: NodeDoesNotExistError });
}

/** Stops a server unless it is stopped or stopping, then waits (core's `pollUntil`) until its status is `stopped`. */
export async function ensureV2Stopped(client: CloudSigmaJsonClient, node: Node, signal: AbortSignal | undefined): Promise<void> {
  const status = optionalString(await getV2Server(client, node.id, signal), 'status', 'server');
  if (status === 'stopped') return;
  if (status !== 'stopping') await stopV2Node(client, node, { signal });
  await pollUntil(async (pollSignal) => {
    const current = optionalString(await getV2Server(client, node.id, pollSignal), 'status', 'server');
    return current === 'stopped' ? true : undefined;
  }, { provider: CLOUDSIGMA, what: `server ${node.id} to stop`, intervalMs: client.poll.intervalMs, timeoutMs: client.poll.timeoutMs, signal });
}

/** Reboots a server: CloudSigma has no reboot call, so it is stopped, awaited until stopped, and started again. */
export async function rebootV2Node(client: CloudSigmaJsonClient, node: Node, options: CallOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  await ensureV2Stopped(client, node, options.signal);
  await startV2Node(client, node, options);
}

/** Destroys a server, stopping it first; by default its drives go too (`recurse=all_drives`). */
export async function destroyV2Node(client: CloudSigmaJsonClient, node: Node, options: CloudSigmaDestroyOptions = {}): Promise<void> {
  assertOwnModel('node', node, CLOUDSIGMA);
  await ensureV2Stopped(client, node, options.signal);
  const query = options.keepDrives ? {} : { recurse: 'all_drives' };
  await client.call('DELETE', serverPath(node.id), { query, signal: options.signal, notFound: NodeDoesNotExistError });
}
