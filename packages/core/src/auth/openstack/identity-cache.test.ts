import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import type { AuthContext } from '../auth-strategy.js';
import { createIdentityCache } from './identity-cache.js';
import type { IdentityExchange, IdentitySession } from './identity-session.js';

/** An exchange that hands out token-1, token-2, … after `delayMs`, failing when `fail` says so. */
function countingExchange(options: { expiresAt?: (call: number) => Date; delayMs?: number; fail?: (call: number) => Error | undefined } = {}) {
  const calls: AuthContext[] = [];
  const exchange: IdentityExchange = Object.assign(
    async (context: AuthContext): Promise<IdentitySession> => {
      calls.push(context);
      const call = calls.length;
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 5));
      context.signal?.throwIfAborted();
      const failure = options.fail?.(call);
      if (failure) throw failure;
      const expiresAt = options.expiresAt?.(call);
      return { token: `token-${call}`, ...(expiresAt ? { expiresAt } : {}), catalog: [], endpoints: {} };
    },
    { secrets: () => ['the-api-key'] },
  );
  return { exchange, calls };
}

function contextAt(now: () => Date, signal?: AbortSignal): AuthContext {
  return { signal, now, provider: 'test', request: () => Promise.reject(new Error('not used')) };
}

describe('createIdentityCache', () => {
  it('shares one exchange among concurrent callers and reuses the session afterwards', async () => {
    const { exchange, calls } = countingExchange();
    const cache = createIdentityCache(exchange);
    const context = contextAt(() => new Date());
    const sessions = await Promise.all(Array.from({ length: 20 }, () => cache.current(context)));
    expect(new Set(sessions.map((session) => session.token))).toEqual(new Set(['token-1']));
    await cache.current(context);
    expect(calls).toHaveLength(1);
    expect(cache.lastToken()).toBe('token-1');
  });

  it('gives every waiter the error of a failed exchange, and does not cache it', async () => {
    const { exchange, calls } = countingExchange({ fail: (call) => (call === 1 ? new Error('identity down') : undefined) });
    const cache = createIdentityCache(exchange);
    const context = contextAt(() => new Date());
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => cache.current(context)));
    expect(results.map((result) => result.status === 'rejected' && (result.reason as Error).message)).toEqual(Array(5).fill('identity down'));
    expect(cache.lastToken()).toBeUndefined();
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-2' });
    expect(calls).toHaveLength(2);
  });

  it('drops the session only for the token that was refused', async () => {
    const { exchange, calls } = countingExchange();
    const cache = createIdentityCache(exchange);
    const context = contextAt(() => new Date());
    await cache.current(context);
    cache.invalidate('some-older-token');
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-1' });
    cache.invalidate('token-1');
    cache.invalidate('token-1');
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-2' });
    cache.invalidate('token-1'); // a late 401 for the replaced token changes nothing
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-2' });
    expect(calls).toHaveLength(2);
  });

  it('refreshes exactly when expiresAt - refreshBeforeMs is reached', async () => {
    const expiresAt = new Date('2026-01-01T01:00:00Z');
    const { exchange, calls } = countingExchange({ expiresAt: () => expiresAt });
    const cache = createIdentityCache(exchange, { refreshBeforeMs: 60_000 });
    let now = new Date('2026-01-01T00:00:00Z');
    const context = contextAt(() => now);
    await cache.current(context);
    now = new Date(expiresAt.getTime() - 60_001);
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-1' });
    now = new Date(expiresAt.getTime() - 60_000);
    await expect(cache.current(context)).resolves.toMatchObject({ token: 'token-2' });
    expect(calls).toHaveLength(2);
  });

  it('keeps a session without expiry until it is invalidated', async () => {
    const { exchange, calls } = countingExchange();
    const cache = createIdentityCache(exchange);
    await cache.current(contextAt(() => new Date(0)));
    await cache.current(contextAt(() => new Date('2999-01-01T00:00:00Z')));
    expect(calls).toHaveLength(1);
  });

  it('does not fail other callers when the caller that started the exchange aborts', async () => {
    const { exchange, calls } = countingExchange({ delayMs: 30 });
    const cache = createIdentityCache(exchange);
    const controller = new AbortController();
    const first = cache.current(contextAt(() => new Date(), controller.signal));
    const second = cache.current(contextAt(() => new Date()));
    controller.abort(new Error('first caller gave up'));
    await expect(first).rejects.toThrow('first caller gave up');
    await expect(second).resolves.toMatchObject({ token: 'token-2' });
    expect(calls).toHaveLength(2);
  });

  it('reports the credentials and the recent tokens as secrets', async () => {
    const { exchange } = countingExchange();
    const cache = createIdentityCache(exchange);
    const context = contextAt(() => new Date());
    expect(cache.secrets()).toEqual(['the-api-key']);
    await cache.current(context);
    cache.invalidate('token-1');
    await cache.current(context);
    expect(cache.secrets()).toEqual(['the-api-key', 'token-2', 'token-1']);
  });

  it('rejects a negative refreshBeforeMs', () => {
    expect(() => createIdentityCache(countingExchange().exchange, { refreshBeforeMs: -1 })).toThrow(ValidationError);
  });
});
