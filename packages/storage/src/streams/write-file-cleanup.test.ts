import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStreamToFile } from './write-file.js';

/** What `rm` found when writeStreamToFile called it: whether the file was there, and descriptors still open on it. */
const removals = vi.hoisted(() => [] as { path: string; existed: boolean; openDescriptors: string[] }[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rm: async (...args: Parameters<typeof actual.rm>) => {
      const path = String(args[0]);
      removals.push({ path, existed: existsSync(path), openDescriptors: openPaths().filter((open) => open.startsWith(path)) });
      return actual.rm(...args);
    },
  };
});

/** Paths this process has open descriptors on (Linux), e.g. `/tmp/…/.out.bin.1a2b.partial (deleted)`. */
function openPaths(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });
}

/**
 * Occupies every thread of libuv's pool with an `open` of a FIFO that has no writer yet: file system calls made
 * meanwhile wait until the test frees the threads.
 */
async function blockThreadPool(directory: string): Promise<{ freeOne: () => Promise<void>; freeAll: () => Promise<void> }> {
  const size = Number(process.env['UV_THREADPOOL_SIZE'] ?? 4);
  const fifos = Array.from({ length: size }, (_, index) => join(directory, `fifo-${index}`));
  for (const fifo of fifos) execFileSync('mkfifo', [fifo]);
  const readers = fifos.map((fifo) => open(fifo, 'r'));
  await new Promise((resolve) => setTimeout(resolve, 20));
  const handles: FileHandle[] = [];
  let freed = 0;
  const freeOne = async () => {
    const fifo = fifos[freed];
    if (fifo === undefined) return;
    closeSync(openSync(fifo, 'w')); // the blocked reader's open returns, its thread is free
    handles.push(await readers[freed++]!);
  };
  const freeAll = async () => {
    while (freed < fifos.length) await freeOne();
    for (const handle of handles.splice(0)) await handle.close();
  };
  return { freeOne, freeAll };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.runIf(process.platform === 'linux')('writeStreamToFile when the source fails at once', () => {
  // Was a bug: `pipeline` rejects as soon as the source fails, before the file stream has even opened its file, and
  // the partial file was removed right then, racing with its creation on another thread of the pool; on a busy CI
  // machine the creation came second and the partial file stayed. Now the file is closed before it is removed.
  it('removes the partial file only once it was created and closed', async () => {
    const pool = await blockThreadPool(mkdtempSync(join(tmpdir(), 'multicloud-fifo-')));
    cleanups.push(pool.freeAll);
    const directory = mkdtempSync(join(tmpdir(), 'multicloud-write-'));
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(64 * 1024); // below the write buffer: the next chunk is asked for before anything is written
      throw new Error('connection reset');
    }
    const outcome = writeStreamToFile(failing(), join(directory, 'out.bin'), { provider: 'p', objectName: 'o' }).catch((error: unknown) => error);
    // The file's open waits for a thread: meanwhile the source has failed and pipeline has rejected.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await pool.freeAll();
    expect(await outcome).toMatchObject({ message: 'connection reset' });
    const removal = removals.find((entry) => entry.path.startsWith(directory));
    expect(removal).toMatchObject({ existed: true, openDescriptors: [] });
    expect(openPaths().filter((path) => path.startsWith(directory))).toEqual([]);
    expect(readdirSync(directory)).toEqual([]);
  });
});
