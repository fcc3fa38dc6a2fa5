import { createHash } from 'node:crypto';
import { answer, startMisbehavingServer, type Exchange, type MisbehavingServer, type MisbehavingServerOptions } from './misbehaving-server.js';

/** One stored object. */
export interface FakeObject {
  /** The stored bytes. */
  readonly bytes: Buffer;
  /** The ETag served for it (unquoted). */
  readonly etag: string;
  /** Its content type. */
  readonly contentType: string;
}

/** What a {@link FakeS3} holds: objects by `bucket/key`, open multipart uploads by id. */
export interface FakeS3State {
  /** Objects by `bucket/key`. */
  readonly objects: Map<string, FakeObject>;
  /** Multipart uploads in progress by upload id: the `bucket/key` and the parts received so far. */
  readonly uploads: Map<string, { readonly key: string; readonly parts: Map<number, Buffer> }>;
}

/** A tiny in-memory S3 (path style, no signature check) that a test can make misbehave per request. */
export interface FakeS3 extends MisbehavingServer, FakeS3State {}

/** A request the fake S3 is about to serve, split into bucket, key and query. */
export interface S3Call extends Exchange {
  /** The bucket (first path segment, decoded). */
  readonly bucket: string;
  /** The key (the rest of the path, decoded; `.` and `..` kept). */
  readonly key: string;
  /** The query parameters. */
  readonly query: URLSearchParams;
}

/** Serves a request itself (returns true) or leaves it to the fake's normal behaviour (returns false). */
export type S3Misbehaviour = (call: S3Call, state: FakeS3State) => boolean | Promise<boolean>;

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const XML = { 'content-type': 'application/xml', 'x-amz-request-id': 'FAKE0001' };
const s3Error = (call: S3Call, status: number, code: string) =>
  answer(call.response, status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>FAKE0001</RequestId></Error>`, XML);

/** Escapes text for XML the way lxml (Swift's s3api) does: `&`, `<`, `>`, and CR as a character reference. */
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** Encodes a key as Swift's s3api does for `encoding-type=url` (Python's `quote`: `/` kept, a space as `%20`). */
const urlEncodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/** A ListObjectsV2 answer of the bucket's objects under `prefix` (one page), keys URL-encoded when asked to. */
function listing(state: FakeS3State, bucket: string, prefix: string, encodingType: string | null): string {
  const encode = encodingType === 'url' ? urlEncodeKey : escapeXml;
  const keys = [...state.objects.keys()].filter((id) => id.startsWith(`${bucket}/${prefix}`)).map((id) => id.slice(bucket.length + 1)).sort();
  const contents = keys.map((key) => {
    const object = state.objects.get(`${bucket}/${key}`);
    return `<Contents><Key>${encode(key)}</Key><LastModified>2011-01-25T22:01:50.000Z</LastModified><ETag>"${object?.etag}"</ETag><Size>${object?.bytes.length}</Size></Contents>`;
  });
  return `<ListBucketResult><Name>${bucket}</Name><KeyCount>${keys.length}</KeyCount>${encodingType === 'url' ? '<EncodingType>url</EncodingType>' : ''}<IsTruncated>false</IsTruncated>${contents.join('')}</ListBucketResult>`;
}

function split(exchange: Exchange): S3Call {
  // Not `new URL()`: it would resolve `.` and `..` segments, which are ordinary S3 keys.
  const target = exchange.request.url ?? '/';
  const queryStart = target.indexOf('?');
  const path = queryStart < 0 ? target : target.slice(0, queryStart);
  const [, bucket = '', ...rest] = path.split('/');
  return { ...exchange, bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.join('/')), query: new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1)) };
}

function serveObject(call: S3Call, object: FakeObject): void {
  const headers = { etag: `"${object.etag}"`, 'content-type': object.contentType, 'last-modified': 'Tue, 25 Jan 2011 22:01:50 GMT' };
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(call.request.headers.range ?? ''));
  if (!range) {
    call.response.writeHead(200, { ...headers, 'content-length': String(object.bytes.length) });
    call.response.end(call.request.method === 'HEAD' ? undefined : object.bytes);
    return;
  }
  const start = Number(range[1]);
  const end = range[2] === '' ? object.bytes.length - 1 : Math.min(Number(range[2]), object.bytes.length - 1);
  if (start >= object.bytes.length) return s3Error(call, 416, 'InvalidRange');
  const slice = object.bytes.subarray(start, end + 1);
  call.response.writeHead(206, { ...headers, 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${object.bytes.length}` });
  call.response.end(slice);
}

