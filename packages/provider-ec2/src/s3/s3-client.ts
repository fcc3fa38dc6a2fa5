import {
  createErrorClassifier,
  createTransport,
  parseXml,
  presignV4,
  sigV4Auth,
  type HttpResponse,
  type RequestBody,
  type TextResponse,
  type Transport,
} from '@multicloud/core';
import type { AwsSettings } from '../aws/aws-settings.js';
import { resolveAwsSettings } from '../aws/aws-settings.js';
import { s3Endpoint, s3Url, type S3Addressing } from './s3-addressing.js';
import { S3_ERROR_TABLE, parseS3Error } from './s3-errors.js';
import { S3 } from './convert-s3-models.js';

/** Settings of the S3 driver. */
export interface S3Settings extends AwsSettings {
  /**
   * Address buckets in the path (`https://host/bucket/key`) rather than the host name. Default: true when an
   * `endpoint` is set (S3-compatible services mostly need it), false for AWS itself.
   */
  readonly forcePathStyle?: boolean | undefined;
  /** Part size of multipart uploads in bytes (≥ 5 MiB; default 8 MiB). Streams up to this size go in one PUT. */
  readonly partSize?: number | undefined;
  /** Parts uploaded at once (default 4); memory use is about `partSize × (partConcurrency + 1)`. */
  readonly partConcurrency?: number | undefined;
}

/** One S3 REST request. */
export interface S3Request {
  readonly method: string;
  readonly bucket: string;
  readonly key?: string | undefined;
  readonly query?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: RequestBody | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly acceptStatus?: ((status: number) => boolean) | undefined;
  readonly idempotent?: boolean | undefined;
}

/** A signed client for the S3 REST API. */
export interface S3Client {
  /** The region in force. */
  readonly region: string;
  /** How bucket URLs are formed. */
  readonly addressing: S3Addressing;
  /** The transport (tests, extras). */
  readonly transport: Transport;
  /** Sends a request and reads the whole body. */
  request(request: S3Request): Promise<TextResponse>;
  /** Sends a request and returns once headers arrive; the body streams. */
  stream(request: S3Request): Promise<HttpResponse>;
  /** Parses an XML answer whose root is `root`. */
  xml(response: TextResponse, root: string, arrayPaths?: readonly string[]): Record<string, unknown>;
  /** A presigned URL for `method` on an object. */
  presign(method: 'GET' | 'PUT', bucket: string, key: string, expiresInSeconds: number): string;
}

/**
 * Builds the S3 REST client. Bodies are sent with `x-amz-content-sha256: UNSIGNED-PAYLOAD`: SHA-256 over every byte
 * would halve upload throughput; uploads protect the bytes with `x-amz-checksum-crc32` instead (see s3-upload.ts).
 */
export function createS3Client(settings: S3Settings): S3Client {
  const resolved = resolveAwsSettings(S3, settings);
  const addressing: S3Addressing = {
    endpoint: resolved.endpoint ?? s3Endpoint(resolved.region),
    pathStyle: settings.forcePathStyle ?? resolved.endpoint !== undefined,
  };
  const transport = createTransport({
    ...settings,
    provider: S3,
    auth: sigV4Auth({ credentials: resolved.credentials, region: resolved.region, service: 's3', s3: true }),
    classifyError: createErrorClassifier({ parse: parseS3Error, table: S3_ERROR_TABLE }),
  });
  const toTransport = (request: S3Request) => ({
    method: request.method,
    url: s3Url(addressing, request.bucket, request.key, request.query),
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...request.headers },
    body: request.body,
    signal: request.signal,
    acceptStatus: request.acceptStatus,
    idempotent: request.idempotent,
  });
  return {
    region: resolved.region,
    addressing,
    transport,
    request: (request) => transport.request(toTransport(request)),
    stream: (request) => transport.send(toTransport(request)),
    xml: (response, root, arrayPaths) => {
      const document = parseXml(response.body, { provider: S3, root, status: response.status, arrayPaths });
      const element = document[root];
      return (typeof element === 'object' && element !== null ? element : {}) as Record<string, unknown>;
    },
    presign: (method, bucket, key, expiresInSeconds) =>
      presignV4(
        { method, url: s3Url(addressing, bucket, key), headers: {} },
        { ...resolved.credentials(), region: resolved.region, service: 's3', date: new Date(), expiresInSeconds, uriEscapePath: false, normalizePath: false },
      ),
  };
}
