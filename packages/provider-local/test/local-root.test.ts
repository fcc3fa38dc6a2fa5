import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ValidationError, getDriver, listProviders } from '@multicloud/core';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_ROOT_ENV, createLocalCompute, createLocalStorage, defaultLocalRoot, resolveLocalRoot } from '../src/index.js';
import { REGISTERED } from '../src/register.js';

const saved = process.env[LOCAL_ROOT_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[LOCAL_ROOT_ENV];
  else process.env[LOCAL_ROOT_ENV] = saved;
});

describe('the root directory', () => {
  it('comes from the setting, else MULTICLOUD_LOCAL_ROOT, else the OS temp dir', () => {
    process.env[LOCAL_ROOT_ENV] = '/from/env';
    expect(createLocalStorage({ root: '/from/setting' }).root).toBe('/from/setting');
    expect(createLocalCompute().root).toBe('/from/env');
    expect(resolveLocalRoot('relative/dir')).toBe(resolve('relative/dir'));
    process.env[LOCAL_ROOT_ENV] = '  ';
    expect(createLocalStorage().root).toBe(join(tmpdir(), 'multicloud-local'));
    delete process.env[LOCAL_ROOT_ENV];
    expect(createLocalCompute().root).toBe(defaultLocalRoot());
  });

  it('must be a non-blank path without NUL', () => {
    for (const root of ['', ' ', 'a\0b', 42]) {
      expect(() => createLocalStorage({ root: root as string })).toThrow(ValidationError);
    }
  });
});

describe('the register entry', () => {
  it('registers storage and compute under the id local', () => {
    expect([REGISTERED.compute, REGISTERED.storage]).toEqual([['local'], ['local']]);
    expect(listProviders().find((provider) => provider.id === 'local')?.apis).toEqual(expect.arrayContaining(['compute', 'storage']));
    expect(getDriver('compute', 'local')).toBe(createLocalCompute);
    expect(getDriver('storage', 'local')).toBe(createLocalStorage);
  });
});
