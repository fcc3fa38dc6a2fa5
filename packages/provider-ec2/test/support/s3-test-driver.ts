import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { useRecordedHttp, type FixtureAnswer, type FixtureRequest, type RecordedHttp } from '@multicloud/fixture-server';
import { createS3Storage, type S3Settings, type S3StorageDriver } from '../../src/index.js';
import { TEST_CREDENTIALS } from './ec2-test-driver.js';

/** An S3 error body in S3's documented format (for answers Libcloud has no file for). */
export const s3Error = (code: string, message: string, status: number): FixtureAnswer => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' },
});

/** The bucket and key of a request, virtual-hosted (`bucket.s3.…`) or path style. */
export function s3Target(request: FixtureRequest): { bucket?: string; key?: string } {
  const host = String(request.headers.host ?? '');
  const virtualBucket = /^(.+)\.s3[.-]/.exec(host)?.[1];
  const segments = request.path.split('/').slice(1);
  const [bucket, ...rest] = virtualBucket ? [virtualBucket, ...segments] : segments;
  const key = rest.join('/');
  return { ...(bucket ? { bucket: decodeURIComponent(bucket) } : {}), ...(key ? { key: decodeURIComponent(key) } : {}) };
}

/**
 * Answers S3 requests the way Libcloud's S3 mock does: bucket listings and multipart answers from its files; an
 * uploaded part or object answers with its MD5 as ETag, as S3 does.
 */
function s3Route(request: FixtureRequest): FixtureAnswer | undefined {
  const { bucket, key } = s3Target(request);
  const etag = { etag: `"${createHash('md5').update(request.bytes).digest('hex')}"` };
  if (!bucket) return request.method === 'GET' ? { file: 'list_containers.xml' } : undefined;
  if (!key) return request.method === 'GET' ? { file: 'list_container_objects.xml' } : { status: 200, body: '' };
  if (request.method === 'POST' && request.params.has('uploads')) return { file: 'initiate_multipart.xml' };
  if (request.method === 'POST' && request.params.has('uploadId')) return { file: 'complete_multipart.xml' };
  if (request.method === 'DELETE') return { status: 204, body: '' };
  if (request.method === 'PUT') return { status: 200, body: '', headers: etag };
  return undefined;
}

/** Recorded HTTP plus a factory for S3 drivers wired to it. */
export interface RecordedS3 extends RecordedHttp {
  /** An S3 driver on the recorded HTTP, in us-east-1, without retries. */
  driver(settings?: S3Settings): S3StorageDriver;
}

/** Recorded-HTTP wiring for S3 tests, answering from Libcloud's S3 fixtures when recording. */
export function useRecordedS3(): RecordedS3 {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'storage/fixtures/s3', (overrides) => (request) => {
    const override = overrides[`${request.method} ${s3Target(request).key ?? s3Target(request).bucket ?? '/'}`];
    return (typeof override === 'function' ? override(request) : override) ?? s3Route(request);
  });
  return { ...http, driver: (settings: S3Settings = {}) => createS3Storage({ ...TEST_CREDENTIALS, region: 'us-east-1', retry: false, dispatcher: http.dispatcher(), ...settings }) };
}