async function serve(call: S3Call, state: FakeS3State): Promise<void> {
  const { method } = call.request;
  const id = `${call.bucket}/${call.key}`;
  const uploadId = call.query.get('uploadId');
  if (call.bucket === '') {
    return answer(call.response, 200, '<ListAllMyBucketsResult><Buckets><Bucket><Name>bucket</Name><CreationDate>2011-01-25T22:01:50.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>', XML);
  }
  if (call.key === '') {
    if (method === 'GET') return answer(call.response, 200, listing(state, call.bucket, call.query.get('prefix') ?? '', call.query.get('encoding-type')), XML);
    await call.body();
    return answer(call.response, 200);
  }
  if (method === 'POST' && call.query.has('uploads')) {
    await call.body();
    const created = `upload-${state.uploads.size + 1}-${Date.now()}`;
    state.uploads.set(created, { key: id, parts: new Map() });
    return answer(call.response, 200, `<InitiateMultipartUploadResult><Bucket>${call.bucket}</Bucket><Key>${call.key}</Key><UploadId>${created}</UploadId></InitiateMultipartUploadResult>`, XML);
  }
  if (uploadId !== null) {
    const upload = state.uploads.get(uploadId);
    if (!upload) return s3Error(call, 404, 'NoSuchUpload');
    if (method === 'PUT') {
      const bytes = await call.body();
      upload.parts.set(Number(call.query.get('partNumber')), bytes);
      return answer(call.response, 200, '', { etag: `"${md5(bytes)}"` });
    }
    if (method === 'DELETE') {
      state.uploads.delete(uploadId);
      return answer(call.response, 204);
    }
    await call.body();
    const parts = [...upload.parts.entries()].sort(([a], [b]) => a - b).map(([, bytes]) => bytes);
    const etag = `${md5(Buffer.concat(parts.map((part) => Buffer.from(md5(part), 'hex'))))}-${parts.length}`;
    state.objects.set(id, { bytes: Buffer.concat(parts), etag, contentType: 'application/octet-stream' });
    state.uploads.delete(uploadId);
    return answer(call.response, 200, `<CompleteMultipartUploadResult><ETag>"${etag}"</ETag></CompleteMultipartUploadResult>`, XML);
  }
  if (method === 'PUT') {
    const bytes = await call.body();
    const object = { bytes, etag: md5(bytes), contentType: String(call.request.headers['content-type'] ?? 'application/octet-stream') };
    state.objects.set(id, object);
    return answer(call.response, 200, '', { etag: `"${object.etag}"` });
  }
  if (method === 'DELETE') {
    state.objects.delete(id);
    return answer(call.response, 204);
  }
  const object = state.objects.get(id);
  if (!object) return s3Error(call, 404, 'NoSuchKey');
  serveObject(call, object);
}

/**
 * Starts a fake S3 on 127.0.0.1: buckets always exist, objects and multipart uploads live in memory. Each
 * request first goes to `misbehave`, which may serve it its own way (a wrong ETag, a reset, a stall…).
 */
export async function startFakeS3(misbehave: S3Misbehaviour = () => false, options: MisbehavingServerOptions = {}): Promise<FakeS3> {
  const state: FakeS3State = { objects: new Map(), uploads: new Map() };
  const server = await startMisbehavingServer(async (exchange) => {
    const call = split(exchange);
    if (await misbehave(call, state)) return;
    await serve(call, state);
  }, options);
  return Object.assign(server, state);
}

