import { afterEach, describe, expect, it } from 'vitest';
import { UnknownProviderError, ValidationError } from '../errors/errors.js';
import { CONTRACT_VERSION, REQUIRE_CONTRACT_VERSION, checkContractVersion, contractMajor } from './contract-version.js';
import { defaultRegistry, getDriver, registerProvider } from './default-registry.js';
import { IncompatibleContractError } from './incompatible-contract-error.js';
import { createRegistry, type ProviderDefinition, type ProviderRegistration, type Registry } from './registry.js';

const demoCompute = () => ({ kind: 'compute' });
const [CORE_MAJOR] = CONTRACT_VERSION.split('.').map(Number) as [number];
const NEXT_MAJOR = `${CORE_MAJOR + 1}.0.0`;

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('contract version', () => {
  it('is MAJOR.MINOR.PATCH', () => {
    expect(CONTRACT_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(contractMajor('12.3.4')).toBe(12);
    for (const bad of ['1', '1.0', 'v1.0.0', '1.0.0-beta', '01.0.0', 1, undefined]) expect(contractMajor(bad)).toBeUndefined();
  });

  it('accepts any minor and patch of the same major, in both directions', () => {
    const registry = createRegistry();
    registry.registerProvider({ id: 'newer', name: 'Newer', contractVersion: `${CORE_MAJOR}.99.7`, compute: demoCompute });
    registry.registerProvider({ id: 'older', name: 'Older', contractVersion: `${CORE_MAJOR}.0.0`, compute: demoCompute });
    expect(registry.getRegistration('compute', 'newer')).toMatchObject({ api: 'compute', id: 'newer', name: 'Newer', contractVersion: `${CORE_MAJOR}.99.7` });
    expect(registry.getDriver('compute', 'older')).toBe(demoCompute);
  });

  it('refuses another major with an error naming both versions', () => {
    const registry = createRegistry();
    const error = thrown(() => registry.registerProvider({ id: 'future', name: 'Future', contractVersion: NEXT_MAJOR, compute: demoCompute }));
    expect(IncompatibleContractError.isInstance(error)).toBe(true);
    expect(ValidationError.isInstance(error)).toBe(true);
    const incompatible = error as IncompatibleContractError;
    expect(incompatible).toMatchObject({ provider: 'future', providerContract: NEXT_MAJOR, coreContract: CONTRACT_VERSION, argument: 'definition.contractVersion' });
    expect(incompatible.message).toContain(`provider "future" implements contract ${NEXT_MAJOR}, but this @multicloud/core implements contract ${CONTRACT_VERSION}`);
    expect(() => registry.getDriver('compute', 'future')).toThrow(UnknownProviderError);
    expect(() => checkContractVersion({ provider: 'past', stated: '0.9.0', implemented: '1.0.0' })).toThrow(/contract 0\.9\.0, .*contract 1\.0\.0; majors 0 and 1/);
  });

  it('refuses a malformed version with a ValidationError saying what it must look like', () => {
    const registry = createRegistry();
    for (const bad of ['1', 'latest', '^1.0.0', 1]) {
      const error = thrown(() => registry.registerProvider({ id: 'bad', name: 'Bad', contractVersion: bad as string, compute: demoCompute }));
      expect(ValidationError.isInstance(error) && !IncompatibleContractError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/definition\.contractVersion: .*must be MAJOR\.MINOR\.PATCH/);
    }
  });

  it('accepts a definition without a version until it is required, then says what to add', () => {
    const registry = createRegistry();
    const legacy = { id: 'legacy', name: 'Legacy', compute: demoCompute } as ProviderDefinition;
    if (REQUIRE_CONTRACT_VERSION) {
      expect(() => registry.registerProvider(legacy)).toThrow(/does not state the contract version/);
    } else {
      registry.registerProvider(legacy);
      expect(registry.getRegistration('compute', 'legacy').contractVersion).toBeUndefined();
    }
    const error = thrown(() => checkContractVersion({ provider: 'legacy', stated: undefined, required: true }));
    expect(ValidationError.isInstance(error) && (error as ValidationError).argument).toBe('definition.contractVersion');
    expect((error as Error).message).toContain(`add contractVersion: '${CONTRACT_VERSION}'`);
  });
});

describe('contract version across copies of @multicloud/core', () => {
  const KEY = Symbol.for('@multicloud/core/default-registry');
  const holder = globalThis as Record<symbol, unknown>;
  const original = holder[KEY];
  afterEach(() => {
    holder[KEY] = original;
  });

  /** A registry as another copy of core (another contract major) would have created it: it checks nothing of ours. */
  function foreignRegistry(): Registry {
    const registrations = new Map<string, ProviderRegistration>();
    return {
      registerProvider: (definition) => {
        registrations.set(definition.id, { api: 'compute', id: definition.id, name: definition.name, contractVersion: definition.contractVersion, factory: definition.compute ?? demoCompute });
      },
      getDriver: ((_api: string, id: string) => registrations.get(id)?.factory) as Registry['getDriver'],
      getRegistration: (_api, id) => {
        const found = registrations.get(id);
        if (!found) throw new Error(`not registered: ${id}`);
        return found;
      },
      listProviders: () => [],
    };
  }

  it("checks getDriver against this copy's contract when another copy registered the provider", () => {
    const foreign = foreignRegistry();
    holder[KEY] = foreign;
    foreign.registerProvider({ id: 'future', name: 'Future', contractVersion: NEXT_MAJOR, compute: demoCompute });
    foreign.registerProvider({ id: 'current', name: 'Current', contractVersion: CONTRACT_VERSION, compute: demoCompute });
    const error = thrown(() => getDriver('compute', 'future'));
    expect(IncompatibleContractError.isInstance(error) && (error as IncompatibleContractError).providerContract).toBe(NEXT_MAJOR);
    expect(getDriver('compute', 'current')).toBe(demoCompute);
  });

  it("checks registerProvider against this copy's contract even when the shared registry would accept it", () => {
    const foreign = foreignRegistry();
    holder[KEY] = foreign;
    expect(defaultRegistry()).toBe(foreign);
    expect(() => registerProvider({ id: 'future', name: 'Future', contractVersion: NEXT_MAJOR, compute: demoCompute })).toThrow(IncompatibleContractError);
    expect(() => foreign.getRegistration('compute', 'future')).toThrow(/not registered/);
  });

  it('still serves a registry made by a copy of core without registrations', () => {
    holder[KEY] = { ...foreignRegistry(), getRegistration: undefined, getDriver: () => demoCompute };
    expect(getDriver('compute', 'anything')).toBe(demoCompute);
  });
});
