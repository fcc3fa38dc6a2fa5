/**
 * The first-party provider packages the CLI looks for. Each is imported through its `register` entry when it is
 * installed; a missing one is skipped silently, so the CLI offers exactly the providers that are installed.
 */
export const KNOWN_PROVIDER_PACKAGES: readonly string[] = Object.freeze([
  '@multicloud/provider-ec2',
  '@multicloud/provider-rackspace',
  '@multicloud/provider-gogrid',
  '@multicloud/provider-cloudsigma',
  '@multicloud/provider-bluebox',
  '@multicloud/provider-local',
]);

/** The variable naming more provider modules to load, separated by commas or whitespace. */
export const PROVIDERS_VARIABLE = 'MULTICLOUD_PROVIDERS';
