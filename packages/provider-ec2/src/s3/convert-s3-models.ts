import { stampProvider } from '@multicloud/core';
import { unquoteEtag, type Container, type StorageObject } from '@multicloud/storage';
import { text, type XmlRecord } from '../aws/xml-fields.js';

/** Provider id of S3 models. */
export const S3 = 's3';

/** A `ListAllMyBucketsResult` bucket → Container. */
export function convertS3Bucket(bucket: XmlRecord): Container {
  return stampProvider({ name: text(bucket, 'Name') ?? '', extra: { creationDate: text(bucket, 'CreationDate') } }, S3);
}

/** A bucket name → Container (for buckets known to exist). */
export function s3Container(name: string, extra: Record<string, unknown> = {}): Container {
  return stampProvider({ name, extra }, S3);
}

/** A `ListBucketResult` `Contents` entry → StorageObject (listings carry no metadata or content type). */
export function convertS3ListedObject(entry: XmlRecord, bucket: string, decodeKey: (key: string) => string = (key) => key): StorageObject {
  const lastModified = text(entry, 'LastModified');
  return stampProvider({
    name: decodeKey(text(entry, 'Key') ?? ''),
    size: Number(text(entry, 'Size') ?? 0),
    hash: unquoteEtag(text(entry, 'ETag')),
    ...(lastModified ? { lastModified: new Date(lastModified) } : {}),
    metadata: {},
    containerName: bucket,
    extra: { storageClass: text(entry, 'StorageClass') },
  }, S3);
}

/** Response headers of a GET/HEAD of an object → StorageObject. `size` comes from Content-Range when ranged. */
export function convertS3ObjectHeaders(headers: Readonly<Record<string, string>>, bucket: string, key: string): StorageObject {
  const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
  const size = Number(range?.[1] ?? headers['content-length'] ?? 0);
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  const lastModified = headers['last-modified'];
  const contentType = headers['content-type'];
  return stampProvider({
    name: key,
    size,
    hash: unquoteEtag(headers.etag),
    ...(contentType ? { contentType } : {}),
    ...(lastModified ? { lastModified: new Date(lastModified) } : {}),
    metadata,
    containerName: bucket,
    extra: { versionId: headers['x-amz-version-id'], storageClass: headers['x-amz-storage-class'] },
  }, S3);
}
