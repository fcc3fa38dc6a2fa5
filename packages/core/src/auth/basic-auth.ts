import { withHeaders } from '../http/http-request.js';
import type { AuthStrategy } from './auth-strategy.js';

/** A user name and password for HTTP Basic. */
export interface BasicCredentials {
  /** User name (CloudSigma: e-mail; Bluebox: customer id). */
  readonly username: string;
  /** Password or API key. */
  readonly password: string;
}

/**
 * HTTP Basic authentication (RFC 7617). `credentials` is called on each request, so it may read settings lazily
 * and throw `MissingCredentialsError`.
 *
 * @example
 * ```ts
 * const auth = basicAuth(() => ({ username: 'me@example.com', password: process.env.CLOUDSIGMA_PASSWORD! }));
 * ```
 */
export function basicAuth(credentials: () => BasicCredentials): AuthStrategy {
  const seen = new Set<string>();
  return {
    name: 'basic',
    authorize(request) {
      const { username, password } = credentials();
      const token = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
      seen.add(password).add(token);
      return withHeaders(request, { Authorization: `Basic ${token}` });
    },
    secrets: () => [...seen],
  };
}
