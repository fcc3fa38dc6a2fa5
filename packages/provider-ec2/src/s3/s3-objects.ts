import { MalformedResponseError, paginate } from '@multicloud/core';
import type { Container, StorageObject } from '@multicloud/storage';
import { items, text, type XmlRecord } from '../aws/xml-fields.js';
import { S3, convertS3Bucket, convertS3ListedObject, convertS3ObjectHeaders } from './convert-s3-models.js';
import type { S3Client } from './s3-client.js';
import { s3Query } from './s3-addressing.js';

type Signal = { readonly signal?: AbortSignal | undefined };

/** Lists buckets (`GET /`). */
export async function listS3Buckets(client: S3Client, options: Signal = {}): Promise<Container[]> {
  const response = await client.transport.request({ method: 'GET', url: `${client.addressing.endpoint}/`, headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, signal: options.signal });
  const result = client.xml(response, 'ListAllMyBucketsResult');
  return items(result, 'Buckets', 'Bucket').map(convertS3Bucket);
}

/**
 * Iterates a bucket's objects with ListObjectsV2, 1000 per page. Pages continue with the continuation token, or —
 * for servers that answer like ListObjects v1 (no token, only `IsTruncated`) — after the last key. Keys are asked
 * for URL-encoded (`encoding-type=url`): XML 1.0 cannot carry most control characters, and edge whitespace does not
 * survive XML readers; a server that ignores the parameter (no `EncodingType` in its answer) is read as it is.
 */
export function iterateS3Objects(client: S3Client, bucket: string, options: Signal & { readonly prefix?: string | undefined } = {}): AsyncIterable<StorageObject> {
  return paginate(async (token) => {
    const [kind, value] = token ? [token.slice(0, 1), token.slice(2)] : [undefined, undefined];
    const query = s3Query({
      'list-type': 2, prefix: options.prefix, 'max-keys': 1000, 'encoding-type': 'url',
      'continuation-token': kind === 'c' ? value : undefined, 'start-after': kind === 'a' ? value : undefined,
    });
    const response = await client.request({ method: 'GET', bucket, query, signal: options.signal });
    const result = client.xml(response, 'ListBucketResult');
    const contents = ((Array.isArray(result.Contents) ? result.Contents : result.Contents ? [result.Contents] : []) as XmlRecord[]);
    const encoded = text(result, 'EncodingType') === 'url';
    const objects = contents.map((entry) => convertS3ListedObject(entry, bucket, encoded ? decodeListedKey : undefined));
    const truncated = text(result, 'IsTruncated') === 'true';
    const continuation = text(result, 'NextContinuationToken');
    const last = objects.at(-1)?.name;
    const next = !truncated ? undefined : continuation ? `c:${continuation}` : last ? `a:${last}` : undefined;
    return { items: objects, next };
  });
}

/**
 * Describes an object without its body. A ranged GET of byte 0 instead of a HEAD: undici closes the connection
 * after every HEAD, so HEAD-heavy workloads would open a socket per call. An empty object answers 416 to that
 * range; only then is a HEAD sent.
 * @throws ObjectDoesNotExistError
 */
export async function getS3Object(client: S3Client, bucket: string, key: string, options: Signal = {}): Promise<StorageObject> {
  const response = await client.stream({ method: 'GET', bucket, key, headers: { Range: 'bytes=0-0' }, signal: options.signal, acceptStatus: (status) => status === 416 });
  await response.discard();
  if (response.status === 416) {
    const head = await client.request({ method: 'HEAD', bucket, key, signal: options.signal });
    return convertS3ObjectHeaders(head.headers, bucket, key);
  }
  return convertS3ObjectHeaders(response.headers, bucket, key);
}

/**
 * Decodes a key from a listing asked for with `encoding-type=url`: percent-encoded UTF-8, where AWS writes a space as
 * `+` (and a `+` as `%2B`), as botocore's `unquote_plus` reads it.
 * @throws MalformedResponseError when the key is not valid percent-encoding
 */
function decodeListedKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    throw new MalformedResponseError({ provider: S3, status: 200, body: key, reason: 'a listed key is not valid URL encoding' });
  }
}
