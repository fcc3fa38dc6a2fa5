import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node } from '@multicloud/compute';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import type { CloudSigmaTextClient } from './cloudsigma-text-client.js';
import { v1ServerPath } from './cloudsigma-v1-nodes.js';
import { convertCloudSigmaV1Node } from './convert-cloudsigma-v1-models.js';

/** CloudSigma API 1.0 operations beyond the portable contract; objects come as the API's key/value records. */
export interface CloudSigmaV1Extras {
  /** Lists the account's drives (`/drives/info`), one record per drive. */
  exListDrives(options?: CallOptions): Promise<Record<string, string>[]>;
  /** Destroys a drive by uuid (`/drives/<uuid>/destroy`); a mounted drive is refused by CloudSigma. */
  exDestroyDrive(driveId: string, options?: CallOptions): Promise<void>;
  /** Lists the account's static IP addresses (`/resources/ip/list`). */
  exListStaticIps(options?: CallOptions): Promise<string[]>;
  /** Buys a static IP address (`/resources/ip/create`); returns CloudSigma's records (resource, netmask, gateway, …). */
  exCreateStaticIp(options?: CallOptions): Promise<Record<string, string>[]>;
  /** Releases a static IP address (`/resources/ip/<ip>/destroy`). */
  exDestroyStaticIp(ip: string, options?: CallOptions): Promise<void>;
  /** Changes server settings (`/servers/<id>/set`, e.g. `{ smp: '2' }`); most need the server stopped. */
  exSetServerConfiguration(node: Node, values: Readonly<Record<string, string>>, options?: CallOptions): Promise<Node>;
}

/** The `ex` operations of an API 1.0 driver. */
export function cloudSigmaV1Extras(client: CloudSigmaTextClient): CloudSigmaV1Extras {
  return {
    exListDrives: (options = {}) => client.call('GET', '/drives/info', { signal: options.signal }),
    async exDestroyDrive(driveId, options = {}) {
      assertNonEmptyString('driveId', driveId);
      await client.call('POST', `/drives/${encodeURIComponent(driveId)}/destroy`, { signal: options.signal });
    },
    async exListStaticIps(options = {}) {
      const entries = await client.callEntries('GET', '/resources/ip/list', { signal: options.signal });
      return entries.flat().filter(([key]) => key === 'ip').map(([, value]) => value);
    },
    exCreateStaticIp: (options = {}) => client.call('GET', '/resources/ip/create', { signal: options.signal }),
    async exDestroyStaticIp(ip, options = {}) {
      assertNonEmptyString('ip', ip);
      await client.call('GET', `/resources/ip/${encodeURIComponent(ip)}/destroy`, { signal: options.signal });
    },
    async exSetServerConfiguration(node, values, options = {}) {
      assertOwnModel('node', node, CLOUDSIGMA);
      if (typeof values !== 'object' || values === null || Object.keys(values).length === 0) throw new ValidationError('values', 'must set at least one key');
      const [server] = await client.call('POST', `${v1ServerPath(node.id)}/set`, { body: [values], signal: options.signal, notFound: NodeDoesNotExistError });
      return convertCloudSigmaV1Node(server ?? {});
    },
  };
}
