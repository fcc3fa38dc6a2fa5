import type { Readable, Writable } from 'node:stream';

/** A stream the CLI writes to; `isTTY` decides between tables with progress bars and plain output. */
export type CliOutput = Writable & { readonly isTTY?: boolean | undefined; readonly columns?: number | undefined };

/**
 * Where the CLI reads and writes. The `multicloud` binary passes the process's own streams; an embedding program
 * may pass others. Providers read their credential variables (`AWS_ACCESS_KEY_ID`, …) from `process.env` themselves.
 */
export interface CliIo {
  /** Results: tables, `--json` documents, downloaded bytes for `storage get … -`. */
  readonly stdout: CliOutput;
  /** Errors, warnings, help after a usage error, progress bars, the `--verbose` request log. */
  readonly stderr: CliOutput;
  /** Upload data for `storage put - …`, the password for `compute create --password-stdin`. */
  readonly stdin: Readable;
  /** The CLI's own variables (`MULTICLOUD_PROVIDERS`, `MULTICLOUD_<API>_PROVIDER`) and the secrets never to echo. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths and `--require ./x.js` are resolved against. */
  readonly cwd: string;
  /** Aborts the running command (the binary aborts on Ctrl-C). */
  readonly signal?: AbortSignal | undefined;
}

/** The process's own streams, environment and directory. */
export function processIo(signal?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), signal };
}
