/**
 * The version of the multicloud provider contract this package implements: the `CONTRACT_VERSION` of the
 * `@multicloud/core` it was built and tested against, written as a literal — never imported from core, which would
 * always agree with whatever core is installed and so prove nothing.
 */
export const OCEAN_CONTRACT_VERSION = '1.0.0';
