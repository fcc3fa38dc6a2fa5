import { collect } from '@multicloud/core';
import { unsupported, type ComputeDriver, type ComputeFeatures } from '@multicloud/compute';
import { createBlueboxClient } from './bluebox-client.js';
import { createBlueboxNode, destroyBlueboxNode, getBlueboxNode, iterateBlueboxNodes, rebootBlueboxNode, type BlueboxCreateNodeOptions } from './bluebox-nodes.js';
import { BLUEBOX, resolveBlueboxSettings, type BlueboxComputeSettings } from './bluebox-settings.js';
import { blueboxLocation, convertBlueboxImage, convertBlueboxSize } from './convert-bluebox-models.js';
import { asRecords } from './json-fields.js';

/** The Blue Box Blocks driver: nodes (blocks), products as sizes, templates as images, one location. */
export type BlueboxComputeDriver = ComputeDriver<BlueboxCreateNodeOptions>;

/** What the Blocks API offers of the optional groups: none; `createNode` takes a password or an SSH key. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: false, keyPairs: false, startStop: false, createNodeAuth: Object.freeze(['sshKey', 'password'] as const) });

const NO_START_STOP = 'the Blocks API can only reboot and destroy a block';
const NO_VOLUMES = 'the Blocks API has no block storage volumes';
const NO_KEY_PAIRS = 'the Blocks API has no key pairs; pass auth: { sshKey } to createNode';

/**
 * Creates a Blue Box Blocks compute driver. No I/O happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createBlueboxCompute } from '@multicloud/provider-bluebox';
 * const bluebox = createBlueboxCompute(); // BLUEBOX_CUSTOMER_ID / BLUEBOX_API_KEY
 * const [size] = await bluebox.listSizes();
 * const [image] = await bluebox.listImages();
 * await bluebox.createNode({ name: 'web-1', size, image, auth: { sshKey: publicKey } });
 * ```
 * @throws ValidationError for blank credentials or a malformed endpoint
 */
export function createBlueboxCompute(settings: BlueboxComputeSettings = {}): BlueboxComputeDriver {
  const client = createBlueboxClient(resolveBlueboxSettings(settings), settings);
  return {
    provider: BLUEBOX,
    features: FEATURES,
    listNodes: (options) => collect(iterateBlueboxNodes(client, options)),
    iterateNodes: (options) => iterateBlueboxNodes(client, options),
    getNode: (id, options) => getBlueboxNode(client, id, options),
    createNode: (options) => createBlueboxNode(client, options),
    rebootNode: (node, options) => rebootBlueboxNode(client, node, options),
    destroyNode: (node, options) => destroyBlueboxNode(client, node, options),
    startNode: unsupported(BLUEBOX, 'startNode', NO_START_STOP),
    stopNode: unsupported(BLUEBOX, 'stopNode', NO_START_STOP),
    listImages: async (options = {}) => asRecords(await client.call('GET', '/api/block_templates.json', { signal: options.signal }), 'template listing').map(convertBlueboxImage),
    listSizes: async (options = {}) => asRecords(await client.call('GET', '/api/block_products.json', { signal: options.signal }), 'product listing').map(convertBlueboxSize),
    listLocations: async () => [blueboxLocation()],
    listVolumes: unsupported(BLUEBOX, 'listVolumes', NO_VOLUMES),
    createVolume: unsupported(BLUEBOX, 'createVolume', NO_VOLUMES),
    attachVolume: unsupported(BLUEBOX, 'attachVolume', NO_VOLUMES),
    detachVolume: unsupported(BLUEBOX, 'detachVolume', NO_VOLUMES),
    destroyVolume: unsupported(BLUEBOX, 'destroyVolume', NO_VOLUMES),
    listKeyPairs: unsupported(BLUEBOX, 'listKeyPairs', NO_KEY_PAIRS),
    getKeyPair: unsupported(BLUEBOX, 'getKeyPair', NO_KEY_PAIRS),
    createKeyPair: unsupported(BLUEBOX, 'createKeyPair', NO_KEY_PAIRS),
    importKeyPair: unsupported(BLUEBOX, 'importKeyPair', NO_KEY_PAIRS),
    deleteKeyPair: unsupported(BLUEBOX, 'deleteKeyPair', NO_KEY_PAIRS),
  };
}
