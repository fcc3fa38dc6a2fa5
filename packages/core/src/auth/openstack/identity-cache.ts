import { ValidationError } from '../../errors/errors.js';
import type { AuthContext } from '../auth-strategy.js';
import type { IdentityExchange, IdentitySession } from './identity-session.js';
import { raceAbort } from '../../async/deadline.js';

/** Settings of {@link createIdentityCache}. */
export interface IdentityCacheOptions {
  /** Exchange again this long before the token expires, so no request leaves with a dying token. Default 5 min. */
  readonly refreshBeforeMs?: number | undefined;
}

/** Keeps one identity session per driver and renews it, with at most one exchange in flight. */
export interface IdentityCache {
  /** The current session, exchanging credentials first when there is none or it is about to expire. */
  current(context: AuthContext): Promise<IdentitySession>;
  /**
   * Drops the cached session if its token is `token` (the one a request was refused with). A token that was
   * already replaced is ignored, so many concurrent 401s for the same stale token cause a single new exchange.
   */
  invalidate(token: string): void;
  /** The token of the latest successful exchange, if any. */
  lastToken(): string | undefined;
  /** Every secret to scrub from logs: the exchange's credentials and the recent tokens. */
  secrets(): readonly string[];
}

/** How many past tokens stay in `secrets()`: a replaced token may still be echoed in a late error body. */
const REMEMBERED_TOKENS = 4;

interface Flight {
  readonly promise: Promise<IdentitySession>;
  readonly signal: AbortSignal | undefined;
}

/**
 * Wraps an identity exchange in a single-flight cache: concurrent callers share one exchange; a session is
 * reused until `refreshBeforeMs` before it expires or until it is invalidated; a failed exchange is not cached.
 *
 * @throws ValidationError when `refreshBeforeMs` is negative or not finite
 *
 * @example
 * ```ts
 * const cache = createIdentityCache(keystoneV2Exchange({ authUrl, credentials }), { refreshBeforeMs: 60_000 });
 * const transport = createTransport({ provider: 'rackspace', auth: identityTokenAuth(cache) });
 * const { catalog } = await cache.current(transport.authContext());
 * ```
 */
export function createIdentityCache(exchange: IdentityExchange, options: IdentityCacheOptions = {}): IdentityCache {
  const refreshBeforeMs = options.refreshBeforeMs ?? 300_000;
  if (!Number.isFinite(refreshBeforeMs) || refreshBeforeMs < 0) {
    throw new ValidationError('refreshBeforeMs', `must be a non-negative number of milliseconds, got ${String(refreshBeforeMs)}`);
  }
  let session: IdentitySession | undefined;
  let flight: Flight | undefined;
  const tokens: string[] = [];

  const isFresh = (candidate: IdentitySession, now: Date) =>
    candidate.expiresAt === undefined || candidate.expiresAt.getTime() - refreshBeforeMs > now.getTime();

  function start(context: AuthContext): Flight {
    const promise = exchange(context).then((fresh) => {
      session = fresh;
      tokens.unshift(fresh.token);
      tokens.length = Math.min(tokens.length, REMEMBERED_TOKENS);
      return fresh;
    });
    const started: Flight = { promise, signal: context.signal };
    flight = started;
    // Settled either way, the flight is over; a failure is not kept, so the next caller tries again.
    const finish = () => {
      if (flight === started) flight = undefined;
    };
    promise.then(finish, finish);
    return started;
  }

  async function current(context: AuthContext): Promise<IdentitySession> {
    for (;;) {
      if (session && isFresh(session, context.now())) return session;
      const joined = flight ?? start(context);
      try {
        return await (context.signal ? raceAbort(joined.promise, context.signal) : joined.promise);
      } catch (error) {
        // The shared exchange carried the signal of whoever started it. If *that* caller gave up, the others
        // have not: start again on their behalf instead of failing them with someone else's abort.
        if (joined.signal?.aborted && !context.signal?.aborted) continue;
        throw error;
      }
    }
  }

  return {
    current,
    invalidate(token) {
      if (session?.token === token) session = undefined;
    },
    lastToken: () => tokens[0],
    secrets: () => [...exchange.secrets(), ...tokens],
  };
}
