import { NodeDoesNotExistError } from '@multicloud/compute';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describeConformance } from '@multicloud/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOceanCompute } from '../src/index.js';
import { TEST_TOKEN, startOceanApi, type OceanApiServer } from './support/ocean-api-server.js';

// The same kit live against the local Ocean API (no recordings): proves the recordings say what the API does,
// and that state carries across calls (a created droplet can be read back, a destroyed one is gone).
let server: OceanApiServer;
beforeAll(async () => {
  server = await startOceanApi();
});
afterAll(async () => server.close());
beforeEach(() => server.reset());
const driver = () => createOceanCompute({ token: TEST_TOKEN, endpoint: server.url, retry: false });

describeConformance('ocean compute on the local API', computeConformanceChecks({ provider: 'ocean', createDriver: driver, missingNodeId: '999999' }));

describe('ocean on the local API', () => {
  it('reads back a created droplet and loses it once destroyed, following pages of two', async () => {
    server.reset({ maxPerPage: 2 });
    const ocean = driver();
    const [size] = await ocean.listSizes();
    const [image] = await ocean.listImages();
    const node = await ocean.createNode({ name: 'round-trip', size: size!, image: image! });
    expect((await ocean.getNode(node.id)).name).toBe('round-trip');
    expect((await ocean.listNodes()).map((listed) => listed.id)).toContain(node.id);
    await ocean.destroyNode(node);
    await expect(ocean.getNode(node.id)).rejects.toSatisfy((error) => NodeDoesNotExistError.isInstance(error));
  });
});
