import { MalformedResponseError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node, type NodeImage, type NodeLocation, type NodeSize } from '@multicloud/compute';
import type { GoGridClient } from '../gogrid-client.js';
import type { GoGridObject } from '../gogrid-fields.js';
import { listGoGridIps, type GoGridIp } from '../gogrid-ips.js';
import { GOGRID } from '../gogrid-provider.js';
import { convertGoGridImage } from './convert-gogrid-models.js';
import { convertGoGridServer } from './convert-gogrid-server.js';

/** Filters of `exListIps`. */
export interface GoGridListIpsOptions extends CallOptions {
  /** Only public (`true`) or only private (`false`) addresses. */
  readonly public?: boolean | undefined;
  /** Only assigned (`true`) or only unassigned (`false`) addresses. */
  readonly assigned?: boolean | undefined;
  /** Only addresses of this data center. */
  readonly location?: NodeLocation | undefined;
}

/** What `exEditNode` changes. */
export interface GoGridEditNodeOptions extends CallOptions {
  /** The new RAM size. */
  readonly size: NodeSize;
  /** A new description. */
  readonly description?: string | undefined;
}

/** GoGrid-only compute operations. */
export interface GoGridComputeExtras {
  /** Lists the account's IP addresses (`grid/ip/list`). */
  exListIps(options?: GoGridListIpsOptions): Promise<GoGridIp[]>;
  /** Saves a server as a new image (`grid/image/save`); the server must be prepared as GoGrid documents. */
  exSaveImage(node: Node, name: string, options?: CallOptions): Promise<NodeImage>;
  /** Changes a server's RAM size and description (`grid/server/edit`). @throws NodeDoesNotExistError */
  exEditNode(node: Node, options: GoGridEditNodeOptions): Promise<Node>;
}

function first(list: readonly GoGridObject[], method: string): GoGridObject {
  const [item] = list;
  if (item === undefined) throw new MalformedResponseError({ provider: GOGRID, body: '', reason: `${method} answered an empty list` });
  return item;
}

/** The GoGrid `ex` operations, bound to a client. */
export function goGridComputeExtras(client: GoGridClient): GoGridComputeExtras {
  return {
    async exListIps(options = {}) {
      if (options.location !== undefined) assertOwnModel('options.location', options.location, GOGRID);
      return listGoGridIps(client, { public: options.public, assigned: options.assigned, datacenterId: options.location?.id, signal: options.signal });
    },
    async exSaveImage(node, name, options = {}) {
      assertOwnModel('node', node, GOGRID);
      assertNonEmptyString('name', name);
      const answer = await client.call('grid/image/save', { server: node.id, friendlyName: name }, { signal: options.signal, mutating: true, notFound: NodeDoesNotExistError });
      return convertGoGridImage(first(answer.list, 'grid/image/save'));
    },
    async exEditNode(node, options) {
      assertOwnModel('node', node, GOGRID);
      assertOwnModel('options.size', options.size, GOGRID);
      const answer = await client.call('grid/server/edit', { id: node.id, 'server.ram': options.size.id, description: options.description }, {
        signal: options.signal, mutating: true, notFound: NodeDoesNotExistError,
      });
      return convertGoGridServer(first(answer.list, 'grid/server/edit'));
    },
  };
}
