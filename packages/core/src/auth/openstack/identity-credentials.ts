import { ValidationError } from '../../errors/errors.js';
import { isRecord, stringField } from './identity-response.js';

/** Rackspace's API-key credentials (Keystone v2 `RAX-KSKEY:apiKeyCredentials`; the key of Keystone v1). */
export interface ApiKeyCredentials {
  /** The account's user name. */
  readonly username: string;
  /** The API key. A secret. */
  readonly apiKey: string;
}

/** Standard Keystone password credentials. */
export interface PasswordCredentials {
  /** The account's user name. */
  readonly username: string;
  /** The password. A secret. */
  readonly password: string;
}

/** Checks an identity URL. @throws ValidationError naming `authUrl` */
export function checkAuthUrl(authUrl: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(authUrl);
  } catch {
    // reported below
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    throw new ValidationError('authUrl', `must be an http(s) URL, got ${JSON.stringify(authUrl)}`);
  }
  return authUrl;
}

/**
 * The secret values (`apiKey`, `password`) of a credentials source, for log scrubbing. Never throws: it runs
 * inside the transport's scrubber, and a credentials source failing there must not break a request.
 */
export function credentialSecrets(credentials: () => unknown): readonly string[] {
  try {
    const value = credentials();
    if (!isRecord(value)) return [];
    return ['apiKey', 'password'].map((key) => stringField(value, key)).filter((secret): secret is string => secret !== undefined);
  } catch {
    return [];
  }
}

/**
 * Reads and checks credentials for an exchange: a user name and exactly one non-empty `apiKey` or `password`.
 * @throws ValidationError naming the faulty field
 */
export function readCredentials(credentials: () => unknown): { username: string; apiKey: string } | { username: string; password: string } {
  const value = credentials();
  const record = isRecord(value) ? value : {};
  const username = stringField(record, 'username');
  if (!username) throw new ValidationError('credentials.username', 'must be a non-empty string');
  const apiKey = stringField(record, 'apiKey');
  const password = stringField(record, 'password');
  if ((apiKey === undefined) === (password === undefined)) throw new ValidationError('credentials', 'give exactly one of `apiKey` and `password`');
  if (apiKey !== undefined) {
    if (!apiKey) throw new ValidationError('credentials.apiKey', 'is empty');
    return { username, apiKey };
  }
  if (!password) throw new ValidationError('credentials.password', 'is empty');
  return { username, password };
}
