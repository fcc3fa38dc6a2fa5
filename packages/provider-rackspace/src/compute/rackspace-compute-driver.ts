import { collect, createOpenStackErrorClassifier, parseOpenStackErrorBody } from '@multicloud/core';
import { unsupported, type CallOptions, type ComputeDriver, type ComputeFeatures, type CreateVolumeOptions, type NodeImage, type NodeLocation, type NodeSize, type Volume } from '@multicloud/compute';
import { createRackspaceService, type RackspaceService } from '../identity/rackspace-service.js';
import { RACKSPACE, type RackspaceSettings } from '../identity/rackspace-settings.js';
import type { RackspaceRegion } from '../identity/rackspace-regions.js';
import { convertRackspaceImage, convertRackspaceSize, rackspaceLocation } from './convert-rackspace-models.js';
import { iterateNovaList } from './nova-paging.js';
import { rackspaceComputeExtras, type RackspaceComputeExtras } from './rackspace-compute-extras.js';
import { RACKSPACE_COMPUTE_ERROR_TABLE } from './rackspace-compute-errors.js';
import { createRackspaceKeyPair, deleteRackspaceKeyPair, getRackspaceKeyPair, listRackspaceKeyPairs } from './rackspace-key-pairs.js';
import {
  createRackspaceNode,
  destroyRackspaceNode,
  getRackspaceNode,
  iterateRackspaceNodes,
  rackspaceServerAction,
  type RackspaceCreateNodeOptions,
} from './rackspace-nodes.js';
import {
  attachRackspaceVolume,
  blockStorage,
  createRackspaceVolume,
  destroyRackspaceVolume,
  detachRackspaceVolume,
  listRackspaceVolumes,
  type RackspaceCreateVolumeOptions,
} from './rackspace-volumes.js';

/** The catalog entry of next-gen Cloud Servers. */
export const RACKSPACE_COMPUTE_SERVICE = { type: 'compute', name: 'cloudServersOpenStack' } as const;

/** Settings of {@link createRackspaceCompute}. */
export type RackspaceComputeSettings = RackspaceSettings;

/** The Rackspace next-gen Cloud Servers driver: the portable contract plus `ex` methods (hard reboot, password, metadata). */
export interface RackspaceComputeDriver extends ComputeDriver<RackspaceCreateNodeOptions>, RackspaceComputeExtras {
  /** Creates a Cloud Block Storage volume (`exVolumeType`: `SATA` or `SSD`). */
  createVolume(options: CreateVolumeOptions & RackspaceCreateVolumeOptions): Promise<Volume>;
  /** The region in force. */
  readonly region: RackspaceRegion;
}

/**
 * What Rackspace offers of the optional groups. Rackspace cannot power servers off, so no start/stop. Volumes are
 * Cloud Block Storage: an account whose catalog lacks it in the region gets `UnsupportedOperationError` on use.
 */
const FEATURES: ComputeFeatures = Object.freeze({
  volumes: true,
  keyPairs: true,
  startStop: false,
  createNodeAuth: Object.freeze(['sshKey', 'password'] as const),
});

/**
 * Creates a Rackspace next-gen Cloud Servers driver (OpenStack Nova v2 at `/v2/<tenant>`). No I/O happens and no
 * credential is read until the first call, which exchanges them at Keystone v2.0 and takes the `compute` /
 * `cloudServersOpenStack` URL of the region from the catalog. The driver keeps its own identity cache.
 *
 * @example
 * ```ts
 * import { createRackspaceCompute } from '@multicloud/provider-rackspace';
 * const servers = createRackspaceCompute({ region: 'ord' }); // RACKSPACE_USERNAME / RACKSPACE_API_KEY
 * for await (const node of servers.iterateNodes()) console.log(node.id, node.state);
 * ```
 * @throws ValidationError for blank credentials, both apiKey and password, an unknown region, a malformed
 *   `authUrl`/`endpoint`, or `authVersion: '1.0'` without `endpoint`
 */
export function createRackspaceCompute(settings: RackspaceComputeSettings = {}): RackspaceComputeDriver {
  const service: RackspaceService = createRackspaceService({
    ...RACKSPACE_COMPUTE_SERVICE,
    classifyError: createOpenStackErrorClassifier(RACKSPACE_COMPUTE_ERROR_TABLE),
    parseError: parseOpenStackErrorBody,
  }, settings);
  const storage = blockStorage(service);
  const location: NodeLocation = rackspaceLocation(service.region);
  return {
    provider: RACKSPACE,
    region: service.region,
    features: FEATURES,
    listNodes: (options) => collect(iterateRackspaceNodes(service, options)),
    iterateNodes: (options) => iterateRackspaceNodes(service, options),
    getNode: (id, options) => getRackspaceNode(service, id, options),
    createNode: (options) => createRackspaceNode(service, options),
    rebootNode: (node, options) => rackspaceServerAction(service, node, { reboot: { type: 'SOFT' } }, options),
    startNode: unsupported(RACKSPACE, 'startNode', 'Rackspace Cloud Servers cannot be powered off and on through the API'),
    stopNode: unsupported(RACKSPACE, 'stopNode', 'Rackspace Cloud Servers cannot be powered off and on through the API'),
    destroyNode: (node, options) => destroyRackspaceNode(service, node, options),
    listImages: (options: CallOptions = {}): Promise<NodeImage[]> => collect(iterateNovaList(service, '/images/detail', 'images', convertRackspaceImage, options.signal)),
    listSizes: (options: CallOptions = {}): Promise<NodeSize[]> => collect(iterateNovaList(service, '/flavors/detail', 'flavors', convertRackspaceSize, options.signal)),
    listLocations: async () => [location],
    listVolumes: (options) => listRackspaceVolumes(storage, options),
    createVolume: (options) => createRackspaceVolume(storage, options),
    attachVolume: (node, volume, device, options) => attachRackspaceVolume(service, node, volume, device, options),
    detachVolume: (volume, options) => detachRackspaceVolume(service, storage, volume, options),
    destroyVolume: (volume, options) => destroyRackspaceVolume(storage, volume, options),
    listKeyPairs: (options) => listRackspaceKeyPairs(service, options),
    getKeyPair: (name, options) => getRackspaceKeyPair(service, name, options),
    createKeyPair: (name, options) => createRackspaceKeyPair(service, name, undefined, options),
    importKeyPair: (name, publicKey, options) => createRackspaceKeyPair(service, name, publicKey, options),
    deleteKeyPair: (keyPair, options) => deleteRackspaceKeyPair(service, keyPair, options),
    ...rackspaceComputeExtras(service),
  };
}
