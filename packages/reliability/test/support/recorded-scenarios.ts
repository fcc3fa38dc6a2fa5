import { fileURLToPath } from 'node:url';
import type { TransportSettings } from '@multicloud/core';
import { createBlueboxCompute } from '@multicloud/provider-bluebox';
import { createCloudSigmaCompute } from '@multicloud/provider-cloudsigma';
import { createEc2Compute, createElb, createS3Storage } from '@multicloud/provider-ec2';
import { createGoGridCompute, createGoGridLoadBalancer } from '@multicloud/provider-gogrid';
import { createCloudFilesStorage, createRackspaceCompute, createRackspaceLoadBalancer } from '@multicloud/provider-rackspace';
import { FAKE } from './credentials.js';

/** A server password the secrets test passes to createNode; it must never show up either. */
export const FAKE_ADMIN_PASSWORD = 'rel-admin-password-3f9d21';

/** One provider test, replayed from its committed recording with other credentials and a logger. */
export interface RecordedScenario {
  /** Provider package folder under `packages/`. */
  readonly packageName: string;
  /** The test's full name, `describe > it` (its recording is named after it). */
  readonly test: string;
  /** The calls the test made, on drivers built with `settings` (the replay dispatcher, the logger, no retries). */
  readonly run: (settings: TransportSettings) => Promise<unknown>;
  /** Whether the replayed answers include an error the calls must end in (returned, not thrown). */
  readonly answersWithError?: true | undefined;
}

/** The recordings folder of a provider package. */
export function recordingsOf(packageName: string): string {
  return fileURLToPath(new URL(`../../../${packageName}/test/recordings/`, import.meta.url));
}

/** The recording name `useRecordedHttp` gives a test. */
export function recordingName(test: string): string {
  return test.replace(/[^\w.-]+/g, '-');
}

/** Whether a call failed (the scenarios replay error answers too: errors are where secrets leak). */
const settle = async (call: Promise<unknown>): Promise<unknown> => call.then((value) => value, (error: unknown) => error);

/**
 * Keystone request bodies are matched on their non-secret fields, so the Rackspace user name is the recorded one;
 * every secret (API keys, passwords, shared secrets, secret access keys) is this suite's own.
 */
const RECORDED_RACKSPACE_USER = 'multicloud-test-user';
const rackspace = { ...FAKE.rackspace, username: RECORDED_RACKSPACE_USER };

