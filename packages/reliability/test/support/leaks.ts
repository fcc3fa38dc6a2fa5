import { readdirSync, readlinkSync } from 'node:fs';

/** What this process holds open: file descriptors by kind, and Node's active resources by type. */
export interface ResourceSnapshot {
  /** Every open file descriptor. */
  readonly fds: number;
  /** Descriptors that are sockets. */
  readonly sockets: number;
  /** Paths of descriptors that are files (not sockets, pipes or anonymous inodes). */
  readonly files: readonly string[];
  /** `process.getActiveResourcesInfo()` counted by type (`TCPSocketWrap`, `Timeout`, `FSReqCallback`, …). */
  readonly active: Readonly<Record<string, number>>;
}

/** Reads `/proc/self/fd` (Linux) and Node's active resources. */
export function snapshot(): ResourceSnapshot {
  let fds = 0;
  let sockets = 0;
  const files: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // the descriptor readdir itself used, already closed
    }
    fds++;
    if (target.startsWith('socket:')) sockets++;
    else if (target.startsWith('/')) files.push(target);
  }
  const active: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) active[type] = (active[type] ?? 0) + 1;
  return { fds, sockets, files, active };
}

/** Open descriptors whose file lies under `directory` (a leaked upload or download stream shows up here). */
export function openFilesUnder(directory: string): string[] {
  return snapshot().files.filter((file) => file.startsWith(directory));
}

/**
 * Waits until `check` returns true (sockets and file handles close a few ticks after the operation that owned
 * them settled), polling every 10 ms; returns the last value of `check` after `timeoutMs`.
 */
export async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

/** Resolves to `'timeout'` when `promise` takes longer than `ms`: a hang becomes a failing assertion, not a stuck test. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to fail, but it succeeded');
}

/** The messages and kinds along an error's `cause` chain, for assertions and secret scans. */
export function causeChain(error: unknown): string[] {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 16 && !seen.has(current); depth++) {
    seen.add(current);
    if (current instanceof Error) {
      parts.push(`${current.name}: ${current.message}`, safeJson(current), current.stack ?? '');
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(typeof current === 'object' ? safeJson(current) : String(current));
      break;
    }
  }
  return parts;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? String(inner) : inner)) ?? '';
  } catch {
    return String(value);
  }
}
