import { MissingCredentialsError, getDriver, listProviders } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { createGoGridCompute, createGoGridLoadBalancer } from '../src/index.js';
import { useRecordedGoGridCompute } from './support/gogrid-test-compute.js';

const gogrid = useRecordedGoGridCompute();

describe('gogrid settings', () => {
  it('rejects blank credentials, a malformed endpoint and bad timings at construction', () => {
    expect(() => createGoGridCompute({ apiKey: ' ' })).toThrow(/^apiKey: must be a non-empty string/);
    expect(() => createGoGridLoadBalancer({ sharedSecret: '' })).toThrow(/^sharedSecret: must be a non-empty string/);
    expect(() => createGoGridCompute({ endpoint: 'not a url' })).toThrow(/^endpoint: /);
    expect(() => createGoGridCompute({ endpoint: 'https://api.gogrid.com/api?v=1' })).toThrow(/^endpoint: must not contain a query/);
    expect(() => createGoGridCompute({ pollIntervalMs: 0 })).toThrow(/^pollIntervalMs: /);
    expect(() => createGoGridLoadBalancer({ pollTimeoutMs: -1 })).toThrow(/^pollTimeoutMs: /);
    expect(() => createGoGridCompute({ timeoutMs: -5 })).toThrow(/^timeoutMs: /);
  });

  it('reads missing credentials lazily and names the setting and the variable', async () => {
    const saved = { ...process.env };
    delete process.env.GOGRID_API_KEY;
    delete process.env.GOGRID_SHARED_SECRET;
    try {
      const driver = createGoGridCompute({ dispatcher: gogrid.dispatcher() });
      const error = await driver.listNodes().catch((caught: unknown) => caught);
      expect(MissingCredentialsError.isInstance(error) && error).toMatchObject({ option: 'apiKey', environmentVariable: 'GOGRID_API_KEY' });
      const secretless = createGoGridLoadBalancer({ apiKey: 'gogrid-test-key', dispatcher: gogrid.dispatcher() });
      const secretError = await secretless.listBalancers().catch((caught: unknown) => caught);
      expect(MissingCredentialsError.isInstance(secretError) && secretError).toMatchObject({ option: 'sharedSecret', environmentVariable: 'GOGRID_SHARED_SECRET' });
      expect(gogrid.sent).toHaveLength(0);
    } finally {
      process.env = saved;
    }
  });

  it('takes credentials from GOGRID_API_KEY and GOGRID_SHARED_SECRET, and honours an endpoint override', async () => {
    const saved = { ...process.env };
    process.env.GOGRID_API_KEY = 'gogrid-env-key';
    process.env.GOGRID_SHARED_SECRET = 'gogrid-env-secret';
    try {
      await createGoGridCompute({ retry: false, dispatcher: gogrid.dispatcher(), endpoint: 'https://gogrid.internal.example:8443/api/' }).listLocations();
    } finally {
      process.env = saved;
    }
    const [request] = gogrid.sent;
    expect(request!.url.split('?')[0]).toBe('https://gogrid.internal.example:8443/api/common/lookup/list');
    expect(request!.params.get('api_key')).toBe('gogrid-env-key');
  });

  it('registers compute and lb as gogrid from the register entry', async () => {
    const { REGISTERED } = await import('../src/register.js');
    expect(REGISTERED).toEqual({ compute: ['gogrid'], lb: ['gogrid'] });
    expect(getDriver('compute', 'gogrid')).toBe(createGoGridCompute);
    expect(getDriver('lb', 'gogrid')).toBe(createGoGridLoadBalancer);
    expect(listProviders().find((provider) => provider.id === 'gogrid')).toEqual({ id: 'gogrid', name: 'GoGrid', apis: ['compute', 'lb'] });
  });
});
