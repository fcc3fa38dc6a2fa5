import {
  ValidationError,
  parseEndpoint,
  readCredential,
  validateCredentialOption,
  validateTimeout,
  type BasicCredentials,
  type TransportSettings,
} from '@multicloud/core';
import { CLOUDSIGMA, CLOUDSIGMA_REGIONS, CLOUDSIGMA_V1_REGIONS } from './cloudsigma-regions.js';

/** The CloudSigma API versions: `2.0` (JSON, the default) and `1.0` (plain-text key/value, deprecated by CloudSigma). */
export type CloudSigmaApiVersion = '1.0' | '2.0';

/** Settings of `createCloudSigmaCompute`. Credentials fall back to `CLOUDSIGMA_USERNAME` / `CLOUDSIGMA_PASSWORD`. */
export interface CloudSigmaComputeSettings extends TransportSettings {
  /** Account e-mail (HTTP Basic user name); default `CLOUDSIGMA_USERNAME`. */
  readonly username?: string | undefined;
  /** Account password; default `CLOUDSIGMA_PASSWORD`. */
  readonly password?: string | undefined;
  /** Location id, e.g. `zrh`; default `CLOUDSIGMA_REGION`, then `zrh`. */
  readonly region?: string | undefined;
  /** Which API to speak; default `2.0`. */
  readonly apiVersion?: CloudSigmaApiVersion | undefined;
  /**
   * API base URL replacing the region's (`https://<region>.cloudsigma.com/api/2.0` or
   * `https://api.<region>.cloudsigma.com` for 1.0): private clouds, proxies, emulators.
   */
  readonly endpoint?: string | URL | undefined;
  /** Pause between checks while waiting for a server or drive to change state, in ms; default 2 000. */
  readonly pollIntervalMs?: number | undefined;
  /** Longest wait for a server or drive to change state, in ms; default 600 000. */
  readonly pollTimeoutMs?: number | undefined;
}

/** Settings once checked. */
export interface ResolvedCloudSigmaSettings {
  /** The API version in force. */
  readonly apiVersion: CloudSigmaApiVersion;
  /** The region in force. */
  readonly region: string;
  /** The API base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** How long and how often to poll. */
  readonly poll: { readonly intervalMs: number | undefined; readonly timeoutMs: number | undefined };
  /** Reads the credentials on each request (settings first, then environment). */
  readonly credentials: () => BasicCredentials;
}

/**
 * Checks CloudSigma settings without any I/O: blank credentials, an unknown API version, an unknown region (unless
 * `endpoint` says where to go), a malformed endpoint and bad poll timings are `ValidationError`s; missing
 * credentials are reported on first use only.
 */
export function resolveCloudSigmaSettings(settings: CloudSigmaComputeSettings, environment: Readonly<Record<string, string | undefined>> = process.env): ResolvedCloudSigmaSettings {
  for (const option of ['username', 'password', 'region'] as const) validateCredentialOption(option, settings[option]);
  const apiVersion = settings.apiVersion ?? '2.0';
  if (apiVersion !== '1.0' && apiVersion !== '2.0') throw new ValidationError('apiVersion', `must be '1.0' or '2.0', got ${JSON.stringify(apiVersion)}`);
  validateTimeout(settings.pollIntervalMs, 'pollIntervalMs');
  validateTimeout(settings.pollTimeoutMs, 'pollTimeoutMs');
  const endpoint = settings.endpoint === undefined ? undefined : parseEndpoint(settings.endpoint);
  const region = settings.region ?? (environment.CLOUDSIGMA_REGION?.trim() || 'zrh');
  const regions = apiVersion === '2.0' ? CLOUDSIGMA_REGIONS : CLOUDSIGMA_V1_REGIONS;
  if (!Object.hasOwn(regions, region) && endpoint === undefined) {
    throw new ValidationError('region', `unknown CloudSigma API ${apiVersion} region "${region}"; known: ${Object.keys(regions).join(', ')} (or set \`endpoint\`)`);
  }
  return {
    apiVersion,
    region,
    baseUrl: endpoint ?? (apiVersion === '2.0' ? `https://${region}.cloudsigma.com/api/2.0` : `https://api.${region}.cloudsigma.com`),
    poll: { intervalMs: settings.pollIntervalMs, timeoutMs: settings.pollTimeoutMs },
    credentials: () => ({
      username: readCredential(CLOUDSIGMA, settings.username, { option: 'username', environmentVariable: 'CLOUDSIGMA_USERNAME' }, environment),
      password: readCredential(CLOUDSIGMA, settings.password, { option: 'password', environmentVariable: 'CLOUDSIGMA_PASSWORD' }, environment),
    }),
  };
}
