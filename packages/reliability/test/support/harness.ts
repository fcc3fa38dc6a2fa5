import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, type Dispatcher } from 'undici';
import { afterEach, expect } from 'vitest';
import { eventually, within } from './leaks.js';
import type { MisbehavingServer } from './misbehaving-server.js';

/** Per-test resources that must be released, and checked for leaks, when the test ends. */
export interface Harness {
  /** A fresh undici Agent for the driver under test; closed (and checked to close promptly) after the test. */
  agent(options?: Agent.Options): Agent;
  /** Registers a server: after the test it must have no open connection left once the agents are closed. */
  server<T extends MisbehavingServer>(server: T): T;
  /** A temporary directory, removed after the test. */
  directory(): string;
}

/**
 * Wires `afterEach` so every test releases what it used and proves nothing leaked: each agent must close within
 * 2 s (an in-flight request whose body nobody consumes keeps `close()` waiting: a leaked socket), then each
 * server must see its connections drop to 0, and no request may have gone past a server's budget.
 */
export function useHarness(): Harness {
  let agents: Agent[] = [];
  let servers: MisbehavingServer[] = [];
  let directories: string[] = [];
  afterEach(async () => {
    const closing = await within(Promise.all(agents.filter((agent) => !agent.closed && !agent.destroyed).map((agent) => agent.close())), 2_000);
    const stuck = closing === 'timeout';
    if (stuck) await Promise.all(agents.filter((agent) => !agent.destroyed).map((agent) => agent.destroy()));
    const drained = await eventually(() => servers.every((server) => server.openConnections() === 0), 2_000);
    const overBudget = servers.reduce((sum, server) => sum + server.overBudget(), 0);
    await Promise.all(servers.map((server) => server.close()));
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    agents = [];
    servers = [];
    directories = [];
    expect(stuck, 'an agent could not close: a request or response body was left in flight (leaked socket)').toBe(false);
    expect(drained, 'a server still had open connections after the agents closed').toBe(true);
    expect(overBudget, 'a server received more requests than its budget').toBe(0);
  });
  return {
    agent(options) {
      const agent = new Agent({ keepAliveTimeout: 10_000, ...options });
      agents.push(agent);
      return agent;
    },
    server(server) {
      servers.push(server);
      return server;
    },
    directory() {
      const directory = mkdtempSync(join(tmpdir(), 'multicloud-reliability-'));
      directories.push(directory);
      return directory;
    },
  };
}

/** Deterministic pseudo-random bytes (xorshift), so a failure is reproducible and the content is not compressible. */
export function payload(length: number, seed = 0x9e3779b9): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

/** MD5 hex of some bytes. */
export function md5(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** Files in a directory, the hidden `.partial` ones of an interrupted download included. */
export function filesIn(directory: string): string[] {
  return readdirSync(directory).sort();
}

/** A dispatcher that sends every request, whatever its origin, to `target` (so drivers keep their real URLs). */
export function redirectAll(agent: Agent, target: string): Dispatcher {
  return agent.compose((dispatch) => (options, handler) => dispatch({ ...options, origin: target }, handler));
}

/** Retry settings with tiny backoffs, so retry tests stay fast but still exercise the backoff path. */
export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 } as const;
