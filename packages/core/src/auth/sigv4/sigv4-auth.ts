import type { AuthContext, AuthStrategy } from '../auth-strategy.js';
import type { HttpRequest } from '../../http/http-request.js';
import { signV4 } from './sign-v4.js';

/** AWS credentials as a credentials function returns them. */
export interface SigV4Credentials {
  /** The access key id, e.g. `AKIA…`. */
  readonly accessKeyId: string;
  /** The secret access key (never sent; only used to derive the signing key). */
  readonly secretAccessKey: string;
  /** Present for temporary credentials (STS, instance roles). */
  readonly sessionToken?: string | undefined;
}

/** Settings of {@link sigV4Auth}. */
export interface SigV4AuthSettings {
  /** Returns the current credentials; called on every request, so rotation is picked up. May throw. */
  readonly credentials: () => SigV4Credentials;
  /** e.g. `us-east-1`. */
  readonly region: string;
  /** Signing name of the service, e.g. `ec2` or `s3`. */
  readonly service: string;
  /** Sign the S3 way: path as given, not normalised, with `x-amz-content-sha256`. */
  readonly s3?: boolean | undefined;
}

/** A SigV4 strategy; `secrets` is always present. */
export interface SigV4AuthStrategy extends AuthStrategy {
  /** The secret keys and session tokens used so far, for redaction. */
  secrets(): readonly string[];
}

// Enough to cover a few credential rotations while keeping log scrubbing cheap in a long-running process.
const REMEMBERED_SECRETS = 8;

/**
 * An {@link AuthStrategy} that signs each request with AWS Signature Version 4 at `context.now()`.
 * `secrets()` lists the secret keys and session tokens it has used (none before the first request).
 *
 * @example
 * ```ts
 * const auth = sigV4Auth({
 *   credentials: () => ({ accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! }),
 *   region: 'eu-west-1',
 *   service: 's3',
 *   s3: true,
 * });
 * ```
 */
export function sigV4Auth(settings: SigV4AuthSettings): SigV4AuthStrategy {
  const seen = new Set<string>();
  const remember = (secret: string | undefined): void => {
    if (!secret) return;
    seen.delete(secret); // re-adding moves it to the end: the oldest is dropped first
    seen.add(secret);
    if (seen.size > REMEMBERED_SECRETS) seen.delete(seen.values().next().value ?? '');
  };
  const s3Options = settings.s3 === true ? { uriEscapePath: false, normalizePath: false, contentSha256Header: true } : {};
  return {
    name: 'sigv4',
    authorize(request: HttpRequest, context: AuthContext): HttpRequest {
      const { accessKeyId, secretAccessKey, sessionToken } = settings.credentials();
      // Remembered before signing, so even an error raised while signing is scrubbed.
      remember(secretAccessKey);
      remember(sessionToken);
      return signV4(request, {
        accessKeyId,
        secretAccessKey,
        sessionToken,
        region: settings.region,
        service: settings.service,
        date: context.now(),
        ...s3Options,
      });
    },
    secrets: () => [...seen],
  };
}
