import { MalformedResponseError, ProviderError, parseJson } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ObjectDoesNotExistError,
  type Container,
  type StorageObject,
} from '@multicloud/storage';
import { isRecord, num, text } from '../identity/json-fields.js';
import { convertContainerHeaders, convertObjectHeaders, swiftContainer } from './convert-swift-models.js';
import type { SwiftClient } from './swift-client.js';

type Signal = { readonly signal?: AbortSignal | undefined };

/** Describes a container with `GET ?format=json&limit=0` (headers only; no HEAD, which undici never keeps alive). */
export async function getSwiftContainer(client: SwiftClient, name: string, options: Signal = {}): Promise<Container> {
  const response = await client.request({ method: 'GET', container: name, query: { format: 'json', limit: 0 }, signal: options.signal, notFound: ContainerDoesNotExistError });
  return convertContainerHeaders(client.provider, name, response.headers);
}

/**
 * Creates a container. Swift answers 201 for a new container and 202 for one that exists (changing nothing):
 * the contract wants `ContainerAlreadyExistsError` for the latter.
 */
export async function createSwiftContainer(client: SwiftClient, name: string, options: Signal = {}): Promise<Container> {
  // Not repeated: a PUT that created the container before failing would be answered 202 the second time.
  const response = await client.request({ method: 'PUT', container: name, signal: options.signal, idempotent: false });
  if (response.status === 202) {
    throw new ContainerAlreadyExistsError({ provider: client.provider, status: 202, providerCode: 'ContainerAlreadyExists', providerMessage: `container "${name}" exists already`, requestId: response.headers['x-trans-id'] });
  }
  return swiftContainer(client.provider, name, { objectCount: 0, bytes: 0 });
}

/** Deletes an empty container: 409 → `ContainerIsNotEmptyError` (error table), 404 → `ContainerDoesNotExistError`. */
export async function deleteSwiftContainer(client: SwiftClient, name: string, options: Signal = {}): Promise<void> {
  await client.request({ method: 'DELETE', container: name, signal: options.signal, notFound: ContainerDoesNotExistError });
}

/**
 * Describes an object without its body: a ranged GET of byte 0 instead of a HEAD (undici closes the connection
 * after every HEAD, so HEAD-heavy workloads would open a socket per call). An empty object answers 416 to that
 * range; only then is a HEAD sent.
 * @throws ObjectDoesNotExistError
 */
export async function getSwiftObject(client: SwiftClient, container: string, name: string, options: Signal = {}): Promise<StorageObject> {
  const response = await client.stream({
    method: 'GET', container, object: name, headers: { Range: 'bytes=0-0' }, signal: options.signal,
    notFound: ObjectDoesNotExistError, acceptStatus: (status) => status === 416,
  });
  await response.discard();
  if (response.status === 416) {
    const head = await client.request({ method: 'HEAD', container, object: name, signal: options.signal, notFound: ObjectDoesNotExistError });
    return convertObjectHeaders(client.provider, head.headers, container, name);
  }
  return convertObjectHeaders(client.provider, response.headers, container, name);
}

/**
 * Deletes an object. A Static Large Object goes with `?multipart-manifest=delete`, which removes its segments too;
 * Swift answers that one 200 with a JSON report, whose "Number Not Found" says the object was missing.
 * @throws ObjectDoesNotExistError
 */
export async function deleteSwiftObject(client: SwiftClient, object: StorageObject, options: Signal = {}): Promise<void> {
  const target = { container: object.containerName, object: object.name, signal: options.signal, notFound: ObjectDoesNotExistError };
  if (object.extra.staticLargeObject !== true) {
    await client.request({ method: 'DELETE', ...target });
    return;
  }
  const response = await client.request({ method: 'DELETE', ...target, query: { 'multipart-manifest': 'delete' }, headers: { Accept: 'application/json' } });
  const report: unknown = response.body.trim() === '' ? {} : parseJson(response.body, { provider: client.provider, status: response.status });
  if (!isRecord(report)) throw new MalformedResponseError({ provider: client.provider, status: response.status, body: response.body, reason: 'a bulk delete report must be a JSON object' });
  const errors = Array.isArray(report.Errors) ? report.Errors : [];
  const status = Number.parseInt(text(report, 'Response Status') ?? '200', 10);
  if (errors.length > 0 || status >= 400) {
    const message = errors.map((error) => (Array.isArray(error) ? error.join(': ') : String(error))).join('; ') || text(report, 'Response Status');
    throw new ProviderError({ provider: client.provider, status: Number.isFinite(status) ? status : response.status, providerCode: 'BulkDeleteFailed', providerMessage: message, requestId: response.headers['x-trans-id'] });
  }
  if ((num(report, 'Number Deleted') ?? 0) === 0 && (num(report, 'Number Not Found') ?? 0) > 0) {
    throw client.errorFor(ObjectDoesNotExistError, { status: 404, headers: response.headers, body: `object "${object.name}" not found` });
  }
}

/** What an account's headers say about it. */
export interface SwiftAccountInfo {
  /** Containers in the account. */
  readonly containerCount: number | undefined;
  /** Objects in all containers. */
  readonly objectCount: number | undefined;
  /** Bytes stored. */
  readonly bytesUsed: number | undefined;
  /** `X-Account-Meta-*` values with lower-case keys, except the temp URL keys (secrets). */
  readonly metadata: Readonly<Record<string, string>>;
  /** Whether the account has a temp URL key (`X-Account-Meta-Temp-Url-Key` or `-Key-2`). */
  readonly hasTempUrlKey: boolean;
}

/** The account headers, read with `GET ?format=json&limit=0` (no listing, no HEAD). */
export async function readAccountHeaders(client: SwiftClient, options: Signal = {}): Promise<Readonly<Record<string, string>>> {
  return (await client.request({ method: 'GET', query: { format: 'json', limit: 0 }, signal: options.signal })).headers;
}

/** The account's counts and metadata. */
export function accountInfo(headers: Readonly<Record<string, string>>): SwiftAccountInfo {
  const count = (name: string) => (headers[name] === undefined ? undefined : Number(headers[name]));
  const metadata: Record<string, string> = {};
  for (const [header, value] of Object.entries(headers)) {
    if (header.startsWith('x-account-meta-') && !header.startsWith('x-account-meta-temp-url-key')) metadata[header.slice('x-account-meta-'.length)] = value;
  }
  return {
    containerCount: count('x-account-container-count'),
    objectCount: count('x-account-object-count'),
    bytesUsed: count('x-account-bytes-used'),
    metadata,
    hasTempUrlKey: Boolean(headers['x-account-meta-temp-url-key'] || headers['x-account-meta-temp-url-key-2']),
  };
}
