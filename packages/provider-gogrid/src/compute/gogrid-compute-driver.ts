import { paginate } from '@multicloud/core';
import { unsupported, type ComputeDriver, type ComputeFeatures, type Node, type NodeSize } from '@multicloud/compute';
import { createGoGridClient, type GoGridClient } from '../gogrid-client.js';
import { GOGRID_ERROR_TABLE, GOGRID_MESSAGE_RULES } from '../gogrid-errors.js';
import type { GoGridSettings } from '../gogrid-settings.js';
import { GOGRID } from '../gogrid-provider.js';
import { GOGRID_SIZES } from './convert-gogrid-models.js';
import { goGridComputeExtras, type GoGridComputeExtras } from './gogrid-compute-extras.js';
import { createGoGridNode, type GoGridCreateNodeOptions } from './gogrid-create-node.js';
import { deleteGoGridNode, getGoGridNode, listGoGridNodes, powerGoGridNode, type GoGridPowerCommand } from './gogrid-nodes.js';
import { listGoGridImages, listGoGridLocations } from './gogrid-resources.js';

/** Settings of {@link createGoGridCompute}. */
export type GoGridComputeSettings = GoGridSettings;

/** The GoGrid compute driver: the portable contract plus `ex` methods for IP addresses, images and server edits. */
export interface GoGridComputeDriver extends ComputeDriver<GoGridCreateNodeOptions>, GoGridComputeExtras {}

/** What GoGrid offers of the optional groups: power on/off, no volumes, no key pairs, generated passwords only. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: false, keyPairs: false, startStop: true, createNodeAuth: Object.freeze([]) });

const NO_VOLUMES = 'GoGrid has no block storage volumes';
const NO_KEY_PAIRS = 'GoGrid generates a root password per server instead of installing SSH keys';

/**
 * Creates a GoGrid compute driver (API 1.8). No I/O happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createGoGridCompute } from '@multicloud/provider-gogrid';
 * const gogrid = createGoGridCompute(); // credentials from GOGRID_API_KEY / GOGRID_SHARED_SECRET
 * for (const node of await gogrid.listNodes()) console.log(node.id, node.state, node.extra.password);
 * ```
 * @throws ValidationError for blank credentials, a malformed endpoint or bad timings
 */
export function createGoGridCompute(settings: GoGridComputeSettings = {}): GoGridComputeDriver {
  const client: GoGridClient = createGoGridClient({ provider: GOGRID, errorTable: GOGRID_ERROR_TABLE, messageRules: GOGRID_MESSAGE_RULES }, settings);
  const power = (command: GoGridPowerCommand) => (node: Node, options?: { signal?: AbortSignal | undefined }) => powerGoGridNode(client, node, command, options);
  const listNodes: GoGridComputeDriver['listNodes'] = (options) => listGoGridNodes(client, options);
  return {
    provider: GOGRID,
    features: FEATURES,
    listNodes,
    // GoGrid answers every server in one list (no paging), so the iterator has a single page.
    iterateNodes: (options) => paginate(async () => ({ items: await listNodes(options) })),
    getNode: (id, options) => getGoGridNode(client, id, options),
    createNode: (options) => createGoGridNode(client, options),
    rebootNode: power('restart'),
    startNode: power('start'),
    stopNode: power('stop'),
    destroyNode: (node, options) => deleteGoGridNode(client, node, options),
    listImages: (options) => listGoGridImages(client, options),
    listSizes: async (): Promise<NodeSize[]> => [...GOGRID_SIZES],
    listLocations: (options) => listGoGridLocations(client, options),
    listVolumes: unsupported(GOGRID, 'listVolumes', NO_VOLUMES),
    createVolume: unsupported(GOGRID, 'createVolume', NO_VOLUMES),
    attachVolume: unsupported(GOGRID, 'attachVolume', NO_VOLUMES),
    detachVolume: unsupported(GOGRID, 'detachVolume', NO_VOLUMES),
    destroyVolume: unsupported(GOGRID, 'destroyVolume', NO_VOLUMES),
    listKeyPairs: unsupported(GOGRID, 'listKeyPairs', NO_KEY_PAIRS),
    getKeyPair: unsupported(GOGRID, 'getKeyPair', NO_KEY_PAIRS),
    createKeyPair: unsupported(GOGRID, 'createKeyPair', NO_KEY_PAIRS),
    importKeyPair: unsupported(GOGRID, 'importKeyPair', NO_KEY_PAIRS),
    deleteKeyPair: unsupported(GOGRID, 'deleteKeyPair', NO_KEY_PAIRS),
    ...goGridComputeExtras(client),
  };
}
