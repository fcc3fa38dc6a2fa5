import { collect, type TransportSettings } from '@multicloud/core';
import { unsupported, type ComputeDriver, type ComputeFeatures, type Node } from '@multicloud/compute';
import { CLOUDSIGMA, CLOUDSIGMA_V1_REGIONS, cloudSigmaLocation } from '../compute/cloudsigma-regions.js';
import type { ResolvedCloudSigmaSettings } from '../compute/cloudsigma-settings.js';
import { cloudSigmaSizes } from '../compute/cloudsigma-sizes.js';
import { createCloudSigmaTextClient } from './cloudsigma-text-client.js';
import { createV1Node, type CloudSigmaV1CreateNodeOptions } from './cloudsigma-v1-create-node.js';
import { cloudSigmaV1Extras, type CloudSigmaV1Extras } from './cloudsigma-v1-extras.js';
import { destroyV1Node, getV1Node, iterateV1Nodes, rebootV1Node, v1ServerAction } from './cloudsigma-v1-nodes.js';
import type { CloudSigmaDestroyOptions } from '../compute/cloudsigma-destroy-options.js';
import { convertCloudSigmaV1Image } from './convert-cloudsigma-v1-models.js';

/** A CloudSigma driver speaking the deprecated API 1.0 (plain-text bodies): no volumes, no key pairs. */
export interface CloudSigmaV1ComputeDriver extends ComputeDriver<CloudSigmaV1CreateNodeOptions>, CloudSigmaV1Extras {
  /** The API version this driver speaks. */
  readonly apiVersion: '1.0';
  /** The region in force. */
  readonly region: string;
  /** Destroys a server (stopping it first), keeping its drives when `keepDrives` is set. */
  exDestroyNode(node: Node, options?: CloudSigmaDestroyOptions): Promise<void>;
}

/** What API 1.0 offers of the optional groups: start/stop only. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: false, keyPairs: false, startStop: true, createNodeAuth: Object.freeze([] as const) });

const NO_VOLUMES = 'API 1.0 drives are reachable through exListDrives/exDestroyDrive only; use apiVersion 2.0 for volumes';
const NO_KEY_PAIRS = 'API 1.0 has no key pairs; use apiVersion 2.0';

/** Builds an API 1.0 driver from checked settings. */
export function createCloudSigmaV1Driver(resolved: ResolvedCloudSigmaSettings, settings: TransportSettings): CloudSigmaV1ComputeDriver {
  const client = createCloudSigmaTextClient(resolved, settings);
  return {
    provider: CLOUDSIGMA,
    apiVersion: '1.0',
    region: client.region,
    features: FEATURES,
    listNodes: (options) => collect(iterateV1Nodes(client, options)),
    iterateNodes: (options) => iterateV1Nodes(client, options),
    getNode: (id, options) => getV1Node(client, id, options),
    createNode: (options) => createV1Node(client, options),
    rebootNode: (node, options) => rebootV1Node(client, node, options),
    startNode: (node, options) => v1ServerAction(client, node, 'start', options),
    stopNode: (node, options) => v1ServerAction(client, node, 'stop', options),
    destroyNode: (node, options) => destroyV1Node(client, node, options),
    exDestroyNode: (node, options) => destroyV1Node(client, node, options),
    listImages: async (options = {}) =>
      (await client.call('GET', '/drives/standard/info', { signal: options.signal })).filter((drive) => drive.type === 'disk').map(convertCloudSigmaV1Image),
    listSizes: async () => cloudSigmaSizes(),
    listLocations: async () => [cloudSigmaLocation(client.region, CLOUDSIGMA_V1_REGIONS)],
    listVolumes: unsupported(CLOUDSIGMA, 'listVolumes', NO_VOLUMES),
    createVolume: unsupported(CLOUDSIGMA, 'createVolume', NO_VOLUMES),
    attachVolume: unsupported(CLOUDSIGMA, 'attachVolume', NO_VOLUMES),
    detachVolume: unsupported(CLOUDSIGMA, 'detachVolume', NO_VOLUMES),
    destroyVolume: unsupported(CLOUDSIGMA, 'destroyVolume', NO_VOLUMES),
    listKeyPairs: unsupported(CLOUDSIGMA, 'listKeyPairs', NO_KEY_PAIRS),
    getKeyPair: unsupported(CLOUDSIGMA, 'getKeyPair', NO_KEY_PAIRS),
    createKeyPair: unsupported(CLOUDSIGMA, 'createKeyPair', NO_KEY_PAIRS),
    importKeyPair: unsupported(CLOUDSIGMA, 'importKeyPair', NO_KEY_PAIRS),
    deleteKeyPair: unsupported(CLOUDSIGMA, 'deleteKeyPair', NO_KEY_PAIRS),
    ...cloudSigmaV1Extras(client),
  };
}
