import { isRecord, records, text } from './json-fields.js';
import type { ServiceAnswer } from './rackspace-service.js';

/**
 * The `marker` of the `rel: next` link in the answer's `linksKey` list (Nova's `servers_links`, Cloud Load
 * Balancers' `links`), or undefined on the last page.
 */
export function nextMarker(answer: ServiceAnswer, linksKey: string): string | undefined {
  const body = isRecord(answer.body) ? answer.body : undefined;
  const href = text(records(body, linksKey).find((link) => text(link, 'rel') === 'next'), 'href');
  if (!href) return undefined;
  try {
    return new URL(href, 'https://placeholder.invalid/').searchParams.get('marker') ?? undefined;
  } catch {
    return undefined;
  }
}
