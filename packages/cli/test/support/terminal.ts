import { spawn } from 'node:child_process';
import { cliCommand, cliEnv, type CliResult, type CliRunOptions } from './cli.js';

/** Quotes a word for `sh -c`. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `multicloud <args>` under a pseudo-terminal, as a person at a terminal would: util-linux `script -qec`
 * gives the command a pty for stdin, stdout and stderr and copies what the terminal shows (both streams, with
 * escape sequences) to its own stdout.
 */
export function runCliInTerminal(args: readonly string[], options: CliRunOptions = {}): Promise<CliResult> {
  const command = [...cliCommand(), ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: options.cwd, env: { ...cliEnv(options.env), TERM: 'xterm-256color', COLUMNS: '120' }, stdio: ['pipe', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  const errors: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  child.stdin.end();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(output).toString('utf8'), stderr: Buffer.concat(errors).toString('utf8') }));
  });
}
