import type { TransportSettings } from '@multicloud/core';
import { createS3Storage, type S3Settings, type S3StorageDriver } from '@multicloud/provider-ec2';
import { createOpenStackSwiftStorage, type OpenStackSwiftSettings, type OpenStackSwiftStorageDriver } from '@multicloud/provider-rackspace';
import type { Dispatcher } from 'undici';
import type { FakeS3 } from './fake-s3.js';
import { FAKE_SWIFT_KEY, FAKE_SWIFT_USER, type FakeSwift } from './fake-swift.js';
import { FAST_RETRY } from './harness.js';

/** Fake AWS credentials of the fault tests (never real ones). */
export const FAULT_AWS = { accessKeyId: 'AKIDFAULTMATRIX00001', secretAccessKey: 'fault/Matrix+Secret/Key0000000000000001' } as const;

/** Transport settings of the fault tests: a short timeout and fast retries, overridable. */
const DEFAULTS: TransportSettings = { timeoutMs: 2_000, retry: FAST_RETRY };

/** An S3 driver on a fake S3 (path style through `endpoint`), with the test's dispatcher. */
export function s3On(server: FakeS3, dispatcher: Dispatcher, settings: S3Settings = {}): S3StorageDriver {
  return createS3Storage({ ...FAULT_AWS, region: 'us-east-1', endpoint: server.url, dispatcher, ...DEFAULTS, ...settings });
}

/** A generic OpenStack Swift driver on a fake Swift (tempauth v1.0), with the test's dispatcher. */
export function swiftOn(server: FakeSwift, dispatcher: Dispatcher, settings: OpenStackSwiftSettings = {}): OpenStackSwiftStorageDriver {
  return createOpenStackSwiftStorage({ authUrl: server.authUrl, username: FAKE_SWIFT_USER, apiKey: FAKE_SWIFT_KEY, dispatcher, ...DEFAULTS, ...settings });
}
