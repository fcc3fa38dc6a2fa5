import { snapshot } from './leaks.js';

/** Process resources at one moment of a load test. */
export interface LoadSample {
  /** Resident set size, MiB. */
  readonly rssMiB: number;
  /** V8 heap in use, MiB (after a GC when `--expose-gc` is on). */
  readonly heapMiB: number;
  /** Open file descriptors. */
  readonly fds: number;
  /** Of which sockets. */
  readonly sockets: number;
  /** Active handles Node reports (`process.getActiveResourcesInfo()`), by type. */
  readonly active: Readonly<Record<string, number>>;
}

const MiB = 1024 * 1024;

/** Takes a sample, after a garbage collection when one can be asked for (`node --expose-gc`). */
export async function sample(): Promise<LoadSample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  const memory = process.memoryUsage();
  const { fds, sockets, active } = snapshot();
  return { rssMiB: round(memory.rss / MiB), heapMiB: round(memory.heapUsed / MiB), fds, sockets, active };
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Runs `total` calls of `call`, at most `concurrency` at once, and returns how long it took; every call must
 * succeed (the first failure rejects).
 */
export async function runAtConcurrency(total: number, concurrency: number, call: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total) await call(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

/** Prints one line per phase, so a CI log shows the numbers behind the assertions. */
export function report(title: string, rows: Readonly<Record<string, unknown>>): void {
  console.info(`[load] ${title}\n${Object.entries(rows).map(([name, value]) => `  ${name.padEnd(26)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join('\n')}`);
}
