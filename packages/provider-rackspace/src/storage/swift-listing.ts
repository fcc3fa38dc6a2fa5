import { MalformedResponseError, ProviderError, paginate, parseJson } from '@multicloud/core';
import { ContainerDoesNotExistError, type Container, type StorageObject } from '@multicloud/storage';
import { isRecord, text, type JsonRecord } from '../identity/json-fields.js';
import { convertListedContainer, convertListedObject, isObjectEntry } from './convert-swift-models.js';
import type { SwiftClient } from './swift-client.js';

/** The listing page size of one driver; lowered once the server says its limit is smaller. */
export interface ListingPageSize {
  /** Entries asked for per page. */
  value: number;
}

type Listing = { readonly signal?: AbortSignal | undefined; readonly prefix?: string | undefined };

/**
 * One JSON listing page (`?format=json&limit=&marker=&prefix=`) of the account (no container) or a container.
 * Swift answers 412 "Maximum limit is N" to a `limit` above its listing limit: the page size drops to N and the
 * page is asked again. A 204 (Swift's answer to an empty page) is an empty list.
 */
async function listingPage(client: SwiftClient, pageSize: ListingPageSize, container: string | undefined, marker: string | undefined, options: Listing) {
  for (;;) {
    const limit = pageSize.value;
    const response = await client.request({
      method: 'GET',
      container,
      query: { format: 'json', limit, marker, prefix: options.prefix },
      signal: options.signal,
      notFound: container === undefined ? undefined : ContainerDoesNotExistError,
      acceptStatus: (status) => status === 412,
    });
    if (response.status === 412) {
      const maximum = Number(/maximum limit is (\d+)/i.exec(response.body)?.[1]);
      if (Number.isInteger(maximum) && maximum > 0 && maximum < limit) {
        pageSize.value = maximum;
        continue;
      }
      throw client.errorFor(ProviderError, response);
    }
    const body: unknown = response.status === 204 || response.body.trim() === '' ? [] : parseJson(response.body, { provider: client.provider, status: response.status });
    if (!Array.isArray(body)) {
      throw new MalformedResponseError({ provider: client.provider, status: response.status, body: response.body, reason: 'a listing must be a JSON array' });
    }
    const entries = body.filter(isRecord);
    // The marker is the last name of the page (a `subdir` entry of a delimited listing counts too).
    const last = entries.at(-1);
    const next = body.length >= limit && last ? (text(last, 'name') ?? text(last, 'subdir')) : undefined;
    return { entries, next };
  }
}

/** Iterates the account's containers, page by page after the last name (`marker`). */
export function iterateSwiftContainers(client: SwiftClient, pageSize: ListingPageSize, options: Listing = {}): AsyncIterable<Container> {
  return paginate(async (marker) => {
    const { entries, next } = await listingPage(client, pageSize, undefined, marker, options);
    return { items: entries.filter(isObjectEntry).map((entry: JsonRecord) => convertListedContainer(client.provider, entry)), next };
  });
}

/** Iterates a container's objects (optionally under a prefix), page by page after the last name. */
export function iterateSwiftObjects(client: SwiftClient, pageSize: ListingPageSize, container: string, options: Listing = {}): AsyncIterable<StorageObject> {
  return paginate(async (marker) => {
    const { entries, next } = await listingPage(client, pageSize, container, marker, options);
    return { items: entries.filter(isObjectEntry).map((entry) => convertListedObject(client.provider, entry, container)), next };
  });
}
