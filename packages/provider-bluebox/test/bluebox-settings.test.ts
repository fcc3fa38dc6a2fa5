import { getDriver } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { createBlueboxCompute } from '../src/index.js';
import '../src/register.js';

describe('bluebox settings', () => {
  it('builds a driver without I/O or credentials', () => {
    const driver = createBlueboxCompute();
    expect(driver.provider).toBe('bluebox');
  });

  it('reports missing credentials on the first call, naming the setting and the variable', async () => {
    const saved = { id: process.env.BLUEBOX_CUSTOMER_ID, key: process.env.BLUEBOX_API_KEY };
    delete process.env.BLUEBOX_CUSTOMER_ID;
    delete process.env.BLUEBOX_API_KEY;
    try {
      await expect(createBlueboxCompute({ apiKey: 'k' }).listNodes()).rejects.toMatchObject({ name: 'MissingCredentialsError', option: 'customerId', environmentVariable: 'BLUEBOX_CUSTOMER_ID' });
      await expect(createBlueboxCompute({ customerId: 'c' }).listSizes()).rejects.toMatchObject({ name: 'MissingCredentialsError', option: 'apiKey', environmentVariable: 'BLUEBOX_API_KEY' });
    } finally {
      if (saved.id !== undefined) process.env.BLUEBOX_CUSTOMER_ID = saved.id;
      if (saved.key !== undefined) process.env.BLUEBOX_API_KEY = saved.key;
    }
  });

  it.each([
    [{ customerId: '' }, 'customerId'],
    [{ apiKey: '  ' }, 'apiKey'],
    [{ endpoint: 'not a url' }, 'endpoint'],
    [{ endpoint: 'https://boxpanel.example.com/?x=1' }, 'endpoint'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
  ])('refuses %j at construction with ValidationError', (settings, argument) => {
    expect(() => createBlueboxCompute(settings)).toThrow(expect.objectContaining({ name: 'ValidationError', argument }));
  });

  it('registers as compute provider bluebox', () => {
    expect(getDriver('compute', 'bluebox')).toBe(createBlueboxCompute);
  });
});
