import { SingleBar } from 'cli-progress';
import type { CliOutput } from '../cli-io.js';
import { formatBytes } from './format.js';

/** Counts the bytes of a transfer and, on a terminal, shows them as a progress bar. */
export interface TransferProgress {
  /** Passes the bytes through, counting them. */
  tap(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array>;
  /** Bytes counted so far. */
  readonly bytes: number;
  /** Draws the last state and leaves the bar on its line. */
  stop(): void;
}

/** Options of {@link createTransferProgress}. */
export interface TransferProgressOptions {
  /** Where to draw: stderr, so stdout stays clean for data. */
  readonly stream: CliOutput;
  /** Draw at all: false when stderr is not a terminal, or with `--no-progress`. */
  readonly enabled: boolean;
  /** Expected size; without it the bar shows bytes and throughput only (no percentage, no ETA). */
  readonly total?: number | undefined;
  /** What moves, e.g. `↑ report.pdf`. */
  readonly label: string;
  /** Milliseconds clock; default `performance.now`. */
  readonly now?: (() => number) | undefined;
}

const KNOWN_TOTAL = '{label} [{bar}] {percentage}% | {done} / {size} | {speed} | ETA {eta_formatted}';
const UNKNOWN_TOTAL = '{label} {done} | {speed} | {duration_formatted}';

/** A byte counter drawing a cli-progress bar with throughput and ETA, or nothing when not `enabled`. */
export function createTransferProgress(options: TransferProgressOptions): TransferProgress {
  const now = options.now ?? (() => performance.now());
  const known = options.total !== undefined;
  const started = now();
  let bytes = 0;
  const bar = options.enabled
    ? new SingleBar({
        stream: options.stream as NodeJS.WritableStream,
        format: known ? KNOWN_TOTAL : UNKNOWN_TOTAL,
        barsize: 24,
        hideCursor: true,
        etaBuffer: 40,
        fps: 8,
        barCompleteChar: '#',
        barIncompleteChar: '.',
      })
    : undefined;
  const payload = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    return { label: options.label, done: formatBytes(bytes), size: formatBytes(options.total ?? 0), speed: `${formatBytes(bytes / seconds)}/s` };
  };
  bar?.start(options.total ?? 0, 0, payload());
  return {
    get bytes() {
      return bytes;
    },
    async *tap(source) {
      for await (const chunk of source) {
        bytes += chunk.byteLength;
        bar?.update(bytes, payload());
        yield chunk;
      }
    },
    stop() {
      bar?.update(bytes, payload());
      bar?.stop();
    },
  };
}
