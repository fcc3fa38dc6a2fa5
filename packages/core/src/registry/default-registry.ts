import { CONTRACT_VERSION, checkContractVersion } from './contract-version.js';
import type { ApiName, DriverFactory } from './provider-maps.js';
import { createRegistry, type Registry } from './registry.js';

/**
 * The default registry lives on `globalThis` under a registered symbol, created on first use (never at import),
 * so that two copies of `@multicloud/core` in one app (a provider built against another patch version) still
 * share one registry: a provider registered by one copy is found by the other. Because the registry may have been
 * created by a copy of another contract major, the module-level functions below check contract versions against
 * *this* copy too: on registration (the provider's copy) and on `getDriver` (the app's copy).
 */
const REGISTRY_KEY = Symbol.for('@multicloud/core/default-registry');

/** The process-wide registry that `registerProvider`, `getDriver` and `listProviders` use. */
export function defaultRegistry(): Registry {
  const holder = globalThis as { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= createRegistry());
}

/** Registers a provider in the default registry. See {@link Registry.registerProvider}. */
export const registerProvider: Registry['registerProvider'] = (definition, options) => {
  checkContractVersion({ provider: definition.id, stated: definition.contractVersion, implemented: CONTRACT_VERSION });
  defaultRegistry().registerProvider(definition, options);
};

function getCheckedDriver(api: ApiName, id: string): DriverFactory {
  const registry = defaultRegistry();
  // A registry made by a copy of core that predates registrations has no getRegistration: nothing to check.
  if (typeof registry.getRegistration !== 'function') return registry.getDriver(api, id);
  const registration = registry.getRegistration(api, id);
  checkContractVersion({ provider: id, stated: registration.contractVersion, implemented: CONTRACT_VERSION });
  return registration.factory;
}

/**
 * Returns a driver factory from the default registry, typed when the provider's `register` entry was imported.
 * Refuses (with {@link IncompatibleContractError}) a provider registered, through another copy of
 * `@multicloud/core`, for another contract major than this copy's.
 *
 * @example
 * ```ts
 * import { getDriver } from '@multicloud/core';
 * import '@multicloud/provider-ec2/register';
 * const ec2 = getDriver('compute', 'ec2')({ region: 'eu-west-1' });
 * ```
 */
export const getDriver: Registry['getDriver'] = getCheckedDriver as Registry['getDriver'];

/** Lists providers in the default registry. See {@link Registry.listProviders}. */
export const listProviders: Registry['listProviders'] = (api) => defaultRegistry().listProviders(api);
