import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a run of the binary gave. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run it. */
export interface CliRunOptions {
  /** Variables on top of a minimal environment (PATH only: nothing of the developer's AWS_* leaks in). */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory; default the package directory. */
  readonly cwd?: string;
  /** Bytes for stdin (closed at once when absent). */
  readonly input?: string | Buffer;
}

export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * The command that runs the `multicloud` binary: the TypeScript entry `src/bin.ts` through tsx (which maps the
 * workspace packages to their sources with tsconfig paths, so no build is needed), or, with MULTICLOUD_CLI_BIN set
 * (e.g. `MULTICLOUD_CLI_BIN=dist/bin.js` after `pnpm build`), that built file, run by plain node.
 */
export function cliCommand(): string[] {
  const built = process.env['MULTICLOUD_CLI_BIN'];
  if (built) return [process.execPath, fileURLToPath(new URL(built, pathToFileURL(PACKAGE_DIR)))];
  return [process.execPath, '--import', TSX_LOADER, SOURCE_BIN];
}

/** The environment of a run: PATH, the tsconfig tsx resolves paths with, and `env`. */
export function cliEnv(env: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TSX_TSCONFIG_PATH: `${PACKAGE_DIR}tsconfig.json`, ...env };
}

/** Runs `multicloud <args>` as a subprocess, stdout and stderr piped (so never a terminal). */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const [command = '', ...prefix] = cliCommand();
  const child = spawn(command, [...prefix, ...args], { cwd: options.cwd ?? PACKAGE_DIR, env: cliEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** Runs it and parses stdout as JSON, failing with stderr when the run failed. */
export async function runCliJson<T = unknown>(args: readonly string[], options: CliRunOptions = {}): Promise<T> {
  const result = await runCli([...args, '--json'], options);
  if (result.code !== 0) throw new Error(`multicloud ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
