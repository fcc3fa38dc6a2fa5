import { RequestTimeoutError, ValidationError } from '@multicloud/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeploymentError } from '../compute-errors.js';
import type { Node, NodeState } from '../models.js';
import { waitUntilRunning, type NodeLister } from './wait-until-running.js';

function node(id: string, state: NodeState, ips: readonly string[] = ['10.0.0.1']): Node {
  return { id, name: `name-${id}`, state, publicIps: [], privateIps: ips, provider: 'fake', extra: {} };
}

/** A driver whose listNodes answers with `rounds` in turn (the last one repeated); `hang` never answers. */
function fakeDriver(rounds: readonly (readonly Node[] | 'hang')[]): NodeLister & { calls: number; signals: (AbortSignal | undefined)[] } {
  const driver = {
    provider: 'fake',
    calls: 0,
    signals: [] as (AbortSignal | undefined)[],
    listNodes: async (options?: { signal?: AbortSignal | undefined }): Promise<Node[]> => {
      const round = rounds[Math.min(driver.calls, rounds.length - 1)];
      driver.calls++;
      driver.signals.push(options?.signal);
      if (round === 'hang' || round === undefined) return new Promise<Node[]>(() => undefined);
      return [...round];
    },
  };
  return driver;
}

describe('waitUntilRunning', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it('returns the freshly listed nodes in the order given, with one listing per round', async () => {
    const driver = fakeDriver([[node('b', 'running'), node('x', 'running'), node('a', 'running')]]);
    const result = await waitUntilRunning(driver, [node('a', 'pending', []), node('b', 'pending', [])]);
    expect(result.map((n) => [n.id, n.state])).toEqual([['a', 'running'], ['b', 'running']]);
    expect(driver.calls).toBe(1);
    expect(driver.signals[0]).toBeInstanceOf(AbortSignal);
  });

  it('polls every intervalMs while a node goes pending → starting → running', async () => {
    const driver = fakeDriver([[node('a', 'pending')], [node('a', 'starting')], [node('a', 'running')]]);
    const done = waitUntilRunning(driver, [node('a', 'pending')], { intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(driver.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(driver.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(done).resolves.toEqual([node('a', 'running')]);
    expect(driver.calls).toBe(3);
  });

  it('waits for an address unless requireAddress is false', async () => {
    const driver = fakeDriver([[node('a', 'running', [])], [node('a', 'running', ['10.0.0.9'])]]);
    const done = waitUntilRunning(driver, [node('a', 'pending')], { intervalMs: 10 });
    await vi.advanceTimersByTimeAsync(10);
    expect((await done)[0]?.privateIps).toEqual(['10.0.0.9']);

    const noAddress = fakeDriver([[node('a', 'running', [])]]);
    await expect(waitUntilRunning(noAddress, [node('a', 'pending')], { requireAddress: false })).resolves.toHaveLength(1);
  });

  it('throws RequestTimeoutError naming the nodes still waited for, leaving no timer behind', async () => {
    const driver = fakeDriver([[node('a', 'pending'), node('b', 'running')]]);
    const done = waitUntilRunning(driver, [node('a', 'pending'), node('b', 'pending')], { timeoutMs: 10_000, intervalMs: 3_000 });
    const assertion = expect(done).rejects.toSatisfy((error: unknown) => {
      expect(RequestTimeoutError.isInstance(error)).toBe(true);
      expect((error as RequestTimeoutError).timeoutMs).toBe(10_000);
      expect((error as Error).message).toBe('fake: no running node name-a (a, pending) within 10000 ms');
      return true;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await assertion;
    expect(driver.calls).toBe(4); // at 0, 3, 6 and 9 s
  });

  it('times out even while listNodes hangs', async () => {
    const driver = fakeDriver(['hang']);
    const done = waitUntilRunning(driver, [node('a', 'pending')], { timeoutMs: 5_000 });
    const assertion = expect(done).rejects.toBeInstanceOf(RequestTimeoutError);
    await vi.advanceTimersByTimeAsync(5_000);
    await assertion;
    expect(driver.signals[0]?.aborted).toBe(true);
  });

  it('rejects with signal.reason at once when aborted between rounds', async () => {
    const driver = fakeDriver([[node('a', 'pending')]]);
    const controller = new AbortController();
    const done = waitUntilRunning(driver, [node('a', 'pending')], { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    const reason = new Error('stop');
    controller.abort(reason);
    await expect(done).rejects.toBe(reason);
    expect(driver.calls).toBe(1);
  });

  it('rejects at once when aborted while listNodes hangs, and passes the abort on to the driver', async () => {
    const driver = fakeDriver(['hang']);
    const controller = new AbortController();
    const done = waitUntilRunning(driver, [node('a', 'pending')], { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(driver.signals[0]?.aborted).toBe(true);
  });

  it('does not call the driver when the signal is already aborted', async () => {
    const driver = fakeDriver([[node('a', 'running')]]);
    const reason = new Error('already');
    await expect(waitUntilRunning(driver, [node('a', 'pending')], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(driver.calls).toBe(0);
  });

  it.each(['terminated', 'error'] as const)('throws DeploymentError carrying the node when it enters %s', async (state) => {
    const driver = fakeDriver([[node('a', 'pending')], [node('a', state)]]);
    const done = waitUntilRunning(driver, [node('a', 'pending')], { intervalMs: 10 });
    const assertion = expect(done).rejects.toSatisfy((error: unknown) => {
      expect(DeploymentError.isInstance(error)).toBe(true);
      expect((error as DeploymentError).node.state).toBe(state);
      expect((error as Error).message).toContain(`node entered state ${state}`);
      return true;
    });
    await vi.advanceTimersByTimeAsync(10);
    await assertion;
  });

  it('waits for a node not listed yet, but fails when a listed node disappears', async () => {
    const late = fakeDriver([[], [], [node('a', 'running')]]);
    const found = waitUntilRunning(late, [node('a', 'pending')], { intervalMs: 10 });
    await vi.advanceTimersByTimeAsync(20);
    await expect(found).resolves.toHaveLength(1);

    const vanishing = fakeDriver([[node('a', 'pending')], []]);
    const gone = waitUntilRunning(vanishing, [node('a', 'pending')], { intervalMs: 10 });
    const assertion = expect(gone).rejects.toSatisfy((error: unknown) => {
      expect(DeploymentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('node no longer exists');
      return true;
    });
    await vi.advanceTimersByTimeAsync(10);
    await assertion;
  });

  it('passes listNodes errors through', async () => {
    const failure = new Error('boom');
    const driver: NodeLister = { provider: 'fake', listNodes: () => Promise.reject(failure) };
    await expect(waitUntilRunning(driver, [node('a', 'pending')])).rejects.toBe(failure);
  });

  it('resolves an empty list at once and checks its options', async () => {
    const driver = fakeDriver([[]]);
    await expect(waitUntilRunning(driver, [])).resolves.toEqual([]);
    expect(driver.calls).toBe(0);
    await expect(waitUntilRunning(driver, [], { timeoutMs: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(waitUntilRunning(driver, [], { intervalMs: -1 })).rejects.toThrow('intervalMs');
    await expect(waitUntilRunning(driver, [{ id: '' } as Node])).rejects.toThrow('nodes[0]');
  });
});
