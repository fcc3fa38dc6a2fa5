import {
  MissingCredentialsError,
  ValidationError,
  keystoneV1Exchange,
  keystoneV2Exchange,
  parseEndpoint,
  readCredential,
  validateCredentialOption,
  validateTimeout,
  type ApiKeyCredentials,
  type IdentityExchange,
  type PasswordCredentials,
  type TransportSettings,
} from '@multicloud/core';
import type { SwiftStorageOptions } from './swift-settings.js';

/** Provider id of the generic OpenStack Swift driver and its models. */
export const OPENSTACK_SWIFT = 'openstack-swift';

/** Settings of `createOpenStackSwiftStorage`. Unset values fall back to the usual `OS_*` environment variables. */
export interface OpenStackSwiftSettings extends TransportSettings, SwiftStorageOptions {
  /** Identity URL: Keystone v2.0 (`https://keystone:5000/v2.0`) or v1.0 (`http://swift:8080/auth/v1.0`); default `OS_AUTH_URL`. */
  readonly authUrl?: string | URL | undefined;
  /** User name (v1.0 tempauth: `<account>:<user>`); default `OS_USERNAME`. */
  readonly username?: string | undefined;
  /** API key: v1.0 `X-Auth-Key`, or v2.0 Rackspace-style `RAX-KSKEY:apiKeyCredentials`. Give this or `password`. */
  readonly apiKey?: string | undefined;
  /** Password: v2.0 `passwordCredentials` (v1.0 sends it as `X-Auth-Key`); default `OS_PASSWORD`. */
  readonly password?: string | undefined;
  /** Identity protocol; default `'1.0'` when the auth URL's path ends in `/v1.0` (or `/v1`), else `'2.0'`. */
  readonly authVersion?: '1.0' | '2.0' | undefined;
  /** Catalog region of the object store (v2.0); default `OS_REGION_NAME`, else the only one there is. */
  readonly region?: string | undefined;
  /** Tenant (project) to scope the v2.0 token to, by name; default `OS_TENANT_NAME`. */
  readonly tenantName?: string | undefined;
  /** Tenant to scope the v2.0 token to, by id; default `OS_TENANT_ID`. */
  readonly tenantId?: string | undefined;
  /** Catalog name of the object store, when the catalog has several of type `object-store` (e.g. `swift`). */
  readonly serviceName?: string | undefined;
  /** Account URL (`https://swift.example/v1/AUTH_<project>`) replacing the one the identity service gives. */
  readonly endpoint?: string | URL | undefined;
}

/** What the generic Swift driver needs from its settings once they are checked. */
export interface ResolvedOpenStackSwiftSettings {
  /** The identity exchange (it fails with `MissingCredentialsError` when no auth URL was given anywhere). */
  readonly exchange: IdentityExchange;
  /** The identity protocol. */
  readonly authVersion: '1.0' | '2.0';
  /** The catalog region, when given. */
  readonly region: string | undefined;
  /** The catalog name of the object store, when given. */
  readonly serviceName: string | undefined;
  /** The account URL override, checked. */
  readonly endpoint: string | undefined;
}

type Environment = Readonly<Record<string, string | undefined>>;
const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/**
 * Checks the settings without any I/O: blank values, both `apiKey` and `password`, an unknown auth version, a
 * Keystone v3 URL and malformed URLs are `ValidationError`s; missing credentials (and a missing auth URL) are
 * reported on first use only (`MissingCredentialsError`).
 */
export function resolveOpenStackSwiftSettings(settings: OpenStackSwiftSettings, environment: Environment = process.env): ResolvedOpenStackSwiftSettings {
  for (const option of ['username', 'apiKey', 'password', 'region', 'tenantName', 'tenantId', 'serviceName'] as const) validateCredentialOption(option, settings[option]);
  if (settings.apiKey !== undefined && settings.password !== undefined) throw new ValidationError('password', 'give either `apiKey` or `password`, not both');
  validateTimeout(settings.timeoutMs, 'timeoutMs');
  const rawAuthUrl = settings.authUrl ?? nonEmpty(environment.OS_AUTH_URL);
  const authUrl = rawAuthUrl === undefined ? undefined : parseEndpoint(rawAuthUrl, 'authUrl');
  const path = authUrl === undefined ? '' : new URL(authUrl).pathname.replace(/\/+$/, '');
  if (/\/v3$/.test(path)) throw new ValidationError('authUrl', 'Keystone v3 is not supported; give the v2.0 (`…/v2.0`) or v1.0 (`…/auth/v1.0`) identity URL');
  const authVersion = settings.authVersion ?? (/\/v1(\.0)?$/.test(path) ? '1.0' : '2.0');
  if (authVersion !== '1.0' && authVersion !== '2.0') throw new ValidationError('authVersion', `must be '1.0' or '2.0', got ${JSON.stringify(authVersion)}`);

  const credentials = (): ApiKeyCredentials | PasswordCredentials => {
    const username = readCredential(OPENSTACK_SWIFT, settings.username, { option: 'username', environmentVariable: 'OS_USERNAME' }, environment);
    if (settings.apiKey !== undefined) return { username, apiKey: settings.apiKey };
    return { username, password: readCredential(OPENSTACK_SWIFT, settings.password, { option: 'password', environmentVariable: 'OS_PASSWORD' }, environment) };
  };
  const tenantName = settings.tenantName ?? nonEmpty(environment.OS_TENANT_NAME);
  const tenantId = settings.tenantId ?? nonEmpty(environment.OS_TENANT_ID);
  let exchange: IdentityExchange;
  if (authUrl === undefined) {
    exchange = Object.assign(async (): Promise<never> => {
      throw new MissingCredentialsError({ provider: OPENSTACK_SWIFT, option: 'authUrl', environmentVariable: 'OS_AUTH_URL' });
    }, { secrets: () => [] });
  } else if (authVersion === '1.0') {
    // v1.0 sends the secret as X-Auth-Key, whichever kind it is.
    exchange = keystoneV1Exchange({ authUrl, credentials: () => { const given = credentials(); return 'apiKey' in given ? given : { username: given.username, apiKey: given.password }; } });
  } else {
    exchange = keystoneV2Exchange({ authUrl, credentials, tenantName, tenantId });
  }
  return {
    exchange,
    authVersion,
    region: settings.region ?? nonEmpty(environment.OS_REGION_NAME),
    serviceName: settings.serviceName,
    endpoint: settings.endpoint === undefined ? undefined : parseEndpoint(settings.endpoint),
  };
}
