import { createHash } from 'node:crypto';
import { libcloudFixtures, startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureServer } from '@multicloud/fixture-server';

/** S3 with the objects it holds (text bodies: the fixture server answers strings). */
export interface S3Fixtures extends FixtureServer {
  /** Objects by `bucket/key`. */
  readonly objects: Map<string, string>;
  /** ETags to answer instead of the body's MD5 (a tampered object), by `bucket/key`. */
  readonly etags: Map<string, string>;
}

const md5 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest('hex');

const s3Error = (code: string, message: string, status: number): FixtureAnswer => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
  headers: { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' },
});

function target(request: FixtureRequest): { bucket: string; key: string } {
  const [bucket = '', ...rest] = request.path.split('/').slice(1);
  return { bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.join('/')) };
}

function objectAnswer(request: FixtureRequest, body: string, etag: string): FixtureAnswer {
  const headers = { etag: `"${etag}"`, 'last-modified': 'Sat, 09 Apr 2011 19:05:18 GMT', 'content-type': 'text/plain' };
  if (request.headers.range === 'bytes=0-0') return { status: 206, body: body.slice(0, 1), headers: { ...headers, 'content-range': `bytes 0-0/${body.length}` } };
  return { body, headers };
}

/**
 * A path-style S3 answering listings from Libcloud's S3 fixture files and keeping uploaded objects in memory:
 * single PUTs and multipart uploads (Libcloud's initiate/complete answers), ranged and whole GETs, DELETE.
 */
export async function startS3Fixtures(): Promise<S3Fixtures> {
  const objects = new Map<string, string>();
  const etags = new Map<string, string>();
  const parts = new Map<string, Buffer>();
  const route = (request: FixtureRequest): FixtureAnswer | undefined => {
    const { bucket, key } = target(request);
    if (!bucket) return request.method === 'GET' ? { file: 'list_containers.xml' } : undefined;
    if (!key) {
      if (request.method === 'GET') return { file: request.params.get('max-keys') === '0' ? 'list_container_objects_empty.xml' : 'list_container_objects.xml' };
      return request.method === 'DELETE' ? { status: 204, body: '' } : { status: 200, body: '' };
    }
    const path = `${bucket}/${key}`;
    if (request.method === 'POST' && request.params.has('uploads')) return { file: 'initiate_multipart.xml' };
    if (request.method === 'PUT' && request.params.has('partNumber')) {
      parts.set(`${path}#${request.params.get('partNumber')?.padStart(5, '0')}`, request.bytes);
      return { status: 200, body: '', headers: { etag: `"${md5(request.bytes)}"` } };
    }
    if (request.method === 'POST' && request.params.has('uploadId')) {
      const names = [...parts.keys()].filter((name) => name.startsWith(`${path}#`)).sort();
      objects.set(path, Buffer.concat(names.map((name) => parts.get(name) ?? Buffer.alloc(0))).toString('utf8'));
      return { file: 'complete_multipart.xml' };
    }
    if (request.method === 'PUT') {
      objects.set(path, request.body);
      return { status: 200, body: '', headers: { etag: `"${md5(request.bytes)}"` } };
    }
    const body = objects.get(path);
    if (body === undefined) return s3Error('NoSuchKey', 'The specified key does not exist.', 404);
    if (request.method === 'DELETE') {
      objects.delete(path);
      return { status: 204, body: '' };
    }
    return request.method === 'GET' ? objectAnswer(request, body, etags.get(path) ?? md5(body)) : undefined;
  };
  const server = await startFixtureServer(libcloudFixtures('storage/fixtures/s3'), route);
  return Object.assign(server, { objects, etags });
}
