import { ValidationError } from '../errors/errors.js';
import { IncompatibleContractError } from './incompatible-contract-error.js';

/**
 * The version of the provider contract this copy of `@multicloud/core` implements: the driver interfaces and
 * models of `@multicloud/compute`, `@multicloud/storage` and `@multicloud/lb`, their error classes and conformance
 * kits, the settings every driver accepts, and the registry's {@link ProviderDefinition}.
 *
 * @remarks
 * One version for the whole contract (not one per API): a provider states one number whatever APIs it registers,
 * the pieces are released together, and core — which cannot depend on the API packages — is where it is checked.
 * A major bump means a provider built for the previous major no longer fits (a required method added, a model
 * field changed); a minor bump adds only what older providers can ignore (optional methods, feature flags, model
 * fields). Providers write the version they were built and tested against as a literal string in their
 * definition — not this constant, which would always agree with whatever core is installed.
 *
 * @example
 * ```ts
 * registerProvider({ id: 'acme', name: 'Acme Cloud', contractVersion: '1.0.0', compute: createAcmeCompute });
 * ```
 */
export const CONTRACT_VERSION = '1.0.0';

/**
 * Whether registration refuses a definition without `contractVersion`: it does, so a provider cannot silently
 * skip the check. Internal (not exported from the package).
 */
export const REQUIRE_CONTRACT_VERSION: boolean = true;

const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The major number of a `MAJOR.MINOR.PATCH` version, or undefined when `version` is not one. */
export function contractMajor(version: unknown): number | undefined {
  const match = typeof version === 'string' ? VERSION_PATTERN.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}

/** What {@link checkContractVersion} compares. */
export interface ContractCheck {
  /** Registry id of the provider, for the message. */
  readonly provider: string;
  /** The version the provider's definition states (undefined for a definition that states none). */
  readonly stated: unknown;
  /** The version this core implements. Default {@link CONTRACT_VERSION}. */
  readonly implemented?: string | undefined;
  /** Whether a definition must state a version. Default: the registry's current policy. */
  readonly required?: boolean | undefined;
}

/**
 * Checks that a provider was built for the contract major this core implements.
 * @throws ValidationError when the stated version is not `MAJOR.MINOR.PATCH` (or is absent while required)
 * @throws IncompatibleContractError when the majors differ
 */
export function checkContractVersion(check: ContractCheck): void {
  const implemented = check.implemented ?? CONTRACT_VERSION;
  const { provider, stated } = check;
  if (stated === undefined) {
    if (check.required ?? REQUIRE_CONTRACT_VERSION) {
      throw new ValidationError('definition.contractVersion', `provider "${provider}" does not state the contract version it implements; add contractVersion: '${implemented}' to its registerProvider definition (the version of the contract it was built and tested against)`);
    }
    return;
  }
  const major = contractMajor(stated);
  if (major === undefined) {
    throw new ValidationError('definition.contractVersion', `provider "${provider}" states contract version ${JSON.stringify(stated)}; it must be MAJOR.MINOR.PATCH, e.g. '${implemented}'`);
  }
  if (major !== contractMajor(implemented)) {
    throw new IncompatibleContractError({ provider, providerContract: stated as string, coreContract: implemented });
  }
}
