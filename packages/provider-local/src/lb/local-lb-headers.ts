import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1); a proxy never forwards them. */
export const HOP_BY_HOP_HEADERS: readonly string[] = [
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade',
];

/** The message headers of `headers`: hop-by-hop ones dropped, with those the `Connection` header names. */
function endToEnd(headers: IncomingHttpHeaders, alsoDrop: readonly string[]): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const drop = new Set([...HOP_BY_HOP_HEADERS, ...alsoDrop, ...named]);
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name)) result[name] = value;
  }
  return result;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The headers sent to a member: end-to-end headers of the client's request (the `Host` kept), plus
 * `X-Forwarded-For` (the client address appended to any list already there), `X-Forwarded-Host` and
 * `X-Forwarded-Proto` (kept when an earlier proxy set them). `Expect` is dropped: the balancer already answered it.
 */
export function requestHeadersForMember(headers: IncomingHttpHeaders, clientAddress: string | undefined, proto: string): OutgoingHttpHeaders {
  const result = endToEnd(headers, ['expect']);
  const forwardedFor = first(headers['x-forwarded-for']);
  const client = clientAddress ?? 'unknown';
  result['x-forwarded-for'] = forwardedFor ? `${forwardedFor}, ${client}` : client;
  const host = first(headers['x-forwarded-host']) ?? headers.host;
  if (host !== undefined) result['x-forwarded-host'] = host;
  result['x-forwarded-proto'] = first(headers['x-forwarded-proto']) ?? proto;
  return result;
}

/** The headers sent back to the client: the member's end-to-end headers. */
export function responseHeadersForClient(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return endToEnd(headers, []);
}
