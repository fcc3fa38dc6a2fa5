import { fileURLToPath } from 'node:url';
import { useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { beforeEach } from 'vitest';
import {
  createCloudSigmaCompute,
  type CloudSigmaComputeSettings,
  type CloudSigmaV1ComputeDriver,
  type CloudSigmaV2ComputeDriver,
} from '../../src/index.js';
import { cloudSigmaV1Route, stoppedV1Servers, V1_FIXTURES } from './cloudsigma-v1-route.js';
import { cloudSigmaV2Route, stoppedServers, V2_FIXTURES } from './cloudsigma-v2-route.js';

/** Fake credentials of every CloudSigma test. */
export const TEST_CREDENTIALS = { username: 'tester@example.com', password: 'not-a-real-password' } as const;
/** The Basic header those credentials give. */
export const TEST_AUTHORIZATION = `Basic ${Buffer.from('tester@example.com:not-a-real-password').toString('base64')}`;

const recordings = fileURLToPath(new URL('../recordings/', import.meta.url));

/** Recorded HTTP plus a factory for API 2.0 drivers wired to it. */
export interface RecordedCloudSigmaV2 extends RecordedHttp {
  /** An API 2.0 driver in zrh on the recorded HTTP, without retries, polling every millisecond. */
  driver(settings?: Omit<CloudSigmaComputeSettings, 'apiVersion'>): CloudSigmaV2ComputeDriver;
}

/** Recorded HTTP plus a factory for API 1.0 drivers wired to it. */
export interface RecordedCloudSigmaV1 extends RecordedHttp {
  /** An API 1.0 driver in zrh on the recorded HTTP, without retries, polling every millisecond. */
  driver(settings?: Omit<CloudSigmaComputeSettings, 'apiVersion'>): CloudSigmaV1ComputeDriver;
}

/** Recorded-HTTP wiring for API 2.0 tests, answering from Libcloud's `cloudsigma_2_0` fixtures when recording. */
export function useRecordedCloudSigmaV2(): RecordedCloudSigmaV2 {
  const http = useRecordedHttp(recordings, V2_FIXTURES, cloudSigmaV2Route);
  beforeEach(() => stoppedServers.clear());
  return {
    ...http,
    driver: (settings = {}) =>
      createCloudSigmaCompute({ ...TEST_CREDENTIALS, region: 'zrh', retry: false, pollIntervalMs: 1, dispatcher: http.dispatcher(), ...settings, apiVersion: '2.0' }),
  };
}

/** Recorded-HTTP wiring for API 1.0 tests, answering from Libcloud's `cloudsigma` fixtures when recording. */
export function useRecordedCloudSigmaV1(): RecordedCloudSigmaV1 {
  const http = useRecordedHttp(recordings, V1_FIXTURES, cloudSigmaV1Route);
  beforeEach(() => stoppedV1Servers.clear());
  return {
    ...http,
    driver: (settings = {}) =>
      createCloudSigmaCompute({ ...TEST_CREDENTIALS, region: 'zrh', retry: false, pollIntervalMs: 1, dispatcher: http.dispatcher(), ...settings, apiVersion: '1.0' }),
  };
}
