import {
  MissingCredentialsError,
  ValidationError,
  parseEndpoint,
  readCredential,
  validateCredentialOption,
  validateTimeout,
  type ApiKeyCredentials,
  type PasswordCredentials,
  type TransportSettings,
} from '@multicloud/core';
import { RACKSPACE_REGIONS, isRackspaceRegion, type RackspaceRegion } from './rackspace-regions.js';

/** Provider id of every Rackspace driver and model. */
export const RACKSPACE = 'rackspace';

/** Rackspace's Keystone v2.0 identity endpoint (all regions, US and UK accounts alike). */
export const RACKSPACE_AUTH_URL = 'https://identity.api.rackspacecloud.com/v2.0';

/** Rackspace's legacy v1.0 auth endpoint, the default when `authVersion` is `'1.0'`. */
export const RACKSPACE_AUTH_URL_V1 = 'https://identity.api.rackspacecloud.com/v1.0';

/** Settings every Rackspace driver accepts. Credentials fall back to `RACKSPACE_*` environment variables. */
export interface RackspaceSettings extends TransportSettings {
  /** Account user name; default `RACKSPACE_USERNAME`. */
  readonly username?: string | undefined;
  /** API key (preferred); default `RACKSPACE_API_KEY`. Give this or `password`, not both. */
  readonly apiKey?: string | undefined;
  /** Account password; default `RACKSPACE_PASSWORD` (read only when no API key is set anywhere). */
  readonly password?: string | undefined;
  /** Region: `dfw`, `ord`, `iad`, `lon`, `syd` or `hkg` (any case); default `RACKSPACE_REGION`, then `dfw`. */
  readonly region?: string | undefined;
  /** Identity endpoint; default {@link RACKSPACE_AUTH_URL} (or {@link RACKSPACE_AUTH_URL_V1} for `authVersion: '1.0'`). */
  readonly authUrl?: string | URL | undefined;
  /** Identity protocol; default `'2.0'` (Keystone v2.0 with a service catalog). `'1.0'` needs `endpoint`. */
  readonly authVersion?: '2.0' | '1.0' | undefined;
  /** Service base URL (including the tenant) replacing the one the service catalog gives. */
  readonly endpoint?: string | URL | undefined;
}

/** What a Rackspace driver needs from its settings once they are checked. */
export interface ResolvedRackspaceSettings {
  /** The region in force. */
  readonly region: RackspaceRegion;
  /** The identity endpoint, checked. */
  readonly authUrl: string;
  /** The identity protocol. */
  readonly authVersion: '2.0' | '1.0';
  /** The service URL override, checked, without a trailing slash. */
  readonly endpoint: string | undefined;
  /** Reads the credentials on each identity exchange (settings first, then environment). */
  readonly credentials: () => ApiKeyCredentials | PasswordCredentials;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Checks Rackspace settings without any I/O: blank credentials, both `apiKey` and `password`, an unknown region or
 * auth version, a malformed `authUrl`/`endpoint` and bad transport timeouts are `ValidationError`s; missing
 * credentials are reported on first use only (`MissingCredentialsError`).
 */
export function resolveRackspaceSettings(settings: RackspaceSettings, environment: Environment = process.env): ResolvedRackspaceSettings {
  for (const option of ['username', 'apiKey', 'password', 'region'] as const) validateCredentialOption(option, settings[option]);
  if (settings.apiKey !== undefined && settings.password !== undefined) {
    throw new ValidationError('password', 'give either `apiKey` or `password`, not both');
  }
  validateTimeout(settings.timeoutMs, 'timeoutMs');
  const authVersion = settings.authVersion ?? '2.0';
  if (authVersion !== '2.0' && authVersion !== '1.0') {
    throw new ValidationError('authVersion', `must be '2.0' or '1.0', got ${JSON.stringify(authVersion)}`);
  }
  const authUrl = parseEndpoint(settings.authUrl ?? (authVersion === '1.0' ? RACKSPACE_AUTH_URL_V1 : RACKSPACE_AUTH_URL), 'authUrl');
  const endpoint = settings.endpoint === undefined ? undefined : parseEndpoint(settings.endpoint);
  const region = (settings.region ?? environment.RACKSPACE_REGION ?? 'dfw').trim().toLowerCase();
  if (!isRackspaceRegion(region)) {
    throw new ValidationError('region', `unknown Rackspace region "${region}"; known: ${Object.keys(RACKSPACE_REGIONS).join(', ')}`);
  }
  return { region, authUrl, authVersion, endpoint, credentials: () => readRackspaceCredentials(settings, environment) };
}

/** API key first (setting, then `RACKSPACE_API_KEY`), then password (setting, then `RACKSPACE_PASSWORD`). */
function readRackspaceCredentials(settings: RackspaceSettings, environment: Environment): ApiKeyCredentials | PasswordCredentials {
  const username = readCredential(RACKSPACE, settings.username, { option: 'username', environmentVariable: 'RACKSPACE_USERNAME' }, environment);
  if (settings.apiKey !== undefined) return { username, apiKey: settings.apiKey };
  if (settings.password !== undefined) return { username, password: settings.password };
  if (environment.RACKSPACE_API_KEY) {
    return { username, apiKey: readCredential(RACKSPACE, undefined, { option: 'apiKey', environmentVariable: 'RACKSPACE_API_KEY' }, environment) };
  }
  if (environment.RACKSPACE_PASSWORD) {
    return { username, password: readCredential(RACKSPACE, undefined, { option: 'password', environmentVariable: 'RACKSPACE_PASSWORD' }, environment) };
  }
  throw new MissingCredentialsError({ provider: RACKSPACE, option: 'apiKey', environmentVariable: 'RACKSPACE_API_KEY' });
}
