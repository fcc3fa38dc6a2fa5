import { paginate, validateTimeout } from '@multicloud/core';
import {
  deployNode,
  unsupported,
  type CallOptions,
  type ComputeDriver,
  type ComputeFeatures,
  type DeployNodeOptions,
  type DeploymentChannel,
  type DeploymentResult,
  type Node,
} from '@multicloud/compute';
import { LOCAL, resolveLocalRoot } from '../local-root.js';
import { localImages, localLocation, localSizes } from './local-catalog.js';
import { openLocalChannel } from './local-channel.js';
import type { LocalComputeContext } from './local-node-lifecycle.js';
import { computeLayout } from './local-node-store.js';
import { checkLocation, type LocalCreateNodeOptions } from './local-node-validation.js';
import { createLocalNode, destroyLocalNode, getLocalNode, listLocalNodes, rebootLocalNode, startLocalNode, stopLocalNode } from './local-nodes.js';
import { startLocalService, type LocalService, type StartedLocalService } from './local-services.js';

/** Settings of {@link createLocalCompute}. */
export interface LocalComputeSettings {
  /**
   * The root directory; nodes are folders under `<root>/compute`. Default: the `MULTICLOUD_LOCAL_ROOT` environment
   * variable, else `<os temp dir>/multicloud-local`. Created on first use.
   */
  readonly root?: string | undefined;
  /** How long a stopping node's processes get between SIGTERM and SIGKILL, in milliseconds. Default 3000. */
  readonly stopGraceMs?: number | undefined;
  /** How long a starting node's supervisor may take to answer, in milliseconds. Default 10000. */
  readonly startTimeoutMs?: number | undefined;
}

/** Options of {@link LocalComputeDriver.exDeployNode}: those of `deployNode`, without `ssh` and `channel`. */
export type LocalDeployNodeOptions = Omit<DeployNodeOptions<LocalCreateNodeOptions>, 'ssh' | 'channel'>;

/** The local compute driver: nodes are supervised process groups on this machine. */
export interface LocalComputeDriver extends ComputeDriver<LocalCreateNodeOptions> {
  /** The absolute root directory in force. */
  readonly root: string;
  /**
   * Opens the local deployment channel of a running node (a `DeploymentChannelFactory`: pass it as `deployNode`'s
   * `channel`). Only the program that started the node can.
   */
  exOpenChannel(node: Node, options?: CallOptions): Promise<DeploymentChannel>;
  /** `deployNode` over the local channel (polling every 100 ms unless `pollIntervalMs` says otherwise). */
  exDeployNode(options: LocalDeployNodeOptions): Promise<DeploymentResult>;
  /** Starts a service on a running node, and again at every start or reboot. */
  exStartService(node: Node, service: LocalService, options?: CallOptions): Promise<StartedLocalService>;
}

const FEATURES: ComputeFeatures = Object.freeze({ volumes: false, keyPairs: false, startStop: true, createNodeAuth: Object.freeze([]) });

const NO_VOLUMES = 'local nodes share the machine\'s disk; write into the working directory';
const NO_KEY_PAIRS = 'local nodes have no login; run commands with exOpenChannel or deployNode';

/**
 * Creates a local compute driver. A node is a working directory under `<root>/compute/<id>/home` plus a supervisor
 * process leading its own process group; every command and service of the node runs in that group with `PORT` (a port
 * reserved for the node), `NODE_NAME` and `HOME` set. Its state follows the supervisor; stopping or destroying kills
 * the whole group, and so does the end of the program that started it. POSIX systems only (Linux, macOS).
 * No I/O happens until the first call.
 *
 * @example
 * ```ts
 * const compute = createLocalCompute();
 * const node = await compute.createNode({ name: 'web-1', size: (await compute.listSizes())[0], image: (await compute.listImages())[0] });
 * await compute.exStartService(node, { name: 'web', command: 'node server.js' });
 * console.log(node.extra.url); // http://127.0.0.1:<port>
 * ```
 * @throws ValidationError for a bad `root`, `stopGraceMs` or `startTimeoutMs`
 */
export function createLocalCompute(settings: LocalComputeSettings = {}): LocalComputeDriver {
  const root = resolveLocalRoot(settings.root);
  validateTimeout(settings.stopGraceMs, 'stopGraceMs');
  validateTimeout(settings.startTimeoutMs, 'startTimeoutMs');
  const context: LocalComputeContext = {
    layout: computeLayout(root),
    stopGraceMs: settings.stopGraceMs ?? 3000,
    startTimeoutMs: settings.startTimeoutMs ?? 10_000,
  };
  const driver: LocalComputeDriver = {
    provider: LOCAL,
    root,
    features: FEATURES,
    listNodes: (options) => listLocalNodes(context, options),
    iterateNodes: (options) => paginate(async () => ({ items: await listLocalNodes(context, options) })),
    getNode: (id, options) => getLocalNode(context, id, options),
    createNode: (options) => createLocalNode(context, options),
    rebootNode: (node, options) => rebootLocalNode(context, node, options),
    startNode: (node, options) => startLocalNode(context, node, options),
    stopNode: (node, options) => stopLocalNode(context, node, options),
    destroyNode: (node, options) => destroyLocalNode(context, node, options),
    listImages: async (options = {}) => {
      checkLocation('options.location', options.location);
      return localImages();
    },
    listSizes: async (options = {}) => {
      checkLocation('options.location', options.location);
      return localSizes();
    },
    listLocations: async () => [localLocation()],
    listVolumes: unsupported(LOCAL, 'listVolumes', NO_VOLUMES),
    createVolume: unsupported(LOCAL, 'createVolume', NO_VOLUMES),
    attachVolume: unsupported(LOCAL, 'attachVolume', NO_VOLUMES),
    detachVolume: unsupported(LOCAL, 'detachVolume', NO_VOLUMES),
    destroyVolume: unsupported(LOCAL, 'destroyVolume', NO_VOLUMES),
    listKeyPairs: unsupported(LOCAL, 'listKeyPairs', NO_KEY_PAIRS),
    getKeyPair: unsupported(LOCAL, 'getKeyPair', NO_KEY_PAIRS),
    createKeyPair: unsupported(LOCAL, 'createKeyPair', NO_KEY_PAIRS),
    importKeyPair: unsupported(LOCAL, 'importKeyPair', NO_KEY_PAIRS),
    deleteKeyPair: unsupported(LOCAL, 'deleteKeyPair', NO_KEY_PAIRS),
    exOpenChannel: (node, options) => openLocalChannel(context, node, options),
    exDeployNode: (options) => deployNode(driver, { pollIntervalMs: 100, ...options, channel: driver.exOpenChannel }),
    exStartService: (node, service, options) => startLocalService(context, node, service, options),
  };
  return driver;
}
