import { getDriver } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { createCloudSigmaCompute } from '../src/index.js';
import '../src/register.js';

const withEnvironment = async (values: Record<string, string | undefined>, run: () => Promise<void> | void): Promise<void> => {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  try {
    await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key]; else process.env[key] = value;
  }
};

describe('cloudsigma settings', () => {
  it('builds drivers of both API versions without I/O or credentials', () => {
    const v2 = createCloudSigmaCompute();
    expect([v2.apiVersion, v2.region, v2.provider]).toEqual(['2.0', 'zrh', 'cloudsigma']);
    expect(v2.features).toEqual({ volumes: true, keyPairs: true, startStop: true, createNodeAuth: ['sshKey'] });
    const v1 = createCloudSigmaCompute({ apiVersion: '1.0', region: 'lvs' });
    expect([v1.apiVersion, v1.region]).toEqual(['1.0', 'lvs']);
  });

  it('reports missing credentials on the first call only, naming the setting and the variable', async () => {
    await withEnvironment({ CLOUDSIGMA_USERNAME: undefined, CLOUDSIGMA_PASSWORD: undefined }, async () => {
      const driver = createCloudSigmaCompute({ password: 'x' });
      await expect(driver.listNodes()).rejects.toMatchObject({ name: 'MissingCredentialsError', option: 'username', environmentVariable: 'CLOUDSIGMA_USERNAME' });
      const v1 = createCloudSigmaCompute({ apiVersion: '1.0', username: 'me@example.com' });
      await expect(v1.listNodes()).rejects.toMatchObject({ name: 'MissingCredentialsError', option: 'password', environmentVariable: 'CLOUDSIGMA_PASSWORD' });
    });
  });

  it('reads the region from CLOUDSIGMA_REGION', async () => {
    await withEnvironment({ CLOUDSIGMA_REGION: 'tyo' }, () => {
      expect(createCloudSigmaCompute().region).toBe('tyo');
      expect(createCloudSigmaCompute({ region: 'gva' }).region).toBe('gva');
    });
  });

  it.each([
    [{ username: ' ' }, 'username'],
    [{ password: '' }, 'password'],
    [{ region: 'atlantis' }, 'region'],
    [{ apiVersion: '1.0', region: 'fra' }, 'region'],
    [{ apiVersion: '3.0' }, 'apiVersion'],
    [{ endpoint: 'ftp://example.com' }, 'endpoint'],
    [{ endpoint: 'https://user:pw@example.com/api/2.0' }, 'endpoint'],
    [{ pollIntervalMs: 0 }, 'pollIntervalMs'],
    [{ pollTimeoutMs: -1 }, 'pollTimeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
  ])('refuses %j at construction with ValidationError', (settings, argument) => {
    expect(() => createCloudSigmaCompute(settings as never)).toThrow(expect.objectContaining({ name: 'ValidationError', argument }));
  });

  it('accepts an unknown region with an endpoint override', () => {
    expect(createCloudSigmaCompute({ region: 'lab', endpoint: 'https://cloud.example.com/api/2.0/' }).region).toBe('lab');
  });

  it('registers as compute provider cloudsigma', () => {
    expect(getDriver('compute', 'cloudsigma')).toBe(createCloudSigmaCompute);
  });
});
