import { describe, expect, it } from 'vitest';
import { RequestTimeoutError } from '../errors/errors.js';
import { pollUntil } from './poll-until.js';

describe('pollUntil', () => {
  it('checks until a value comes, pausing in between', async () => {
    let calls = 0;
    const value = await pollUntil(async () => (++calls === 3 ? 'ready' : undefined), { provider: 'demo', what: 'x', intervalMs: 5 });
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('times out with a RequestTimeoutError saying what it waited for', async () => {
    const error = await pollUntil(async () => undefined, { provider: 'demo', what: 'balancer 1 to become active', intervalMs: 5, timeoutMs: 40 }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error) && error.message).toBe('demo: no balancer 1 to become active within 40 ms');
  });

  it('stops at once when the caller aborts, even inside a slow check', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 20);
    const started = Date.now();
    await expect(pollUntil(() => new Promise(() => undefined), { provider: 'demo', what: 'x', signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('ends the wait on an error from the check', async () => {
    await expect(pollUntil(async () => { throw new Error('gone'); }, { provider: 'demo', what: 'x' })).rejects.toThrow('gone');
  });
});
