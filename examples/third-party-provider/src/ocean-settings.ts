import { ValidationError, parseEndpoint, readCredential, validateCredentialOption, type TransportSettings } from '@multicloud/core';

/** Provider id of every Ocean model, and its registry id. */
export const OCEAN = 'ocean';

/** The Ocean API's default base URL (the API's paths start with `/v2`). */
export const OCEAN_ENDPOINT = 'https://api.ocean.example';

/** Ocean's regions by slug, with the ISO country of each (the API's `/v2/regions` does not say). */
export const OCEAN_REGIONS: Readonly<Record<string, string>> = Object.freeze({
  nyc1: 'US', nyc3: 'US', sfo3: 'US', ams3: 'NL', lon1: 'GB', fra1: 'DE', tor1: 'CA', sgp1: 'SG', blr1: 'IN', syd1: 'AU',
});

/** Settings of `createOceanCompute`. The token falls back to `OCEAN_TOKEN`. */
export interface OceanComputeSettings extends TransportSettings {
  /** Personal access token, sent as `Authorization: Bearer …`; default `OCEAN_TOKEN`. */
  readonly token?: string | undefined;
  /** Region new droplets go to when `createNode` names no location; default `nyc3`. */
  readonly region?: string | undefined;
  /** Base URL replacing `https://api.ocean.example` (proxies, emulators). */
  readonly endpoint?: string | URL | undefined;
}

/** Settings once checked. */
export interface ResolvedOceanSettings {
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** The default region's slug. */
  readonly region: string;
  /** Reads the token on each request (settings first, then environment). */
  readonly token: () => string;
}

/**
 * Checks Ocean settings without any I/O: a blank token, an unknown region and a malformed endpoint are
 * `ValidationError`s; a missing token is reported on the first request only.
 */
export function resolveOceanSettings(settings: OceanComputeSettings, environment: Readonly<Record<string, string | undefined>> = process.env): ResolvedOceanSettings {
  validateCredentialOption('token', settings.token);
  const region = settings.region ?? 'nyc3';
  if (!Object.hasOwn(OCEAN_REGIONS, region)) {
    throw new ValidationError('region', `unknown Ocean region "${region}" (known: ${Object.keys(OCEAN_REGIONS).join(', ')})`);
  }
  return {
    baseUrl: settings.endpoint === undefined ? OCEAN_ENDPOINT : parseEndpoint(settings.endpoint),
    region,
    token: () => readCredential(OCEAN, settings.token, { option: 'token', environmentVariable: 'OCEAN_TOKEN' }, environment),
  };
}