/** At least one success and one error answer per provider and API, from each provider's recorded suite. */
export const RECORDED_SCENARIOS: readonly RecordedScenario[] = [
  { packageName: 'provider-ec2', test: 'ec2 listNodes > parses DescribeInstances and signs a Query API POST',
    run: (settings) => createEc2Compute({ ...FAKE.aws, region: 'us-east-1', ...settings }).listNodes() },
  { packageName: 'provider-ec2', answersWithError: true, test: 'ec2 errors > maps AuthFailure to InvalidCredentialsError without retrying',
    run: (settings) => settle(createEc2Compute({ ...FAKE.aws, region: 'us-east-1', ...settings }).listNodes()) },
  { packageName: 'provider-ec2', test: 'elb > parses DescribeLoadBalancers and signs for elasticloadbalancing',
    run: (settings) => createElb({ ...FAKE.aws, region: 'us-east-1', ...settings }).listBalancers() },
  { packageName: 'provider-ec2', answersWithError: true, test: 'elb > maps LoadBalancerNotFound and validates names and protocols before any request',
    run: (settings) => settle(createElb({ ...FAKE.aws, region: 'us-east-1', ...settings }).getBalancer('missing-balancer')) },
  { packageName: 'provider-ec2', test: 's3 listings > lists buckets with a SigV4 S3 signature and an unsigned payload',
    run: (settings) => createS3Storage({ ...FAKE.aws, region: 'us-east-1', ...settings }).listContainers() },
  { packageName: 'provider-ec2', answersWithError: true, test: 's3 errors and settings > maps NoSuchBucket, BucketNotEmpty and SignatureDoesNotMatch',
    run: async (settings) => {
      const s3 = createS3Storage({ ...FAKE.aws, region: 'us-east-1', ...settings });
      return [await settle(s3.getContainer('gone-bucket')), await settle(s3.listContainers())];
    } },
  { packageName: 'provider-rackspace', test: 'rackspace listNodes > exchanges the API key at Keystone v2.0, then lists /v2/<tenant>/servers/detail with the token',
    run: (settings) => createRackspaceCompute({ ...rackspace, region: 'dfw', ...settings }).listNodes() },
  { packageName: 'provider-rackspace', answersWithError: true, test: 'rackspace compute errors > maps a 401 from the identity service to InvalidCredentialsError, sending nothing else',
    run: (settings) => settle(createRackspaceCompute({ ...rackspace, region: 'dfw', ...settings }).listNodes()) },
  { packageName: 'provider-rackspace', test: 'rackspace createNode and actions > posts the server with admin password, metadata, disk config, networks and user data',
    run: async (settings) => {
      const driver = createRackspaceCompute({ ...rackspace, region: 'dfw', ...settings });
      const [size] = await driver.listSizes();
      const [image] = await driver.listImages();
      if (!size || !image) throw new Error('the recording lists no size or image');
      return driver.createNode({
        name: 'web-1', size, image, auth: { password: FAKE_ADMIN_PASSWORD },
        exMetadata: { role: 'web' }, exDiskConfig: 'MANUAL', exNetworks: ['00000000-0000-0000-0000-000000000000'], exUserData: '#!/bin/sh\necho hi', exConfigDrive: true,
      });
    } },
  { packageName: 'provider-rackspace', test: 'rackspace balancers > lists balancers with the token from the catalog URL of the region',
    run: (settings) => createRackspaceLoadBalancer({ ...rackspace, region: 'dfw', pollIntervalMs: 1, ...settings }).listBalancers() },
  { packageName: 'provider-rackspace', answersWithError: true, test: 'cloudfiles identity > exchanges again once on 401, and a refused exchange is InvalidCredentialsError',
    run: async (settings) => {
      const first = await createCloudFilesStorage({ ...rackspace, region: 'ord', ...settings }).listContainers();
      return [first, await settle(createCloudFilesStorage({ ...rackspace, region: 'ord', ...settings }).listContainers())];
    } },
  { packageName: 'provider-gogrid', test: 'gogrid listNodes > signs every request with api_key, v=1.8, format=json and an md5 sig, and merges generated passwords',
    run: (settings) => createGoGridCompute({ ...FAKE.gogrid, pollIntervalMs: 1, ...settings }).listNodes() },
  { packageName: 'provider-gogrid', test: 'gogrid getNode and power > gets one server by id with its password',
    run: (settings) => createGoGridCompute({ ...FAKE.gogrid, pollIntervalMs: 1, ...settings }).getNode('90967') },
  { packageName: 'provider-gogrid', answersWithError: true, test: 'gogrid compute errors > maps HTTP 403 to InvalidCredentialsError without retrying',
    run: (settings) => settle(createGoGridCompute({ ...FAKE.gogrid, ...settings }).listNodes()) },
  { packageName: 'provider-gogrid', test: 'gogrid lb listings > lists balancers with virtual IP, algorithm and members, signed like every GoGrid call',
    run: (settings) => createGoGridLoadBalancer({ ...FAKE.gogrid, ...settings }).listBalancers() },
  { packageName: 'provider-cloudsigma', test: 'cloudsigma 2.0 listNodes > parses /servers/detail/ and sends a Basic-authenticated GET with limit and offset',
    run: (settings) => createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '2.0', pollIntervalMs: 1, ...settings }).listNodes() },
  { packageName: 'provider-cloudsigma', answersWithError: true, test: 'cloudsigma 2.0 listNodes > maps 401 to InvalidCredentialsError, whatever the body',
    run: (settings) => settle(createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '2.0', ...settings }).listNodes()) },
  { packageName: 'provider-cloudsigma', test: 'cloudsigma 1.0 nodes > parses /servers/info and sends a Basic-authenticated plain-text GET',
    run: (settings) => createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '1.0', pollIntervalMs: 1, ...settings }).listNodes() },
  { packageName: 'provider-cloudsigma', answersWithError: true, test: 'cloudsigma 1.0 nodes > maps 401 to InvalidCredentialsError',
    run: (settings) => settle(createCloudSigmaCompute({ ...FAKE.cloudsigma, region: 'zrh', apiVersion: '1.0', ...settings }).listNodes()) },
  { packageName: 'provider-bluebox', test: 'bluebox nodes > lists blocks with a Basic-authenticated GET of /api/blocks.json',
    run: (settings) => createBlueboxCompute({ ...FAKE.bluebox, ...settings }).listNodes() },
  { packageName: 'provider-bluebox', answersWithError: true, test: 'bluebox nodes > maps 401 to InvalidCredentialsError',
    run: (settings) => settle(createBlueboxCompute({ ...FAKE.bluebox, ...settings }).listNodes()) },
];
