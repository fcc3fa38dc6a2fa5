import { UnknownProviderError, ValidationError } from '../errors/errors.js';
import { checkContractVersion } from './contract-version.js';
import { API_NAMES, type ApiName, type DriverFactory, type ProvidersByApi } from './provider-maps.js';

/**
 * What a provider package registers: its id, display name, the contract version it implements and one factory per
 * API it offers.
 */
export interface ProviderDefinition {
  /** Registry id, lower-case letters, digits and dashes, e.g. `ec2` or `openstack-swift`. */
  readonly id: string;
  /** Human-readable name, e.g. `Amazon EC2`. */
  readonly name: string;
  /**
   * The version of the provider contract (see {@link CONTRACT_VERSION}) the factories implement, as a literal
   * `MAJOR.MINOR.PATCH` string, e.g. `'1.0.0'`. A major other than core's is refused with
   * {@link IncompatibleContractError}.
   */
  readonly contractVersion: string;
  /** Compute driver factory, if the provider has one under this id. */
  readonly compute?: DriverFactory | undefined;
  /** Storage driver factory. */
  readonly storage?: DriverFactory | undefined;
  /** Load-balancer driver factory. */
  readonly lb?: DriverFactory | undefined;
}

/** One registered provider as {@link Registry.listProviders} describes it. */
export interface ProviderInfo {
  /** Registry id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The APIs it offers under this id. */
  readonly apis: readonly ApiName[];
}

/** One factory as registered: what {@link Registry.getRegistration} returns. */
export interface ProviderRegistration {
  /** The API it is registered for. */
  readonly api: ApiName;
  /** Registry id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The contract version the definition stated (undefined for a definition that stated none). */
  readonly contractVersion: string | undefined;
  /** The driver factory. */
  readonly factory: DriverFactory;
}

/** A set of registered providers. The default one backs the module-level functions; tests and apps may make their own. */
export interface Registry {
  /**
   * Registers a provider's factories. Registering an id twice for the same API is an error unless `replace` is set.
   * @throws ValidationError for a bad id, no factories, a duplicate id or a malformed contract version
   * @throws IncompatibleContractError when the definition states another contract major than this core's
   */
  registerProvider(definition: ProviderDefinition, options?: { readonly replace?: boolean }): void;
  /** Returns the factory registered for `api` and `id`, typed by module augmentation. @throws UnknownProviderError */
  getDriver<A extends ApiName, Id extends keyof ProvidersByApi[A] & string>(api: A, id: Id): ProvidersByApi[A][Id];
  /** Returns the factory registered for `api` and `id`. @throws UnknownProviderError */
  getDriver(api: ApiName, id: string): DriverFactory;
  /** Returns the registration for `api` and `id`, with the contract version it stated. @throws UnknownProviderError */
  getRegistration(api: ApiName, id: string): ProviderRegistration;
  /** Lists the registered providers, all or those offering `api`, sorted by id. */
  listProviders(api?: ApiName): ProviderInfo[];
}

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Creates an empty, isolated registry. */
export function createRegistry(): Registry {
  const factories = new Map<ApiName, Map<string, ProviderRegistration>>(API_NAMES.map((api) => [api, new Map()]));
  const names = new Map<string, string>();

  function registerProvider(definition: ProviderDefinition, options: { readonly replace?: boolean } = {}): void {
    if (!ID_PATTERN.test(definition.id)) {
      throw new ValidationError('definition.id', `"${definition.id}" must be lower-case letters, digits and dashes, starting with a letter`);
    }
    checkContractVersion({ provider: definition.id, stated: definition.contractVersion });
    const offered = API_NAMES.filter((api) => definition[api] !== undefined);
    if (offered.length === 0) throw new ValidationError('definition', `provider "${definition.id}" registers no compute, storage or lb factory`);
    for (const api of offered) {
      if (typeof definition[api] !== 'function') throw new ValidationError(`definition.${api}`, 'must be a factory function');
      if (factories.get(api)?.has(definition.id) && !options.replace) {
        throw new ValidationError('definition.id', `a ${api} provider "${definition.id}" is already registered; pass { replace: true } to replace it`);
      }
    }
    for (const api of offered) {
      const registration = { api, id: definition.id, name: definition.name, contractVersion: definition.contractVersion, factory: definition[api] as DriverFactory };
      factories.get(api)?.set(definition.id, Object.freeze(registration));
    }
    names.set(definition.id, definition.name);
  }

  function getRegistration(api: ApiName, id: string): ProviderRegistration {
    const byId = factories.get(api);
    if (!byId) throw new ValidationError('api', `must be one of ${API_NAMES.join(', ')}, got "${String(api)}"`);
    const registration = byId.get(id);
    if (!registration) throw new UnknownProviderError({ api, id, registered: [...byId.keys()].sort() });
    return registration;
  }

  function listProviders(api?: ApiName): ProviderInfo[] {
    return [...names.entries()]
      .map(([id, name]) => ({ id, name, apis: API_NAMES.filter((candidate) => factories.get(candidate)?.has(id)) }))
      .filter((info) => (api ? info.apis.includes(api) : info.apis.length > 0))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  const getDriver = (api: ApiName, id: string): DriverFactory => getRegistration(api, id).factory;
  return { registerProvider, getDriver: getDriver as Registry['getDriver'], getRegistration, listProviders };
}
