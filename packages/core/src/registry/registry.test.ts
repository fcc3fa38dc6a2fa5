import { describe, expect, expectTypeOf, it } from 'vitest';
import { UnknownProviderError, ValidationError } from '../errors/errors.js';
import { defaultRegistry, getDriver, registerProvider } from './default-registry.js';
import { CONTRACT_VERSION } from './contract-version.js';
import { createRegistry } from './registry.js';

const contractVersion = CONTRACT_VERSION;

const demoCompute = (settings?: { region?: string }) => ({ kind: 'compute', region: settings?.region });
const demoLb = () => ({ kind: 'lb' });

declare module './provider-maps.js' {
  interface ComputeProviders {
    'typed-demo': typeof demoCompute;
  }
}

describe('registry', () => {
  it('registers factories per API and finds them by api and id', () => {
    const registry = createRegistry();
    registry.registerProvider({ id: 'demo', name: 'Demo Cloud', contractVersion, compute: demoCompute, lb: demoLb });
    expect(registry.getDriver('compute', 'demo')).toBe(demoCompute);
    expect(registry.getDriver('lb', 'demo')).toBe(demoLb);
    expect(registry.listProviders()).toEqual([{ id: 'demo', name: 'Demo Cloud', apis: ['compute', 'lb'] }]);
    expect(registry.listProviders('storage')).toEqual([]);
  });

  it('rejects a duplicate id unless replace is asked for', () => {
    const registry = createRegistry();
    registry.registerProvider({ id: 'demo', name: 'Demo', contractVersion, compute: demoCompute });
    expect(() => registry.registerProvider({ id: 'demo', name: 'Demo 2', contractVersion, compute: demoLb })).toThrow(/already registered/);
    expect(registry.getDriver('compute', 'demo')).toBe(demoCompute);
    registry.registerProvider({ id: 'demo', name: 'Demo 2', contractVersion, compute: demoLb }, { replace: true });
    expect(registry.getDriver('compute', 'demo')).toBe(demoLb);
  });

  it('allows the same id under another API (Rackspace has compute and lb)', () => {
    const registry = createRegistry();
    registry.registerProvider({ id: 'rackspace', name: 'Rackspace', contractVersion, compute: demoCompute });
    registry.registerProvider({ id: 'rackspace', name: 'Rackspace', contractVersion, lb: demoLb });
    expect(registry.listProviders()).toEqual([{ id: 'rackspace', name: 'Rackspace', apis: ['compute', 'lb'] }]);
  });

  it('names what is registered when an id is unknown', () => {
    const registry = createRegistry();
    registry.registerProvider({ id: 'alpha', name: 'A', contractVersion, storage: demoLb });
    registry.registerProvider({ id: 'beta', name: 'B', contractVersion, storage: demoLb });
    const error = (() => {
      try {
        registry.getDriver('storage', 'gamma');
      } catch (caught) {
        return caught;
      }
    })();
    expect(UnknownProviderError.isInstance(error) && error.registered).toEqual(['alpha', 'beta']);
    expect((error as Error).message).toMatch(/"gamma".*alpha, beta/);
  });

  it('validates definitions', () => {
    const registry = createRegistry();
    expect(() => registry.registerProvider({ id: 'Bad Id', name: 'x', contractVersion, compute: demoCompute })).toThrow(ValidationError);
    expect(() => registry.registerProvider({ id: 'empty', name: 'x', contractVersion })).toThrow(/no compute, storage or lb/);
  });

  it('keeps one default registry per process, shared through a global symbol', () => {
    registerProvider({ id: 'typed-demo', name: 'Typed', contractVersion, compute: demoCompute }, { replace: true });
    const holder = globalThis as Record<symbol, unknown>;
    expect(holder[Symbol.for('@multicloud/core/default-registry')]).toBe(defaultRegistry());
    const factory = getDriver('compute', 'typed-demo');
    expectTypeOf(factory).toEqualTypeOf<typeof demoCompute>();
    expect(factory({ region: 'r1' })).toEqual({ kind: 'compute', region: 'r1' });
  });
});
