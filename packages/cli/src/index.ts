/**
 * `@multicloud/cli`: the `multicloud` command line. It discovers the installed provider packages through the
 * registry of `@multicloud/core` and offers the portable compute, storage and load-balancer APIs. This entry lets
 * a program run the same command line in-process.
 *
 * @packageDocumentation
 */
export { runCli } from './run-cli.js';
export { processIo, type CliIo, type CliOutput } from './cli-io.js';
export { EXIT_CODES, type ExitCode } from './exit-codes.js';
export { KNOWN_PROVIDER_PACKAGES, PROVIDERS_VARIABLE } from './discovery/known-provider-packages.js';
export {
  loadProviderPackages,
  type LoadProviderPackagesOptions,
  type ProviderPackageLoad,
  type ProviderPackageSource,
} from './discovery/load-provider-packages.js';
