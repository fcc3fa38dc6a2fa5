/**
 * The compute providers known to the type system: id → factory type. Empty here; each provider package's
 * `register` entry adds itself by module augmentation, which is what makes `getDriver('compute', 'ec2')` typed.
 *
 * @example
 * ```ts
 * declare module '@multicloud/core' {
 *   interface ComputeProviders { ec2: typeof createEc2Compute }
 * }
 * ```
 */
export interface ComputeProviders {}

/** The storage providers known to the type system (see {@link ComputeProviders}). */
export interface StorageProviders {}

/** The load-balancer providers known to the type system (see {@link ComputeProviders}). */
export interface LoadBalancerProviders {}

/** The three APIs, each with its map of typed providers. */
export interface ProvidersByApi {
  /** Compute drivers. */
  compute: ComputeProviders;
  /** Storage drivers. */
  storage: StorageProviders;
  /** Load-balancer drivers. */
  lb: LoadBalancerProviders;
}

/** The name of one of the three APIs. */
export type ApiName = keyof ProvidersByApi;

/** The names of the three APIs, in display order. */
export const API_NAMES: readonly ApiName[] = ['compute', 'storage', 'lb'];

/** Any driver factory: settings in, driver out. Factories never do I/O. */
export type DriverFactory = (settings?: any) => unknown;
