import { collect, type TransportSettings } from '@multicloud/core';
import type { ComputeDriver, ComputeFeatures, NodeImage, Node } from '@multicloud/compute';
import { CLOUDSIGMA, CLOUDSIGMA_REGIONS, cloudSigmaLocation } from '../compute/cloudsigma-regions.js';
import type { ResolvedCloudSigmaSettings } from '../compute/cloudsigma-settings.js';
import { cloudSigmaSizes } from '../compute/cloudsigma-sizes.js';
import { createCloudSigmaJsonClient } from './cloudsigma-json-client.js';
import { attachV2Volume, detachV2Volume } from './cloudsigma-v2-attach.js';
import { createV2Node, type CloudSigmaV2CreateNodeOptions } from './cloudsigma-v2-create-node.js';
import { createV2Volume, destroyV2Volume, listV2Images, listV2Volumes, type CloudSigmaListImagesOptions } from './cloudsigma-v2-drives.js';
import { cloudSigmaV2Extras, type CloudSigmaV2Extras } from './cloudsigma-v2-extras.js';
import { createV2KeyPair, deleteV2KeyPair, getV2KeyPair, listV2KeyPairs } from './cloudsigma-v2-keypairs.js';
import {
  destroyV2Node,
  getV2Node,
  iterateV2Nodes,
  rebootV2Node,
  startV2Node,
  stopV2Node,
  type CloudSigmaStartOptions,
} from './cloudsigma-v2-nodes.js';
import type { CloudSigmaDestroyOptions } from '../compute/cloudsigma-destroy-options.js';

/** A CloudSigma driver speaking API 2.0: the portable contract plus `ex` operations. */
export interface CloudSigmaV2ComputeDriver extends ComputeDriver<CloudSigmaV2CreateNodeOptions>, CloudSigmaV2Extras {
  /** The API version this driver speaks. */
  readonly apiVersion: '2.0';
  /** The region in force. */
  readonly region: string;
  /** Lists library drives as images; pre-installed systems only unless `exIncludeInstallCds`. */
  listImages(options?: CloudSigmaListImagesOptions): Promise<NodeImage[]>;
  /** Starts a server, optionally away from other servers' hosts (`exAvoid`). */
  startNode(node: Node, options?: CloudSigmaStartOptions): Promise<void>;
  /** Destroys a server (stopping it first), keeping its drives when `keepDrives` is set. */
  exDestroyNode(node: Node, options?: CloudSigmaDestroyOptions): Promise<void>;
}

/** What API 2.0 offers of the optional groups. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: true, keyPairs: true, startStop: true, createNodeAuth: Object.freeze(['sshKey'] as const) });

/** Builds an API 2.0 driver from checked settings. */
export function createCloudSigmaV2Driver(resolved: ResolvedCloudSigmaSettings, settings: TransportSettings): CloudSigmaV2ComputeDriver {
  const client = createCloudSigmaJsonClient(resolved, settings);
  return {
    provider: CLOUDSIGMA,
    apiVersion: '2.0',
    region: client.region,
    features: FEATURES,
    listNodes: (options) => collect(iterateV2Nodes(client, options)),
    iterateNodes: (options) => iterateV2Nodes(client, options),
    getNode: (id, options) => getV2Node(client, id, options),
    createNode: (options) => createV2Node(client, options),
    rebootNode: (node, options) => rebootV2Node(client, node, options),
    startNode: (node, options) => startV2Node(client, node, options),
    stopNode: (node, options) => stopV2Node(client, node, options),
    destroyNode: (node, options) => destroyV2Node(client, node, options),
    exDestroyNode: (node, options) => destroyV2Node(client, node, options),
    listImages: (options) => listV2Images(client, options),
    listSizes: async () => cloudSigmaSizes(),
    listLocations: async () => [cloudSigmaLocation(client.region, CLOUDSIGMA_REGIONS)],
    listVolumes: (options) => listV2Volumes(client, options),
    createVolume: (options) => createV2Volume(client, options),
    attachVolume: (node, volume, device, options) => attachV2Volume(client, node, volume, device, options),
    detachVolume: (volume, options) => detachV2Volume(client, volume, options),
    destroyVolume: (volume, options) => destroyV2Volume(client, volume, options),
    listKeyPairs: (options) => listV2KeyPairs(client, options),
    getKeyPair: (name, options) => getV2KeyPair(client, name, options),
    createKeyPair: (name, options) => createV2KeyPair(client, name, undefined, options),
    importKeyPair: (name, publicKey, options) => createV2KeyPair(client, name, publicKey, options),
    deleteKeyPair: (keyPair, options) => deleteV2KeyPair(client, keyPair, options),
    ...cloudSigmaV2Extras(client),
  };
}
