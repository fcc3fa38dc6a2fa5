import { createIdentityCache } from '@multicloud/core';
import { createSwiftClient } from './swift-client.js';
import { OPENSTACK_SWIFT, resolveOpenStackSwiftSettings, type OpenStackSwiftSettings } from './openstack-swift-settings.js';
import { resolveSwiftStorageOptions } from './swift-settings.js';
import { createSwiftStorageDriver, type SwiftStorageDriver } from './swift-storage-driver.js';

/** The generic OpenStack Swift storage driver. */
export interface OpenStackSwiftStorageDriver extends SwiftStorageDriver {
  /** The identity protocol in force. */
  readonly authVersion: '1.0' | '2.0';
}

/**
 * Creates a storage driver for any OpenStack Swift cluster (id `openstack-swift`), authenticated with Keystone v2.0
 * (catalog type `object-store`) or v1.0 (tempauth/swauth: `X-Auth-User`/`X-Auth-Key`, answered with
 * `X-Storage-Url`). The same Swift implementation as Cloud Files, without its CDN (`features.cdn` is false). No I/O
 * happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createOpenStackSwiftStorage } from '@multicloud/provider-rackspace';
 * const swift = createOpenStackSwiftStorage({ authUrl: 'http://127.0.0.1:8080/auth/v1.0', username: 'test:tester', apiKey: 'testing' });
 * const container = await swift.createContainer('backups');
 * await swift.uploadObject('./db.dump', container, 'nightly/db.dump');
 * ```
 * @throws ValidationError for bad settings (blank values, a Keystone v3 or malformed URL, a bad segment size, …)
 */
export function createOpenStackSwiftStorage(settings: OpenStackSwiftSettings = {}): OpenStackSwiftStorageDriver {
  const options = resolveSwiftStorageOptions(settings);
  const resolved = resolveOpenStackSwiftSettings(settings);
  const client = createSwiftClient({
    provider: OPENSTACK_SWIFT,
    identity: createIdentityCache(resolved.exchange),
    transport: settings,
    storage: { type: 'object-store', name: resolved.serviceName, region: resolved.region },
    storageInterface: options.useInternalUrl ? 'internal' : 'public',
    endpoint: resolved.endpoint,
  });
  return { ...createSwiftStorageDriver(client, options, { temporaryUrls: true, cdn: false }), authVersion: resolved.authVersion };
}
