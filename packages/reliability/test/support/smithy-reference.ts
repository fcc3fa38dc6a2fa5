// Adapted from packages/core/src/auth/sigv4/test-support/smithy-reference.ts (test-only code of another package,
// so it is copied rather than imported): the AWS SDK's own signer, `@smithy/signature-v4`, as the reference.
import type { Hash, Hmac } from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';
import { HttpRequest as SmithyRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RequestBody } from '@multicloud/core';

/**
 * A request described once, from which both the raw wire URL (for our signer) and the structured
 * request of the AWS SDK's reference signer (`@smithy/signature-v4`) are built.
 */
export interface ReferenceRequest {
  readonly method: string;
  readonly host: string;
  /** The path as it goes on the wire (raw for the test suite style, encoded for S3). */
  readonly path: string;
  /** Decoded query; a list for repeated names. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: RequestBody;
}

/** Reference signing settings; mirrors the options of our signer. */
export interface ReferenceSettings {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly region: string;
  readonly service: string;
  readonly date: Date;
  /** smithy's `uriEscapePath`, which for smithy also switches path normalisation. */
  readonly uriEscapePath: boolean;
  /** smithy's `applyChecksum`: add `x-amz-content-sha256`. */
  readonly applyChecksum: boolean;
}

/** The wire URL of a reference request. Uses `encodeURIComponent` (not our encoder) so ours must re-encode. */
export function wireUrl(request: ReferenceRequest): string {
  const pairs = Object.entries(request.query).flatMap(([name, value]) =>
    (typeof value === 'string' ? [value] : value).map((item) => `${encodeURIComponent(name)}=${encodeURIComponent(item)}`));
  return `https://${request.host}${request.path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
}

/** SHA-256 / HMAC-SHA256 in the shape smithy's signer expects (a key makes it an HMAC). */
class NodeSha256 {
  readonly #key: string | ArrayBuffer | ArrayBufferView | undefined;
  #hash: Hash | Hmac;

  constructor(key?: string | ArrayBuffer | ArrayBufferView) {
    this.#key = key;
    this.#hash = this.#create();
  }

  update(data: Uint8Array): void {
    this.#hash.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }

  reset(): void {
    this.#hash = this.#create();
  }

  #create(): Hash | Hmac {
    const key = this.#key;
    if (key === undefined) return createHash('sha256');
    if (typeof key === 'string') return createHmac('sha256', key);
    const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    return createHmac('sha256', bytes);
  }
}

function signer(settings: ReferenceSettings): SignatureV4 {
  return new SignatureV4({
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      ...(settings.sessionToken === undefined ? {} : { sessionToken: settings.sessionToken }),
    },
    region: settings.region,
    service: settings.service,
    sha256: NodeSha256,
    uriEscapePath: settings.uriEscapePath,
    applyChecksum: settings.applyChecksum,
  });
}

function toSmithy(request: ReferenceRequest): SmithyRequest {
  return new SmithyRequest({
    method: request.method,
    protocol: 'https:',
    hostname: request.host,
    path: request.path,
    query: Object.fromEntries(Object.entries(request.query).map(([name, value]) => [name, typeof value === 'string' ? value : [...value]])),
    // smithy signs only the headers it is given; the SDK adds `host` in an earlier step.
    headers: { host: request.host, ...request.headers },
    body: request.body,
  });
}

/** The headers smithy's signer produces (names in lower case). */
export async function smithySign(request: ReferenceRequest, settings: ReferenceSettings): Promise<Record<string, string>> {
  const signed = await signer(settings).sign(toSmithy(request), { signingDate: settings.date });
  return Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]));
}
