import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { restRoute, useRecordedHttp, type FixtureAnswer, type FixtureRequest, type RecordedHttp } from '@multicloud/fixture-server';
import {
  createCloudFilesStorage,
  createOpenStackSwiftStorage,
  type CloudFilesSettings,
  type CloudFilesStorageDriver,
  type OpenStackSwiftSettings,
  type OpenStackSwiftStorageDriver,
} from '../../src/index.js';
import { TEST_CREDENTIALS } from './rackspace-compute-test-driver.js';

/** The account path of Libcloud's catalog: `publicURL` …/v1/MossoCloudFS, `internalURL` …/v1/MossoCloudFS_<tenant>. */
export const TENANT = 'MossoCloudFS_11111-111111111-1111111111-1111111';
/** Cloud Files in ORD (Libcloud's catalog `publicURL`). */
export const ORD = 'https://storage4.ord1.clouddrive.com/v1/MossoCloudFS';
/** Cloud Files over ServiceNet in ORD (the catalog's `internalURL`). */
export const ORD_SNET = `https://snet-storage101.ord1.clouddrive.com/v1/${TENANT}`;
/** The CDN management API (the catalog's `cloudFilesCDN`). */
export const CDN = 'https://cdn.clouddrive.com/v1/MossoCloudFS';

/** A v1.0 auth answer in Rackspace's documented form: 204 with the token and the service URLs as headers. */
export const V1_AUTH: FixtureAnswer = {
  status: 204,
  body: '',
  headers: {
    'x-auth-token': 'v1-token-0000',
    'x-storage-url': `https://storage101.dfw1.clouddrive.com/v1/${TENANT}`,
    'x-cdn-management-url': `https://cdn1.clouddrive.com/v1/${TENANT}`,
    'x-auth-token-expires': '86400',
  },
};

/** Swift's 404 body. */
export const NOT_FOUND: FixtureAnswer = { status: 404, body: '<html><h1>Not Found</h1><p>The resource could not be found.</p></html>', headers: { 'content-type': 'text/html; charset=UTF-8', 'x-trans-id': 'tx404-0000' } };

const ACCOUNT = /^\/v1\/MossoCloudFS[^/]*$/;
const CONTAINER = /^\/v1\/MossoCloudFS[^/]*\/[^/]+$/;
const OBJECT = /^\/v1\/MossoCloudFS[^/]*\/[^/]+\/.+$/;
const created = (request: FixtureRequest): FixtureAnswer => ({ status: 201, body: '', headers: { etag: createHash('md5').update(request.bytes).digest('hex'), 'last-modified': 'Tue, 25 Jan 2011 22:01:50 GMT' } });

/**
 * Keystone and Cloud Files (Swift) answered from Libcloud's cloudfiles files the way its mock does: the account
 * listing is `list_containers.json` (its HEAD headers, from Libcloud's mock, on `limit=0`), a container listing
 * `list_container_objects.json` (a container's headers on `limit=0`), writes 201/204. The CDN management API
 * (`HEAD`, and `PUT` with `X-CDN-Enabled`) is told apart by method and header, as it shares the account path.
 */
const ENDPOINTS = {
  tokens: { method: 'POST', path: /^\/v2\.0\/tokens$/, answer: { file: '_v2_0__auth.json' } },
  tokensV1: { method: 'GET', path: /^\/v1\.0$/, answer: V1_AUTH },
  account: {
    method: 'GET',
    path: ACCOUNT,
    answer: (request: FixtureRequest): FixtureAnswer => request.params.get('limit') === '0'
      ? { status: 204, file: 'meta_data.json', headers: { 'x-account-container-count': '10', 'x-account-object-count': '400', 'x-account-bytes-used': '1234567' } }
      : { file: 'list_containers.json' },
  },
  accountPost: { method: 'POST', path: ACCOUNT, answer: { status: 204, body: '' } },
  cdnHead: { method: 'HEAD', path: CONTAINER, answer: { status: 204, body: '', headers: { 'x-cdn-enabled': 'True', 'x-cdn-uri': 'http://c0ffee.r42.cf1.rackcdn.com', 'x-cdn-ssl-uri': 'https://c0ffee-ssl.ssl.cf1.rackcdn.com', 'x-ttl': '259200' } } },
  containerGet: {
    method: 'GET',
    path: CONTAINER,
    answer: (request: FixtureRequest): FixtureAnswer => request.params.get('limit') === '0'
      ? { status: 204, file: 'list_container_objects_empty.json', headers: { 'x-container-object-count': '800', 'x-container-bytes-used': '1234568', 'x-timestamp': '1295993710.35181', 'x-container-meta-owner': 'team-a' } }
      : { file: 'list_container_objects.json' },
  },
  containerPut: { method: 'PUT', path: CONTAINER, answer: (request: FixtureRequest): FixtureAnswer => ({ status: request.headers['x-cdn-enabled'] ? 204 : 201, body: '' }) },
  containerDelete: { method: 'DELETE', path: CONTAINER, answer: { status: 204, body: '' } },
  objectGet: { method: 'GET|HEAD', path: OBJECT, answer: NOT_FOUND },
  objectPut: { method: 'PUT', path: OBJECT, answer: created },
  objectDelete: { method: 'DELETE', path: OBJECT, answer: { status: 204, body: '' } },
};

/** The endpoint names tests override answers of. */
export type CloudFilesEndpoint = keyof typeof ENDPOINTS;

/** Recorded HTTP plus factories of Cloud Files and generic Swift drivers wired to it. */
export interface RecordedCloudFiles extends RecordedHttp {
  /** A Cloud Files driver on the recorded HTTP, in ORD (Libcloud's catalog has ORD and LON), without retries. */
  driver(settings?: CloudFilesSettings): CloudFilesStorageDriver;
  /** A generic OpenStack Swift driver on the recorded HTTP, Keystone v2.0 at Rackspace's URL, without retries. */
  swift(settings?: OpenStackSwiftSettings): OpenStackSwiftStorageDriver;
}

/** Recorded-HTTP wiring for the Cloud Files tests, answering from Libcloud's cloudfiles fixtures when recording. */
export function useRecordedCloudFiles(): RecordedCloudFiles {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'storage/fixtures/cloudfiles', (overrides) => restRoute(ENDPOINTS, overrides));
  return {
    ...http,
    driver: (settings: CloudFilesSettings = {}) => createCloudFilesStorage({ ...TEST_CREDENTIALS, region: 'ord', retry: false, dispatcher: http.dispatcher(), ...settings }),
    swift: (settings: OpenStackSwiftSettings = {}) => createOpenStackSwiftStorage({
      authUrl: 'https://identity.api.rackspacecloud.com/v2.0', username: TEST_CREDENTIALS.username, password: 'multicloud-test-password-0000',
      region: 'ORD', retry: false, dispatcher: http.dispatcher(), ...settings,
    }),
  };
}
