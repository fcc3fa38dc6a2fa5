import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary recordings directory, removed by the returned `remove`. */
export async function tempRecordings(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'polly-undici-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The text of every `.har` file under `dir`. */
export async function readHars(dir: string): Promise<string[]> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.har'));
  return Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')));
}

/** The entries of the single recording under `dir`. */
export async function readEntries(dir: string): Promise<Array<Record<string, any>>> {
  const [har] = await readHars(dir);
  if (!har) throw new Error(`no recording under ${dir}`);
  return (JSON.parse(har) as { log: { entries: Array<Record<string, any>> } }).log.entries;
}

/** Counts socket connection attempts made by any undici client (through its diagnostics channel). */
export function countConnectAttempts(): { readonly count: number; stop(): void } {
  const state = { count: 0 };
  const listener = (): void => {
    state.count++;
  };
  subscribe('undici:client:beforeConnect', listener);
  return {
    get count() {
      return state.count;
    },
    stop: () => unsubscribe('undici:client:beforeConnect', listener),
  };
}
