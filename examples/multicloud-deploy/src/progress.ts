import { performance } from 'node:perf_hooks';

/** Where the demo reports what it does; a test can capture the lines. */
export interface Progress {
  /** Runs one step, printing its title, then what it did and what it cost in time (or why it failed). */
  step<T>(title: string, work: () => Promise<{ value: T; detail: string }>): Promise<T>;
  /** Prints a free line. */
  line(text: string): void;
}

/** Total time of the steps so far, for the closing line. */
export interface Timed {
  /** Milliseconds spent in steps. */
  elapsedMs(): number;
}

/** A progress display on a stream: `▸ title` when a step starts, `✔ detail (N ms)` or `✖ message` when it ends. */
export function createProgress(write: (text: string) => void = (text) => process.stdout.write(text), color = process.stdout.isTTY === true): Progress & Timed {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let total = 0;
  return {
    async step(title, work) {
      write(`${paint(1, '▸')} ${title}\n`);
      const started = performance.now();
      try {
        const { value, detail } = await work();
        const ms = performance.now() - started;
        total += ms;
        write(`  ${paint(32, '✔')} ${detail} ${paint(2, `(${ms.toFixed(0)} ms)`)}\n`);
        return value;
      } catch (error) {
        write(`  ${paint(31, '✖')} ${error instanceof Error ? error.message : String(error)}\n`);
        throw error;
      }
    },
    line: (text) => write(`${text}\n`),
    elapsedMs: () => total,
  };
}

/** Draws the spread of answers over the servers as bars. */
export function spreadChart(counts: ReadonlyMap<string, number>, width = 30): string[] {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0) || 1;
  const most = Math.max(1, ...counts.values());
  const label = Math.max(...[...counts.keys()].map((name) => name.length));
  return [...counts.entries()].map(([name, count]) => {
    const bar = '█'.repeat(Math.round((count / most) * width));
    return `  ${name.padEnd(label)}  ${bar.padEnd(width)}  ${String(count).padStart(5)} (${((count / total) * 100).toFixed(1)}%)`;
  });
}
