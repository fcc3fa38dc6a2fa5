import {
  parseEndpoint,
  readCredential,
  validateCredentialOption,
  validateTimeout,
  type GoGridCredentials,
  type TransportSettings,
} from '@multicloud/core';

/** GoGrid's API base URL (API 1.8). */
export const GOGRID_ENDPOINT = 'https://api.gogrid.com/api';

/** Default pause between checks while waiting for GoGrid to finish an asynchronous add, in ms. */
export const DEFAULT_GOGRID_POLL_INTERVAL_MS = 10_000;

/** Default longest wait for GoGrid to finish an asynchronous add (a server getting its id), in ms: 20 minutes. */
export const DEFAULT_GOGRID_POLL_TIMEOUT_MS = 1_200_000;

/** Settings of every GoGrid driver (compute and load balancer). */
export interface GoGridSettings extends TransportSettings {
  /** API key; default the `GOGRID_API_KEY` environment variable. */
  readonly apiKey?: string | undefined;
  /** Shared secret of the key (only hashed into `sig`, never sent); default `GOGRID_SHARED_SECRET`. */
  readonly sharedSecret?: string | undefined;
  /** Base URL replacing `https://api.gogrid.com/api` (proxies, test servers). */
  readonly endpoint?: string | URL | undefined;
  /** Pause between checks while waiting for a new server or balancer to get its id, in ms. Default 10 000. */
  readonly pollIntervalMs?: number | undefined;
  /** Longest wait for a new server or balancer to get its id, in ms. Default 1 200 000 (20 minutes). */
  readonly pollTimeoutMs?: number | undefined;
}

/** What a GoGrid client needs from its settings once they are checked. */
export interface ResolvedGoGridSettings {
  /** The base URL, without a trailing slash. */
  readonly endpoint: string;
  /** Pause between polls, in ms. */
  readonly pollIntervalMs: number;
  /** Longest wait of a poll, in ms. */
  readonly pollTimeoutMs: number;
  /** Reads the credentials on each request (settings first, then environment). */
  readonly credentials: () => GoGridCredentials;
}

/**
 * Checks GoGrid settings without any I/O: blank credentials, a malformed endpoint and bad poll timings are
 * `ValidationError`s at once; missing credentials are only reported (as `MissingCredentialsError`) on first use.
 */
export function resolveGoGridSettings(
  provider: string,
  settings: GoGridSettings,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedGoGridSettings {
  validateCredentialOption('apiKey', settings.apiKey);
  validateCredentialOption('sharedSecret', settings.sharedSecret);
  validateTimeout(settings.pollIntervalMs, 'pollIntervalMs');
  validateTimeout(settings.pollTimeoutMs, 'pollTimeoutMs');
  return {
    endpoint: settings.endpoint === undefined ? GOGRID_ENDPOINT : parseEndpoint(settings.endpoint),
    pollIntervalMs: settings.pollIntervalMs ?? DEFAULT_GOGRID_POLL_INTERVAL_MS,
    pollTimeoutMs: settings.pollTimeoutMs ?? DEFAULT_GOGRID_POLL_TIMEOUT_MS,
    credentials: () => ({
      apiKey: readCredential(provider, settings.apiKey, { option: 'apiKey', environmentVariable: 'GOGRID_API_KEY' }, environment),
      sharedSecret: readCredential(provider, settings.sharedSecret, { option: 'sharedSecret', environmentVariable: 'GOGRID_SHARED_SECRET' }, environment),
    }),
  };
}
