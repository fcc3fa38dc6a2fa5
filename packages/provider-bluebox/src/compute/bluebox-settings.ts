import { parseEndpoint, readCredential, validateCredentialOption, type BasicCredentials, type TransportSettings } from '@multicloud/core';

/** Provider id of every Bluebox model. */
export const BLUEBOX = 'bluebox';

/** The Blocks API's default base URL. */
export const BLUEBOX_ENDPOINT = 'https://boxpanel.bluebox.net';

/** Settings of `createBlueboxCompute`. Credentials fall back to `BLUEBOX_CUSTOMER_ID` / `BLUEBOX_API_KEY`. */
export interface BlueboxComputeSettings extends TransportSettings {
  /** Customer id (HTTP Basic user name); default `BLUEBOX_CUSTOMER_ID`. */
  readonly customerId?: string | undefined;
  /** API key (HTTP Basic password); default `BLUEBOX_API_KEY`. */
  readonly apiKey?: string | undefined;
  /** Base URL replacing `https://boxpanel.bluebox.net` (proxies, emulators). */
  readonly endpoint?: string | URL | undefined;
}

/** Settings once checked. */
export interface ResolvedBlueboxSettings {
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Reads the credentials on each request (settings first, then environment). */
  readonly credentials: () => BasicCredentials;
}

/**
 * Checks Bluebox settings without any I/O: blank credentials and a malformed endpoint are `ValidationError`s;
 * missing credentials are reported on first use only.
 */
export function resolveBlueboxSettings(settings: BlueboxComputeSettings, environment: Readonly<Record<string, string | undefined>> = process.env): ResolvedBlueboxSettings {
  validateCredentialOption('customerId', settings.customerId);
  validateCredentialOption('apiKey', settings.apiKey);
  return {
    baseUrl: settings.endpoint === undefined ? BLUEBOX_ENDPOINT : parseEndpoint(settings.endpoint),
    credentials: () => ({
      username: readCredential(BLUEBOX, settings.customerId, { option: 'customerId', environmentVariable: 'BLUEBOX_CUSTOMER_ID' }, environment),
      password: readCredential(BLUEBOX, settings.apiKey, { option: 'apiKey', environmentVariable: 'BLUEBOX_API_KEY' }, environment),
    }),
  };
}
