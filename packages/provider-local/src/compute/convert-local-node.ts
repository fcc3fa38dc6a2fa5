import { stampProvider } from '@multicloud/core';
import type { Node } from '@multicloud/compute';
import { LOCAL } from '../local-root.js';
import { findLocalImage, findLocalSize, localLocation } from './local-catalog.js';
import { LOCAL_NODE_STATES } from './local-node-state.js';
import type { ComputeLayout, LocalNodeStatus, NodeRecord } from './local-node-store.js';

/** The address every local node answers on. */
export const LOCAL_NODE_IP = '127.0.0.1';

/**
 * A node model. `privateIps` is `['127.0.0.1']`, `publicIps` is empty; `extra` holds `port` (the node's `PORT`),
 * `url` (`http://127.0.0.1:<port>`), `pid` (the supervisor's pid, the node's process group, while it runs),
 * `status` (the local status), `workingDirectory`, `logDirectory` and `services` (names of the restarted services).
 */
export function convertLocalNode(record: NodeRecord, status: LocalNodeStatus, pid: number | undefined, layout: ComputeLayout): Node {
  const createdAt = new Date(record.createdAt);
  return stampProvider({
    id: record.id,
    name: record.name,
    state: LOCAL_NODE_STATES[status],
    publicIps: [],
    privateIps: [LOCAL_NODE_IP],
    provider: LOCAL,
    size: findLocalSize(record.sizeId),
    image: findLocalImage(record.imageId),
    location: localLocation(),
    ...(Number.isNaN(createdAt.getTime()) ? {} : { createdAt }),
    extra: {
      port: record.port,
      url: `http://${LOCAL_NODE_IP}:${record.port}`,
      pid: status === 'running' ? pid : undefined,
      status,
      workingDirectory: layout.home(record.id),
      logDirectory: layout.logs(record.id),
      services: record.services.map((service) => service.name),
    },
  }, LOCAL);
}
