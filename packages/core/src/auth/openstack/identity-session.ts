import type { AuthContext } from '../auth-strategy.js';
import type { ServiceCatalog } from './service-catalog.js';

/** What an identity exchange (Keystone v1 or v2) yields: a token and where the account's services live. */
export interface IdentitySession {
  /** The token to send with every request. A secret. */
  readonly token: string;
  /** When the token stops working, if the identity service said; absent means "until a 401". */
  readonly expiresAt?: Date | undefined;
  /** The tenant (project, account) the token is scoped to, when the identity service said. */
  readonly tenantId?: string | undefined;
  /** The services the account may use; look URLs up with `findEndpoint`. */
  readonly catalog: ServiceCatalog;
  /** Extra named URLs outside the catalog; Keystone v1 fills `storage`, `compute` and `cdn`. */
  readonly endpoints: Readonly<Record<string, string>>;
}

/**
 * Trades credentials for an {@link IdentitySession}. It sends through `context.request` (unauthenticated), so the
 * driver's transport settings, logging and error classification apply to the exchange too.
 */
export interface IdentityExchange {
  /** Performs one exchange. @throws InvalidCredentialsError when refused; MalformedResponseError for an unexpected answer */
  (context: AuthContext): Promise<IdentitySession>;
  /** The credential values (API key, password) the exchange sends, so transports can scrub them from logs. */
  secrets(): readonly string[];
}
