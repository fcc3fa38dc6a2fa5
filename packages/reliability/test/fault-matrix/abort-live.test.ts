import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport, sigV4Auth, type TransportLogger } from '@multicloud/core';
import { describeLive, type LiveSwift } from '@multicloud/fixture-server';
import { createS3Storage } from '@multicloud/provider-ec2';
import { createOpenStackSwiftStorage } from '@multicloud/provider-rackspace';
import { ObjectDoesNotExistError, type StorageDriver } from '@multicloud/storage';
import { expect, it } from 'vitest';
import { payload, useHarness } from '../support/harness.js';
import { failure } from '../support/leaks.js';

/**
 * Row "abort mid-upload … multipart aborted", against the real thing: the S3 driver on Swift's s3api and the Swift
 * driver on Swift itself (`scripts/swift/swift-aio.sh`). An upload from a file is aborted once the server has
 * answered its first part or segment; afterwards the object does not exist, S3 lists no multipart upload in progress, and the
 * Swift segment container holds no segment.
 */
const harness = useHarness();
const MiB = 1024 * 1024;
const run = `rel-${Date.now().toString(36)}`;

/** A 12 MiB source file. */
function sourceFile(): string {
  const file = join(harness.directory(), 'source.bin');
  writeFileSync(file, payload(12 * MiB, 5));
  return file;
}

let controller = new AbortController();
const REASON = new Error('aborted by the test');

/** A logger that aborts the current upload once the server has answered the first part (or segment) `url` matches. */
function abortAfter(url: RegExp): TransportLogger {
  return (event) => {
    if (event.type === 'response' && url.test(event.url)) controller.abort(REASON);
  };
}

/** The multipart uploads S3 reports in progress in a bucket (`GET /bucket?uploads`, signed). */
async function multipartUploads(live: LiveSwift, bucket: string): Promise<string> {
  const transport = createTransport({
    provider: 's3',
    auth: sigV4Auth({ credentials: () => ({ accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey }), region: live.s3.region, service: 's3', s3: true }),
  });
  const response = await transport.request({ method: 'GET', url: `${live.s3.endpoint}/${bucket}?uploads`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
  await transport.close();
  return response.body;
}

/** Uploads the file with the abort wired by the driver's logger; the upload must fail with the test's reason. */
async function abortedUpload(driver: StorageDriver, container: string, name: string): Promise<void> {
  controller = new AbortController();
  const error = await failure(driver.uploadObject(sourceFile(), await driver.getContainer(container), name, { signal: controller.signal }));
  expect(error).toBe(REASON);
}

describeLive('abort against live Swift', (live) => {
  it('S3 (s3api): a multipart upload aborted mid-way leaves no object and no upload in progress', async () => {
    const agent = harness.agent();
    const driver = createS3Storage({ endpoint: live.s3.endpoint, accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey, region: live.s3.region, partSize: 5 * MiB, partConcurrency: 1, dispatcher: agent, logger: abortAfter(/[?&]partNumber=1&/) });
    const bucket = await driver.createContainer(`${run}-s3`);
    try {
      await abortedUpload(driver, bucket.name, 'aborted.bin');
      expect(await multipartUploads(live, bucket.name)).not.toMatch(/<Upload>/);
      expect(ObjectDoesNotExistError.isInstance(await failure(driver.getObject(bucket.name, 'aborted.bin')))).toBe(true);
    } finally {
      await driver.deleteContainer(bucket);
    }
  });

  it('Swift: a large-object upload aborted mid-way leaves no object and no segment', async () => {
    const agent = harness.agent();
    const driver = createOpenStackSwiftStorage({ authUrl: live.swift.authUrl, username: live.swift.user, apiKey: live.swift.key, segmentSize: MiB, segmentConcurrency: 2, dispatcher: agent, logger: abortAfter(/_segments\/.*\/00000000$/) });
    const container = await driver.createContainer(`${run}-swift`);
    try {
      await abortedUpload(driver, container.name, 'aborted.bin');
      expect(ObjectDoesNotExistError.isInstance(await failure(driver.getObject(container.name, 'aborted.bin')))).toBe(true);
      const segments = await driver.getContainer(`${container.name}_segments`).then((found) => driver.listObjects(found), () => []);
      expect(segments.map((segment) => segment.name)).toEqual([]);
    } finally {
      await driver.deleteContainer(container);
      await driver.getContainer(`${container.name}_segments`).then((found) => driver.deleteContainer(found), () => undefined);
    }
  });
});
