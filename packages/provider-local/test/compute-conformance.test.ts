import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describeConformance } from '@multicloud/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { createLocalCompute } from '../src/index.js';
import { temporaryRoot } from './support/local-test-support.js';

// The driver keeps its state under the root, so every driver the kit creates sees the same nodes.
const root = temporaryRoot('compute-kit');
const createDriver = () => createLocalCompute({ root, stopGraceMs: 1000 });

beforeAll(async () => {
  // The kit lists nodes before its round trip creates one.
  const driver = createDriver();
  await driver.createNode({ name: 'kit-fixture', size: (await driver.listSizes())[0]!, image: (await driver.listImages())[0]! });
});

afterAll(async () => {
  const driver = createDriver();
  for (const node of await driver.listNodes()) await driver.destroyNode(node);
});

describeConformance('local compute', computeConformanceChecks({ provider: 'local', createDriver, missingNodeId: 'node-00000000' }));
describeConformance('local compute (shell image, last size)', computeConformanceChecks({
  provider: 'local',
  createDriver,
  nodeName: 'kit node ☃',
  chooseSize: (sizes) => sizes.at(-1)!,
  chooseImage: (images) => images.find((image) => image.id === 'shell')!,
  missingNodeId: '../../etc',
}));
