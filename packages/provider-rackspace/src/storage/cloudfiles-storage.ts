import { checkServiceReachable, createRackspaceIdentity } from '../identity/rackspace-identity.js';
import type { RackspaceRegion } from '../identity/rackspace-regions.js';
import { resolveRackspaceSettings, type RackspaceSettings } from '../identity/rackspace-settings.js';
import { createSwiftClient } from './swift-client.js';
import { resolveSwiftStorageOptions, type SwiftStorageOptions } from './swift-settings.js';
import { createSwiftStorageDriver, type SwiftStorageDriver } from './swift-storage-driver.js';

/** Provider id of the Cloud Files driver and its models. */
export const CLOUDFILES = 'cloudfiles';

/** The catalog entry of Cloud Files (Swift). */
export const CLOUDFILES_SERVICE = { type: 'object-store', name: 'cloudFiles' } as const;

/** The catalog entry of the Cloud Files CDN management API. */
export const CLOUDFILES_CDN_SERVICE = { type: 'rax:object-cdn', name: 'cloudFilesCDN' } as const;

/** Settings of {@link createCloudFilesStorage}: the Rackspace settings (`RACKSPACE_*`) plus the Swift tunables. */
export interface CloudFilesSettings extends RackspaceSettings, SwiftStorageOptions {}

/** The Rackspace Cloud Files driver. */
export interface CloudFilesStorageDriver extends SwiftStorageDriver {
  /** The region in force. */
  readonly region: RackspaceRegion;
}

/**
 * Creates a Rackspace Cloud Files driver (id `cloudfiles`): OpenStack Swift found in the Keystone v2.0 catalog
 * (`object-store`/`cloudFiles`, CDN `rax:object-cdn`/`cloudFilesCDN`) of the region, or in the headers of a v1.0
 * auth (`authVersion: '1.0'`). `useInternalUrl` sends storage requests over ServiceNet (the catalog's
 * `internalURL`). No I/O happens and no credential is read until the first call.
 *
 * @example
 * ```ts
 * import { createCloudFilesStorage } from '@multicloud/provider-rackspace';
 * const files = createCloudFilesStorage({ region: 'ord' }); // RACKSPACE_USERNAME / RACKSPACE_API_KEY
 * const site = await files.createContainer('site');
 * await files.uploadObject('./index.html', site, 'index.html');
 * await files.enableContainerCdn(site);
 * ```
 * @throws ValidationError for bad settings (see `createRackspaceCompute`) or a bad segment size, concurrency or limit
 */
export function createCloudFilesStorage(settings: CloudFilesSettings = {}): CloudFilesStorageDriver {
  const options = resolveSwiftStorageOptions(settings);
  const resolved = resolveRackspaceSettings(settings);
  checkServiceReachable(resolved, CLOUDFILES_SERVICE);
  const client = createSwiftClient({
    provider: CLOUDFILES,
    identity: createRackspaceIdentity(resolved),
    transport: settings,
    storage: { ...CLOUDFILES_SERVICE, region: resolved.region },
    storageInterface: options.useInternalUrl ? 'internal' : 'public',
    endpoint: resolved.endpoint,
    cdn: { ...CLOUDFILES_CDN_SERVICE, region: resolved.region },
  });
  return { ...createSwiftStorageDriver(client, options, { temporaryUrls: true, cdn: true }), region: resolved.region };
}
