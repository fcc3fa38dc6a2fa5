import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const roots: string[] = [];
// Registered while the importing test file is collected, before its own hooks, so it runs after them (hooks unwind).
afterAll(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true, maxRetries: 3 });
});

/** A fresh, empty root directory, removed after the test file. */
export function temporaryRoot(label: string): string {
  const root = mkdtempSync(join(tmpdir(), `multicloud-local-${label}-`));
  roots.push(root);
  return root;
}

/** Whether a process is gone: no such pid, or a zombie nobody reaped (it runs nothing any more). */
export function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state === 'Z' || state === 'X';
  } catch {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  }
}

/** Polls `condition` every 25 ms until it holds; throws with `what` after `ms`. */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const packageDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs a TypeScript helper of `test/support` in a separate Node process (through tsx, resolving workspace packages
 * to their sources like the tests do), with stdout piped.
 */
export function spawnTypeScript(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(packageDir, 'test', 'support', script), ...args], { cwd: packageDir, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The first line a child prints, parsed as JSON. */
export function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)) as T);
    });
    child.once('exit', (code) => reject(new Error(`child exited (${String(code)}) before printing a line`)));
  });
}

/** Settles when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
