import {
  ValidationError,
  parseEndpoint,
  readCredential,
  validateCredentialOption,
  type SigV4Credentials,
  type TransportSettings,
} from '@multicloud/core';
import { AWS_REGIONS, isAwsRegion } from './aws-regions.js';

/** Settings of every AWS driver (EC2, S3, ELB). Credentials fall back to the standard AWS environment variables. */
export interface AwsSettings extends TransportSettings {
  /** Access key id; default `AWS_ACCESS_KEY_ID`. */
  readonly accessKeyId?: string | undefined;
  /** Secret access key; default `AWS_SECRET_ACCESS_KEY`. */
  readonly secretAccessKey?: string | undefined;
  /** Session token of temporary credentials; default `AWS_SESSION_TOKEN`. */
  readonly sessionToken?: string | undefined;
  /** Region, e.g. `eu-west-1`; default `AWS_REGION`, then `us-east-1`. */
  readonly region?: string | undefined;
  /** Base URL replacing the region's endpoint (emulators, proxies, private endpoints). */
  readonly endpoint?: string | URL | undefined;
}

/** What an AWS driver needs from its settings once they are checked. */
export interface ResolvedAwsSettings {
  /** The region in force. */
  readonly region: string;
  /** The endpoint override, checked, without a trailing slash. */
  readonly endpoint: string | undefined;
  /** Reads the credentials on each request (settings first, then environment). */
  readonly credentials: () => SigV4Credentials;
}

/**
 * Checks AWS settings without any I/O: blank credentials, an unknown region (unless an endpoint override says
 * where to go) and a malformed endpoint are `ValidationError`s; missing credentials are only reported on first use.
 */
export function resolveAwsSettings(provider: string, settings: AwsSettings, environment: Readonly<Record<string, string | undefined>> = process.env): ResolvedAwsSettings {
  for (const option of ['accessKeyId', 'secretAccessKey', 'sessionToken', 'region'] as const) validateCredentialOption(option, settings[option]);
  const endpoint = settings.endpoint === undefined ? undefined : parseEndpoint(settings.endpoint);
  const region = settings.region ?? environment.AWS_REGION ?? 'us-east-1';
  if (!isAwsRegion(region) && endpoint === undefined) {
    const known = Object.keys(AWS_REGIONS).join(', ');
    throw new ValidationError('region', `unknown AWS region "${region}"; known: ${known} (or set \`endpoint\` for another one)`);
  }
  return {
    region,
    endpoint,
    credentials: () => {
      const sessionToken = settings.sessionToken ?? (settings.accessKeyId === undefined ? environment.AWS_SESSION_TOKEN || undefined : undefined);
      return {
        accessKeyId: readCredential(provider, settings.accessKeyId, { option: 'accessKeyId', environmentVariable: 'AWS_ACCESS_KEY_ID' }, environment),
        secretAccessKey: readCredential(provider, settings.secretAccessKey, { option: 'secretAccessKey', environmentVariable: 'AWS_SECRET_ACCESS_KEY' }, environment),
        ...(sessionToken === undefined ? {} : { sessionToken }),
      };
    },
  };
}
