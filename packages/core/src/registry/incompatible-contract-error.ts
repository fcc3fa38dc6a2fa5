import { ValidationError } from '../errors/errors.js';

/**
 * A provider was built for another major version of the provider contract than the `@multicloud/core` it meets:
 * registering it (or getting its driver through a copy of core of another major) is refused, so core and provider
 * versions cannot drift apart silently. A `ValidationError` of the argument `definition.contractVersion`.
 *
 * @example
 * ```ts
 * try { await import('multicloud-provider-acme/register'); }
 * catch (error) { if (IncompatibleContractError.isInstance(error)) console.error(error.providerContract, error.coreContract); }
 * ```
 */
export class IncompatibleContractError extends ValidationError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'IncompatibleContractError';
  /** Registry id of the provider. */
  readonly provider: string;
  /** The contract version the provider states it implements. */
  readonly providerContract: string;
  /** The contract version this `@multicloud/core` implements. */
  readonly coreContract: string;

  constructor(details: { provider: string; providerContract: string; coreContract: string }) {
    const { provider, providerContract, coreContract } = details;
    const [providerMajor] = providerContract.split('.');
    const [coreMajor] = coreContract.split('.');
    super(
      'definition.contractVersion',
      `provider "${provider}" implements contract ${providerContract}, but this @multicloud/core implements contract ${coreContract}; `
        + `majors ${providerMajor} and ${coreMajor} are incompatible: install a release of the provider built for contract ${coreMajor}.x, `
        + `or @multicloud/core (and the API packages) of contract ${providerMajor}.x`,
    );
    this.provider = provider;
    this.providerContract = providerContract;
    this.coreContract = coreContract;
  }
}
