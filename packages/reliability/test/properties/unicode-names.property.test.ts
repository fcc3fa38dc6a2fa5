import { ValidationError } from '@multicloud/core';
import { describeLive } from '@multicloud/fixture-server';
import { createS3Storage } from '@multicloud/provider-ec2';
import { createLocalStorage } from '@multicloud/provider-local';
import { createOpenStackSwiftStorage } from '@multicloud/provider-rackspace';
import type { StorageDriver } from '@multicloud/storage';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3 } from '../support/fake-s3.js';
import { payload, useHarness } from '../support/harness.js';
import { failure } from '../support/leaks.js';
import { objectName, roundTrip } from '../support/round-trip.js';
import { s3On } from '../support/storage-drivers.js';

/**
 * Object names of any Unicode through real storage round trips — upload, describe, prefix listing, download —
 * with the local driver, the S3 driver on a fake S3 and on Swift's s3api, and the Swift driver on Swift. A name a
 * driver accepts comes back exactly; a name it cannot store is refused with ValidationError before any request.
 */
const harness = useHarness();
const SEED = Number(process.env['FC_SEED'] ?? 20_260_105);
const RUNS = Number(process.env['FC_RUNS'] ?? 60);
const LIVE_RUNS = Number(process.env['FC_LIVE_RUNS'] ?? 40);
const run = `rel-names-${Date.now().toString(36)}`;

async function assertRoundTrips(driver: StorageDriver, container: string, runs: number, names = objectName): Promise<void> {
  const outcomes: string[] = [];
  await fc.assert(fc.asyncProperty(names, fc.integer({ min: 0, max: 2_000 }), async (name, size) => {
    outcomes.push(await roundTrip(driver, container, name, payload(size, size + 1)));
  }), { seed: SEED, numRuns: runs });
  // The generator is not so hostile that everything is refused: most names must really go through.
  expect(outcomes.filter((outcome) => outcome === 'round-tripped').length).toBeGreaterThan(runs / 2);
}

describe('local storage', () => {
  it('round-trips any name it accepts', async () => {
    const driver = createLocalStorage({ root: harness.directory() });
    await driver.createContainer('names');
    await assertRoundTrips(driver, 'names', RUNS);
  });
});

describe('S3 driver on a fake S3', () => {
  it('round-trips any name (S3 keys are any UTF-8)', async () => {
    const s3 = harness.server(await startFakeS3(undefined, { maxRequests: RUNS * 8 + 20 }));
    await assertRoundTrips(s3On(s3, harness.agent()), 'bucket', RUNS);
  });

  // The listing asks for URL-encoded keys (`encoding-type=url`): XML readers trim element text, and XML 1.0 cannot
  // carry most control characters (was a bug: such keys were listed under another name).
  it.each([' leading.txt', 'trailing.txt ', ' ', 'tab\t', 'line\rbreak'])('a key like %j is listed under its own name', async (name) => {
    const s3 = harness.server(await startFakeS3());
    expect(await roundTrip(s3On(s3, harness.agent()), 'bucket', name, payload(10))).toBe('round-tripped');
  });
});

describe('a name that is not Unicode text (a lone surrogate)', () => {
  const lone = 'report-\ud800.txt';

  // A lone surrogate is refused (was a bug: the file name got U+FFFD, so the object silently shared its file with the
  // name spelled with U+FFFD, one overwriting the other).
  it('local: ValidationError before any I/O', async () => {
    const driver = createLocalStorage({ root: harness.directory() });
    const container = await driver.createContainer('names');
    expect(ValidationError.isInstance(await failure(driver.uploadObjectFromStream((async function* () {})(), container, lone)))).toBe(true);
  });

  // checkObjectKey / checkObjectName refuse a lone surrogate (was a bug: encodeURIComponent then threw a raw
  // `URIError: URI malformed` from s3Url / swiftPath).
  it.each(['s3', 'swift'] as const)('%s: ValidationError before any request', async (provider) => {
    const driver: StorageDriver = provider === 's3'
      ? createS3Storage({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'never-used-0000', region: 'us-east-1', retry: false })
      : createOpenStackSwiftStorage({ authUrl: 'http://127.0.0.1:9/auth/v1.0', username: 'u', apiKey: 'never-used-0000', retry: false });
    expect(ValidationError.isInstance(await failure(driver.getObject('bucket', lone)))).toBe(true);
  });
});

describeLive('live Swift', (live) => {
  const s3 = createS3Storage({ endpoint: live.s3.endpoint, accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey, region: live.s3.region });
  const swift = createOpenStackSwiftStorage({ authUrl: live.swift.authUrl, username: live.swift.user, apiKey: live.swift.key });
  beforeAll(async () => {
    await s3.createContainer(`${run}-s3`);
    await swift.createContainer(`${run}-swift`);
  });
  afterAll(async () => {
    await s3.getContainer(`${run}-s3`).then((container) => s3.deleteContainer(container)).catch(() => undefined);
    await swift.getContainer(`${run}-swift`).then((container) => swift.deleteContainer(container)).catch(() => undefined);
  });

  it('S3 driver on s3api: round-trips any name it accepts', async () => {
    await assertRoundTrips(s3, `${run}-s3`, LIVE_RUNS);
  }, 60_000);

  // As on the fake S3 (s3api would write a CR in a key as `&#13;`, and answer a C0 control with HTTP 500).
  it.each([' leading.txt', 'line\rbreak', 'control\u000echaracter'])('S3 driver on s3api: a key like %j is listed under its own name', async (name) => {
    expect(await roundTrip(s3, `${run}-s3`, name, payload(10))).toBe('round-tripped');
  });

  it('Swift driver on Swift: round-trips any name it accepts', async () => {
    await assertRoundTrips(swift, `${run}-swift`, LIVE_RUNS);
  }, 60_000);
});
