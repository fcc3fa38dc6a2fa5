import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CONTRACT_VERSION, IncompatibleContractError, checkContractVersion, createRegistry, getDriver, listProviders } from '@multicloud/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createOceanCompute, OCEAN_CONTRACT_VERSION } from '../src/index.js';
import { REGISTERED } from '../src/register.js';
import { TEST_TOKEN, startOceanApi } from './support/ocean-api-server.js';

describe('ocean as a plugin', () => {
  it('registers by import and is typed through getDriver', () => {
    expect(REGISTERED).toEqual({ compute: ['ocean'] });
    expect(listProviders('compute')).toContainEqual({ id: 'ocean', name: 'Ocean', apis: ['compute'] });
    const Ocean = getDriver('compute', 'ocean');
    expectTypeOf(Ocean).toEqualTypeOf<typeof createOceanCompute>();
    expect(Ocean).toBe(createOceanCompute);
  });

  it('states a contract version the installed @multicloud/core accepts, and a core of another major would refuse', () => {
    expect(OCEAN_CONTRACT_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(() => checkContractVersion({ provider: 'ocean', stated: OCEAN_CONTRACT_VERSION })).not.toThrow();
    const [major] = CONTRACT_VERSION.split('.');
    const future = `${Number(major) + 1}.0.0`;
    expect(() => createRegistry().registerProvider({ id: 'ocean', name: 'Ocean', contractVersion: future, compute: createOceanCompute }))
      .toThrow(IncompatibleContractError);
    expect(() => checkContractVersion({ provider: 'ocean', stated: OCEAN_CONTRACT_VERSION, implemented: future })).toThrow(`implements contract ${OCEAN_CONTRACT_VERSION}, but this @multicloud/core implements contract ${future}`);
  });

  it('works in a plain Node app from the built packages, found by package name', async () => {
    const server = await startOceanApi();
    try {
      const app = fileURLToPath(new URL('./app/list-through-registry.mjs', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, [app], { env: { PATH: process.env.PATH ?? '', OCEAN_ENDPOINT: server.url, OCEAN_TOKEN: TEST_TOKEN } });
      expect(JSON.parse(stdout)).toEqual({
        providers: [{ id: 'ocean', name: 'Ocean', apis: ['compute'] }],
        nodes: ['web-1:running', 'db-1:stopped', 'worker-1:pending', 'old-1:terminated'],
      });
    } finally {
      await server.close();
    }
  });
});
