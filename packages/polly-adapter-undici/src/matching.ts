import type { PollyConfig } from '@pollyjs/core';
import { defaultScrubber, type Scrubber } from './scrubber.js';

/** Polly's `matchRequestsBy` setting. */
export type MatchRequestsBy = NonNullable<PollyConfig['matchRequestsBy']>;

/** Headers that change from run to run (clocks, SDK ids, tracing, derived lengths); never matched. */
export const DEFAULT_IGNORED_HEADERS: readonly string[] = [
  'date', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request',
  'x-ms-date', 'x-ms-client-request-id', 'x-request-id', 'x-client-request-id', 'traceparent', 'tracestate',
  'idempotency-key', 'user-agent', 'content-length', 'host', 'connection', 'keep-alive', 'transfer-encoding',
];

/** Query parameters that change from run to run (times, expiries, nonces, cache busters); never matched. */
export const DEFAULT_IGNORED_QUERY_PARAMETERS: readonly string[] = [
  'x-amz-date', 'x-amz-expires', 'x-amz-signedheaders', 'temp_url_expires', 'expires', 'timestamp', 'nonce', '_',
];

/** Settings of {@link createMatchRequestsBy}. */
export interface MatchingOptions {
  /** More headers to ignore (added to {@link DEFAULT_IGNORED_HEADERS} and the scrubber's secret headers). */
  readonly ignoreHeaders?: readonly string[] | undefined;
  /** More query parameters to ignore (added to the defaults and the scrubber's secret parameters). */
  readonly ignoreQueryParameters?: readonly string[] | undefined;
  /** Whose secret names are left out of matching; use the same scrubber as the adapter. Default {@link defaultScrubber}. */
  readonly scrubber?: Scrubber | undefined;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}

/** A body as matched: secret fields redacted, JSON re-serialised with sorted keys. */
export function normaliseBodyForMatching(body: unknown, scrubber: Scrubber = defaultScrubber): unknown {
  if (typeof body !== 'string') return body;
  const scrubbed = scrubber.body(body);
  try {
    const trimmed = scrubbed.trim();
    return trimmed.startsWith('{') || trimmed.startsWith('[') ? JSON.stringify(sortKeys(JSON.parse(scrubbed))) : scrubbed;
  } catch {
    return scrubbed;
  }
}

/**
 * Builds a `matchRequestsBy` that keeps what proves a request right — method, protocol, host, port, path, the
 * sorted query, the other headers, the body and the order — and leaves out what changes per run or is a secret:
 * volatile and secret headers, signature/credential/date/nonce query parameters, URL user info, secret body
 * fields. Because secrets are not part of a request's identity, replays work with fake credentials, and the
 * md5 request ids in a recording reveal nothing about them.
 */
export function createMatchRequestsBy(options: MatchingOptions = {}): MatchRequestsBy {
  const scrubber = options.scrubber ?? defaultScrubber;
  const ignoredHeaders = new Set([...DEFAULT_IGNORED_HEADERS, ...(options.ignoreHeaders ?? [])].map((name) => name.toLowerCase()));
  const ignoredQuery = new Set(
    [...DEFAULT_IGNORED_QUERY_PARAMETERS, ...scrubber.names.queryParameters, ...(options.ignoreQueryParameters ?? [])].map((name) => name.toLowerCase()),
  );
  return {
    method: true,
    headers: (headers) =>
      Object.fromEntries(
        Object.keys(headers)
          .filter((name) => !ignoredHeaders.has(name.toLowerCase()) && !scrubber.isSecretHeader(name))
          .sort()
          .map((name) => [name.toLowerCase(), headers[name] as string | string[]]),
      ),
    body: (body) => normaliseBodyForMatching(body, scrubber),
    order: true,
    url: {
      protocol: true,
      username: false,
      password: false,
      hostname: true,
      port: true,
      pathname: true,
      query: (query) => Object.fromEntries(Object.entries(query).filter(([name]) => !ignoredQuery.has(name.toLowerCase()))),
      hash: false,
    },
  };
}

/** The recommended matching: {@link createMatchRequestsBy} with the defaults. */
export const recommendedMatchRequestsBy: MatchRequestsBy = createMatchRequestsBy();

/**
 * Polly settings to spread into your config: {@link recommendedMatchRequestsBy} and `recordFailedRequests: true`
 * (error responses are part of what a driver must handle).
 */
export const recommendedPollyConfig: Readonly<Pick<PollyConfig, 'matchRequestsBy' | 'recordFailedRequests'>> = {
  matchRequestsBy: recommendedMatchRequestsBy,
  recordFailedRequests: true,
};
