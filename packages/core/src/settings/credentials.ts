import { MissingCredentialsError, ValidationError } from '../errors/errors.js';

/** Where a credential may come from: a setting, then an environment variable. */
export interface CredentialSource {
  /** The setting's name, e.g. `accessKeyId`. */
  readonly option: string;
  /** The environment variable read when the setting is absent, e.g. `AWS_ACCESS_KEY_ID`. */
  readonly environmentVariable?: string | undefined;
}

/**
 * Rejects a credential that was given but is blank, at construction time (a missing one is fine until first use).
 * @throws ValidationError naming the setting
 */
export function validateCredentialOption(option: string, value: string | undefined): void {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
    throw new ValidationError(option, 'must be a non-empty string when given');
  }
}

/**
 * Reads a credential: the setting if given, else the environment variable. Call it on first request, never in a
 * factory, so building a driver never fails for missing credentials.
 * @throws MissingCredentialsError naming both the setting and the variable
 * @throws ValidationError when the environment variable is set but blank
 */
export function readCredential(
  provider: string,
  value: string | undefined,
  source: CredentialSource,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): string {
  if (value !== undefined) return value;
  const fromEnvironment = source.environmentVariable ? environment[source.environmentVariable] : undefined;
  if (fromEnvironment === undefined || fromEnvironment === '') {
    throw new MissingCredentialsError({ provider, option: source.option, environmentVariable: source.environmentVariable });
  }
  if (fromEnvironment.trim() === '') throw new ValidationError(source.environmentVariable as string, 'is set but blank');
  return fromEnvironment;
}

/** Memoises `compute` once it succeeds (a failure is thrown again and retried on the next call). */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}
