import { collect } from '@multicloud/core';
import { unsupported, type ComputeDriver, type ComputeFeatures } from '@multicloud/compute';
import { createOceanClient } from './ocean-client.js';
import { convertOceanImage, convertOceanRegion, convertOceanSize } from './convert-ocean-models.js';
import { createOceanDroplet, destroyOceanDroplet, getOceanDroplet, iterateOceanDroplets, runOceanAction, type OceanCreateNodeOptions } from './ocean-droplets.js';
import { asRecord, recordList } from './json-fields.js';
import { deleteOceanKey, getOceanKey, importOceanKey, listOceanKeys } from './ocean-keys.js';
import { OCEAN, resolveOceanSettings, type OceanComputeSettings } from './ocean-settings.js';

/** The Ocean compute driver: droplets as nodes, sizes, images, regions and SSH keys. */
export type OceanComputeDriver = ComputeDriver<OceanCreateNodeOptions>;

/** Start/stop through power actions, SSH keys (imported, not generated), no volumes in this driver. */
const FEATURES: ComputeFeatures = Object.freeze({ volumes: false, keyPairs: true, startStop: true, createNodeAuth: Object.freeze(['sshKey'] as const) });

const NO_VOLUMES = 'this driver does not implement Ocean volumes';

/**
 * Creates an Ocean compute driver. No I/O happens and the token is not read until the first call.
 *
 * @example
 * ```ts
 * import { createOceanCompute } from 'multicloud-provider-ocean';
 * const ocean = createOceanCompute({ region: 'ams3' }); // token from OCEAN_TOKEN
 * const [size] = await ocean.listSizes();
 * const [image] = await ocean.listImages();
 * await ocean.createNode({ name: 'web-1', size, image, auth: { sshKey: publicKey } });
 * ```
 * @throws ValidationError for a blank token, an unknown region or a malformed endpoint
 */
export function createOceanCompute(settings: OceanComputeSettings = {}): OceanComputeDriver {
  const resolved = resolveOceanSettings(settings);
  const client = createOceanClient(resolved, settings);
  const listing = async (path: string, key: string, signal: AbortSignal | undefined) => recordList(asRecord(await client.call('GET', path, { signal }), `${key} listing`), key, `${key} listing`);
  return {
    provider: OCEAN,
    features: FEATURES,
    listNodes: (options) => collect(iterateOceanDroplets(client, options)),
    iterateNodes: (options) => iterateOceanDroplets(client, options),
    getNode: (id, options) => getOceanDroplet(client, id, options),
    createNode: (options) => createOceanDroplet(client, resolved.region, options),
    rebootNode: (node, options) => runOceanAction(client, node, 'reboot', options),
    startNode: (node, options) => runOceanAction(client, node, 'power_on', options),
    stopNode: (node, options) => runOceanAction(client, node, 'power_off', options),
    destroyNode: (node, options) => destroyOceanDroplet(client, node, options),
    listSizes: async (options = {}) => (await listing('/v2/sizes?per_page=200', 'sizes', options.signal)).map(convertOceanSize),
    listImages: async (options = {}) => (await listing('/v2/images?type=distribution&per_page=200', 'images', options.signal)).map(convertOceanImage),
    listLocations: async (options = {}) => (await listing('/v2/regions?per_page=200', 'regions', options.signal)).map(convertOceanRegion),
    listVolumes: unsupported(OCEAN, 'listVolumes', NO_VOLUMES),
    createVolume: unsupported(OCEAN, 'createVolume', NO_VOLUMES),
    attachVolume: unsupported(OCEAN, 'attachVolume', NO_VOLUMES),
    detachVolume: unsupported(OCEAN, 'detachVolume', NO_VOLUMES),
    destroyVolume: unsupported(OCEAN, 'destroyVolume', NO_VOLUMES),
    listKeyPairs: (options) => listOceanKeys(client, options),
    getKeyPair: (name, options) => getOceanKey(client, name, options),
    createKeyPair: unsupported(OCEAN, 'createKeyPair', 'Ocean does not generate keys; create one locally and use importKeyPair'),
    importKeyPair: (name, publicKey, options) => importOceanKey(client, name, publicKey, options),
    deleteKeyPair: (keyPair, options) => deleteOceanKey(client, keyPair, options),
  };
}
