import { UnsupportedOperationError, ValidationError, stampProvider } from '@multicloud/core';
import { check, checkRejects, type ConformanceCheck } from '@multicloud/core/testing';
import type { ComputeDriver } from '../compute-driver.js';
import { NodeDoesNotExistError } from '../compute-errors.js';
import type { Node, NodeImage, NodeSize } from '../models.js';
import { checkImage, checkLocation, checkNode, checkSize } from './model-checks.js';

/** What the compute kit needs to know about the driver under test. */
export interface ComputeConformanceOptions {
  /** Provider id the driver must report and stamp on its models. */
  readonly provider: string;
  /** Builds a driver wired to replay recordings (or a live test server). Called once per check. */
  readonly createDriver: () => ComputeDriver | Promise<ComputeDriver>;
  /** Name for the node the round trip creates. Default `multicloud-conformance`. */
  readonly nodeName?: string | undefined;
  /** Picks the size for the round trip from `listSizes()`. Default: the first. */
  readonly chooseSize?: ((sizes: readonly NodeSize[]) => NodeSize) | undefined;
  /** Picks the image for the round trip from `listImages()`. Default: the first. */
  readonly chooseImage?: ((images: readonly NodeImage[]) => NodeImage) | undefined;
  /** Provider options added to `createNode` (e.g. a key name the recording expects). */
  readonly createNodeExtras?: Readonly<Record<string, unknown>> | undefined;
  /** Whether the created node reports the requested name (false where the recorded answer names it otherwise). Default true. */
  readonly createdNodeHasRequestedName?: boolean | undefined;
  /** An id the provider answers "no such node" for; omit to skip that check. */
  readonly missingNodeId?: string | undefined;
}

/**
 * The portable behaviour every compute driver must show: model shapes, listings, a create → reboot → destroy round
 * trip, typed not-found errors, input validation and honest `features`.
 */
export function computeConformanceChecks(options: ComputeConformanceOptions): ConformanceCheck[] {
  const { provider } = options;
  const withDriver = (name: string, run: (driver: ComputeDriver) => Promise<void>): ConformanceCheck => ({
    name,
    run: async () => run(await options.createDriver()),
  });
  const firstNode = async (driver: ComputeDriver): Promise<Node> => {
    const [node] = await driver.listNodes();
    check(node, 'listNodes must return at least one node for this check (record one)');
    return node;
  };

  const checks: ConformanceCheck[] = [
    withDriver('reports its provider id and well-formed features', async (driver) => {
      check(driver.provider === provider, `provider must be "${provider}", got "${driver.provider}"`);
      const { volumes, keyPairs, startStop, createNodeAuth } = driver.features;
      check([volumes, keyPairs, startStop].every((flag) => typeof flag === 'boolean'), 'features flags must be booleans');
      check(createNodeAuth.every((kind) => kind === 'sshKey' || kind === 'password'), 'features.createNodeAuth may list only sshKey and password');
    }),
    withDriver('lists nodes in the portable shape', async (driver) => {
      const nodes = await driver.listNodes();
      check(Array.isArray(nodes) && nodes.length > 0, 'listNodes must return a non-empty array (record at least one node)');
      for (const node of nodes) checkNode(node, provider);
    }),
    withDriver('iterates the same nodes that listNodes returns', async (driver) => {
      const listed = (await driver.listNodes()).map((node) => node.id);
      const iterated: string[] = [];
      for await (const node of driver.iterateNodes()) iterated.push(node.id);
      check(JSON.stringify(iterated) === JSON.stringify(listed), `iterateNodes gave ${iterated.join(',')} but listNodes gave ${listed.join(',')}`);
    }),
    withDriver('lists sizes, images and locations in the portable shape', async (driver) => {
      const [sizes, images, locations] = [await driver.listSizes(), await driver.listImages(), await driver.listLocations()];
      check(sizes.length > 0 && images.length > 0 && locations.length > 0, 'sizes, images and locations must not be empty');
      sizes.forEach((size) => checkSize(size, provider));
      images.forEach((image) => checkImage(image, provider));
      locations.forEach((location) => checkLocation(location, provider));
    }),
    withDriver('creates, reboots and destroys a node', async (driver) => {
      const name = options.nodeName ?? 'multicloud-conformance';
      const sizes = await driver.listSizes();
      const images = await driver.listImages();
      const size = options.chooseSize?.(sizes) ?? sizes[0];
      const image = options.chooseImage?.(images) ?? images[0];
      check(size && image, 'need a size and an image to create a node');
      const node = await driver.createNode({ name, size, image, ...options.createNodeExtras });
      checkNode(node, provider);
      if (options.createdNodeHasRequestedName !== false) check(node.name === name, `created node must be named "${name}", got "${node.name}"`);
      await driver.rebootNode(node);
      await driver.destroyNode(node);
    }),
    withDriver('refuses bad createNode input with ValidationError', async (driver) => {
      const size = (await driver.listSizes())[0];
      const image = (await driver.listImages())[0];
      check(size && image, 'need a size and an image');
      await checkRejects(() => driver.createNode({ name: '', size, image }), (error) => ValidationError.isInstance(error), 'createNode with an empty name');
      const foreign = stampProvider({ ...size, id: `${size.id}-foreign` }, `${provider}-other`);
      await checkRejects(() => driver.createNode({ name: 'x', size: foreign, image }), (error) => ValidationError.isInstance(error), "createNode with another provider's size");
      const foreignImage = stampProvider({ ...image, id: `${image.id}-foreign` }, `${provider}-other`);
      await checkRejects(() => driver.createNode({ name: 'x', size, image: foreignImage }), (error) => ValidationError.isInstance(error), "createNode with another provider's image");
    }),
    withDriver('throws UnsupportedOperationError for every absent feature', async (driver) => {
      const unsupported = (error: unknown) => UnsupportedOperationError.isInstance(error);
      if (!driver.features.volumes) await checkRejects(() => driver.listVolumes(), unsupported, 'listVolumes without volumes');
      if (!driver.features.keyPairs) await checkRejects(() => driver.listKeyPairs(), unsupported, 'listKeyPairs without keyPairs');
      if (!driver.features.startStop) {
        const node = await firstNode(driver);
        await checkRejects(() => driver.stopNode(node), unsupported, 'stopNode without startStop');
      }
    }),
  ];
  if (options.missingNodeId !== undefined) {
    const missing = options.missingNodeId;
    checks.push(withDriver('throws NodeDoesNotExistError for a missing node', async (driver) => {
      await checkRejects(() => driver.getNode(missing), (error) => NodeDoesNotExistError.isInstance(error), `getNode(${missing})`);
    }));
  }
  return checks;
}
