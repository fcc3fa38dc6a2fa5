import { readFileSync } from 'node:fs';
import type { TransportSettings } from '@multicloud/core';
import { libcloudFixtures } from '@multicloud/fixture-server';
import { createBlueboxCompute } from '@multicloud/provider-bluebox';
import { createCloudSigmaCompute } from '@multicloud/provider-cloudsigma';
import { createEc2Compute, createElb, createS3Storage } from '@multicloud/provider-ec2';
import { createGoGridCompute, createGoGridLoadBalancer } from '@multicloud/provider-gogrid';
import { createCloudFilesStorage, createRackspaceCompute, createRackspaceLoadBalancer } from '@multicloud/provider-rackspace';
import { FAKE } from './credentials.js';

/** The body format a provider's listing answers in. */
export type BodyFormat = 'xml' | 'json' | 'text';

/** One driver of one provider, reduced to a listing call, for the tests that run the same fault on every driver. */
export interface ProviderUnderTest {
  /** Provider and API, e.g. `ec2 compute`. */
  readonly name: string;
  /** What its listing answer is written in. */
  readonly format: BodyFormat;
  /** Whether a request is the identity exchange (answered with {@link ProviderUnderTest.authAnswer}). */
  readonly isAuth: (method: string, path: string) => boolean;
  /** The identity answer (Libcloud's Keystone v2.0 catalog), for providers with one. */
  readonly authAnswer?: string | undefined;
  /** A well-formed listing answer, from Libcloud's fixtures. */
  readonly goodAnswer: string;
  /** The listing call on a driver built with `settings` (real default URLs: route them with `redirectAll`). */
  readonly list: (settings: TransportSettings) => Promise<unknown>;
}

const file = (folder: string, name: string) => readFileSync(`${libcloudFixtures(folder)}${name}`, 'utf8');
const noAuth = () => false;
const keystone = (method: string, path: string) => method === 'POST' && path.endsWith('/v2.0/tokens');

/** Every HTTP driver of the SDK (local has no HTTP and no credentials), with a cheap listing call. */
export const PROVIDERS: readonly ProviderUnderTest[] = [
  { name: 'ec2 compute', format: 'xml', isAuth: noAuth, goodAnswer: file('compute/fixtures/ec2', 'describe_instances.xml'),
    list: (settings) => createEc2Compute({ ...FAKE.aws, region: 'us-east-1', ...settings }).listNodes() },
  { name: 'ec2 elb', format: 'xml', isAuth: noAuth, goodAnswer: file('loadbalancer/fixtures/elb', 'describe_load_balancers.xml'),
    list: (settings) => createElb({ ...FAKE.aws, region: 'us-east-1', ...settings }).listBalancers() },
  { name: 'ec2 s3', format: 'xml', isAuth: noAuth, goodAnswer: file('storage/fixtures/s3', 'list_containers.xml'),
    list: (settings) => createS3Storage({ ...FAKE.aws, region: 'us-east-1', ...settings }).listContainers() },
  { name: 'rackspace compute', format: 'json', isAuth: keystone, authAnswer: file('compute/fixtures/openstack', '_v2_0__auth.json'),
    goodAnswer: file('compute/fixtures/openstack_v1.1', '_servers_detail.json'),
    list: (settings) => createRackspaceCompute({ ...FAKE.rackspace, region: 'dfw', ...settings }).listNodes() },
  { name: 'rackspace lb', format: 'json', isAuth: keystone, authAnswer: file('loadbalancer/fixtures/rackspace', '_v2_0__auth.json'),
    goodAnswer: file('loadbalancer/fixtures/rackspace', 'v1_slug_loadbalancers.json'),
    list: (settings) => createRackspaceLoadBalancer({ ...FAKE.rackspace, region: 'dfw', ...settings }).listBalancers() },
  { name: 'rackspace cloudfiles', format: 'json', isAuth: keystone, authAnswer: file('storage/fixtures/cloudfiles', '_v2_0__auth.json'),
    goodAnswer: file('storage/fixtures/cloudfiles', 'list_containers.json'),
    list: (settings) => createCloudFilesStorage({ ...FAKE.rackspace, region: 'ord', ...settings }).listContainers() },
  { name: 'gogrid compute', format: 'json', isAuth: noAuth, goodAnswer: file('compute/fixtures/gogrid', 'server_list.json'),
    list: (settings) => createGoGridCompute({ ...FAKE.gogrid, ...settings }).listNodes() },
  { name: 'gogrid lb', format: 'json', isAuth: noAuth, goodAnswer: file('loadbalancer/fixtures/gogrid', 'loadbalancer_list.json'),
    list: (settings) => createGoGridLoadBalancer({ ...FAKE.gogrid, ...settings }).listBalancers() },
  { name: 'cloudsigma 2.0', format: 'json', isAuth: noAuth, goodAnswer: file('compute/fixtures/cloudsigma_2_0', 'servers_detail_mixed_state.json'),
    list: (settings) => createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '2.0', ...settings }).listNodes() },
  { name: 'cloudsigma 1.0', format: 'text', isAuth: noAuth, goodAnswer: file('compute/fixtures/cloudsigma', 'servers_info.txt'),
    list: (settings) => createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '1.0', ...settings }).listNodes() },
  { name: 'bluebox compute', format: 'json', isAuth: noAuth, goodAnswer: file('compute/fixtures/bluebox', 'api_blocks_json.json'),
    list: (settings) => createBlueboxCompute({ ...FAKE.bluebox, ...settings }).listNodes() },
];
