import { paginate } from '@multicloud/core';
import { requireList, type JsonRecord } from '../identity/json-fields.js';
import { nextMarker } from '../identity/next-marker.js';
import type { ServiceClient } from '../identity/rackspace-service.js';

/** Page size of Nova listings (Nova caps it at its `osapi_max_limit`, 1000 by default). */
export const NOVA_PAGE_SIZE = 1000;

/**
 * Iterates a paged Nova listing (`GET <path>?limit=…&marker=…`) item by item, following the `<key>_links` next
 * link, fetching each page only when the previous one is consumed.
 */
export function iterateNovaList<T>(
  client: ServiceClient,
  path: string,
  key: string,
  convert: (item: JsonRecord) => T,
  signal: AbortSignal | undefined,
): AsyncIterable<T> {
  return paginate(async (marker) => {
    const answer = await client.call('GET', path, { signal, query: { limit: NOVA_PAGE_SIZE, marker } });
    return { items: requireList(answer, key).map(convert), next: nextMarker(answer, `${key}_links`) };
  });
}
