import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { NodeDoesNotExistError, type CallOptions, type Node } from '@multicloud/compute';
import { requireRecord } from '../identity/json-fields.js';
import type { RackspaceService } from '../identity/rackspace-service.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { rackspaceServerAction } from './rackspace-nodes.js';

/** Server metadata: up to 40 string pairs. */
export type RackspaceMetadata = Readonly<Record<string, string>>;

/** Rackspace-only compute operations. */
export interface RackspaceComputeExtras {
  /** Hard-reboots a server (power cycle; `rebootNode` is a soft, graceful reboot). */
  exRebootHard(node: Node, options?: CallOptions): Promise<void>;
  /** Sets a new administrator (root) password (`changePassword` action). */
  exChangePassword(node: Node, password: string, options?: CallOptions): Promise<void>;
  /** Reads a server's metadata (`GET /servers/<id>/metadata`). */
  exGetMetadata(node: Node, options?: CallOptions): Promise<RackspaceMetadata>;
  /** Replaces all of a server's metadata (`PUT`); returns what the server now has. */
  exSetMetadata(node: Node, metadata: RackspaceMetadata, options?: CallOptions): Promise<RackspaceMetadata>;
  /** Adds or changes metadata keys, keeping the others (`POST`); returns what the server now has. */
  exUpdateMetadata(node: Node, metadata: RackspaceMetadata, options?: CallOptions): Promise<RackspaceMetadata>;
}

function checkMetadata(metadata: RackspaceMetadata): void {
  if (typeof metadata !== 'object' || metadata === null) throw new ValidationError('metadata', 'must be an object of strings');
  for (const [key, value] of Object.entries(metadata)) {
    if (key === '' || typeof value !== 'string') throw new ValidationError('metadata', `key ${JSON.stringify(key)} must be non-empty with a string value`);
  }
}

function asStrings(record: Readonly<Record<string, unknown>>): RackspaceMetadata {
  return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The `ex` compute methods bound to a service. */
export function rackspaceComputeExtras(service: RackspaceService): RackspaceComputeExtras {
  const metadataCall = async (method: string, node: Node, metadata: RackspaceMetadata | undefined, options: CallOptions = {}) => {
    assertOwnModel('node', node, RACKSPACE);
    if (metadata !== undefined) checkMetadata(metadata);
    const answer = await service.call(method, `/servers/${encodeURIComponent(node.id)}/metadata`, {
      signal: options.signal,
      body: metadata === undefined ? undefined : { metadata },
      notFound: NodeDoesNotExistError,
    });
    return asStrings(requireRecord(answer, 'metadata'));
  };
  return {
    exRebootHard: (node, options) => rackspaceServerAction(service, node, { reboot: { type: 'HARD' } }, options),
    exChangePassword: async (node, password, options) => {
      assertNonEmptyString('password', password);
      await rackspaceServerAction(service, node, { changePassword: { adminPass: password } }, options);
    },
    exGetMetadata: (node, options) => metadataCall('GET', node, undefined, options),
    exSetMetadata: (node, metadata, options) => metadataCall('PUT', node, metadata, options),
    exUpdateMetadata: (node, metadata, options) => metadataCall('POST', node, metadata, options),
  };
}
