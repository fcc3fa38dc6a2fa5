import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libcloudFixtures, useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { createRackspaceCompute, type RackspaceComputeDriver, type RackspaceComputeSettings } from '../../src/index.js';
import { restRoute } from '@multicloud/fixture-server';

/** Fake credentials of every Rackspace test. */
export const TEST_CREDENTIALS = { username: 'multicloud-test-user', apiKey: 'multicloud-test-api-key-0000' } as const;

/** A server id the recorded Nova answers 404 for. */
export const MISSING_SERVER_ID = 'missing-server';

/** Nova's `itemNotFound` body (Libcloud's `_os_keypairs_not_found.json`; Nova answers every missing item so). */
export const NOT_FOUND = { status: 404, file: 'openstack_v1.1/_os_keypairs_not_found.json' } as const;

/** A v1.0 auth answer in Rackspace's documented form (headers only; Libcloud has no file for it). */
const V1_AUTH_HEADERS = { 'x-auth-token': 'v1-token-0000', 'x-server-management-url': 'https://servers.api.rackspacecloud.com/v1.0/1337' };
const ACCEPTED = { status: 202, body: '' } as const;
const V2 = '/v2/1337';
const CBS = '/v1/1337';

/** Libcloud's Keystone v2.0 answer (catalog with `cloudServersOpenStack` in DFW, ORD, IAD, SYD, HKG). */
export const AUTH_FILE = 'openstack/_v2_0__auth.json';

/** A fixture of the compute folder, as text. */
export function computeFixture(file: string): string {
  return readFileSync(`${libcloudFixtures('compute/fixtures')}${file}`, 'utf8');
}

/** Libcloud's auth answer with Cloud Block Storage added to the catalog in DFW (derived: Libcloud's has none). */
export function authWithBlockStorage(): string {
  const document = JSON.parse(computeFixture(AUTH_FILE)) as { access: { serviceCatalog: unknown[] } };
  document.access.serviceCatalog.push({
    name: 'cloudBlockStorage',
    type: 'volume',
    endpoints: [{ region: 'DFW', tenantId: '1337', publicURL: 'https://dfw.blockstorage.api.rackspacecloud.com/v1/1337' }],
  });
  return JSON.stringify(document);
}

/** The REST endpoints of Keystone, Nova (next-gen Cloud Servers) and Cloud Block Storage, answered from Libcloud's files. */
const ENDPOINTS = {
  tokens: { method: 'POST', path: /^\/v2\.0\/tokens$/, answer: { file: AUTH_FILE } },
  tokensV1: { method: 'GET', path: /^\/v1\.0$/, answer: { status: 204, body: '', headers: V1_AUTH_HEADERS } },
  serversDetail: { method: 'GET', path: new RegExp(`^${V2}/servers/detail$`), answer: { file: 'openstack_v1.1/_servers_detail.json' } },
  serverCreate: { method: 'POST', path: new RegExp(`^${V2}/servers$`), answer: { status: 202, file: 'openstack_v1.1/_servers_create.json' } },
  serverAction: { method: 'POST', path: new RegExp(`^${V2}/servers/[^/]+/action$`), answer: ACCEPTED },
  metadata: { method: 'GET|PUT|POST', path: new RegExp(`^${V2}/servers/[^/]+/metadata$`), answer: { file: 'openstack_v1.1/_servers_12063_metadata_two_keys.json' } },
  attach: { method: 'POST', path: new RegExp(`^${V2}/servers/[^/]+/os-volume_attachments$`), answer: { file: 'openstack_v1.1/_servers_12065_os_volume_attachments.json' } },
  detach: { method: 'DELETE', path: new RegExp(`^${V2}/servers/[^/]+/os-volume_attachments/[^/]+$`), answer: ACCEPTED },
  serverGet: {
    method: 'GET',
    path: new RegExp(`^${V2}/servers/[^/]+$`),
    answer: (request: { path: string }) => (request.path.endsWith(`/${MISSING_SERVER_ID}`) ? NOT_FOUND : { file: 'openstack_v1.1/_servers_12064.json' }),
  },
  serverDelete: { method: 'DELETE', path: new RegExp(`^${V2}/servers/[^/]+$`), answer: { status: 204, body: '' } },
  flavors: { method: 'GET', path: new RegExp(`^${V2}/flavors/detail$`), answer: { file: 'openstack_v1.1/_flavors_detail.json' } },
  images: { method: 'GET', path: new RegExp(`^${V2}/images/detail$`), answer: { file: 'openstack_v1.1/_images_detail.json' } },
  keyPairs: { method: 'GET', path: new RegExp(`^${V2}/os-keypairs$`), answer: { file: 'openstack_v1.1/_os_keypairs.json' } },
  keyPairGet: { method: 'GET', path: new RegExp(`^${V2}/os-keypairs/[^/]+$`), answer: { file: 'openstack_v1.1/_os_keypairs_get_one.json' } },
  keyPairCreate: {
    method: 'POST',
    path: new RegExp(`^${V2}/os-keypairs$`),
    answer: (request: { body: string }) => ({ file: request.body.includes('public_key') ? 'openstack_v1.1/_os_keypairs_create_import.json' : 'openstack_v1.1/_os_keypairs_create.json' }),
  },
  keyPairDelete: { method: 'DELETE', path: new RegExp(`^${V2}/os-keypairs/[^/]+$`), answer: ACCEPTED },
  volumes: { method: 'GET', path: new RegExp(`^${CBS}/volumes/detail$`), answer: { file: 'openstack_v1.1/_v2_0__volumes.json' } },
  volumeGet: { method: 'GET', path: new RegExp(`^${CBS}/volumes/[^/]+$`), answer: { file: 'openstack_v1.1/_v2_0__volume_abc6a3a1_c4ce_40f6_9b9f_07a61508938d.json' } },
  volumeCreate: { method: 'POST', path: new RegExp(`^${CBS}/volumes$`), answer: { file: 'openstack_v1.1/_v2_0__volume.json' } },
  volumeDelete: { method: 'DELETE', path: new RegExp(`^${CBS}/volumes/[^/]+$`), answer: ACCEPTED },
};

/** Recorded HTTP plus a factory for Rackspace compute drivers wired to it. */
export interface RecordedRackspaceCompute extends RecordedHttp {
  /** A driver on the recorded HTTP, in DFW, with the test credentials and without retries. */
  driver(settings?: RackspaceComputeSettings): RackspaceComputeDriver;
}

/** Recorded-HTTP wiring for the compute tests, answering from Libcloud's OpenStack fixtures when recording. */
export function useRecordedRackspaceCompute(): RecordedRackspaceCompute {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'compute/fixtures', (overrides) => restRoute(ENDPOINTS, overrides));
  return {
    ...http,
    driver: (settings: RackspaceComputeSettings = {}) =>
      createRackspaceCompute({ ...TEST_CREDENTIALS, region: 'dfw', retry: false, dispatcher: http.dispatcher(), ...settings }),
  };
}
