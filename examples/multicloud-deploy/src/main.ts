/**
 * `pnpm demo`: the multi-cloud deployment demo, on the built-in local providers unless told otherwise.
 * Exits 0 when every request was answered by one of the two servers, 1 with a clear message on any failure,
 * 2 for bad flags; in every case everything it created is removed and no process is left running.
 */
import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from './demo.js';
import { USAGE, UsageRequested, readOptions } from './options.js';
import { createProgress } from './progress.js';
import { createDrivers } from './providers.js';

async function main(): Promise<number> {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageRequested) {
      console.log(USAGE);
      return 0;
    }
    console.error(`${(error as Error).message}${(error as Error).message.includes('usage:') ? '' : `\n\n${USAGE}`}`);
    return 2;
  }
  // The local providers keep their files in a folder of this run only, removed at the end.
  const localRoot = mkdtempSync(join(tmpdir(), 'multicloud-demo-'));
  if (!process.env.MULTICLOUD_LOCAL_ROOT) process.env.MULTICLOUD_LOCAL_ROOT = localRoot;
  const controller = new AbortController();
  // One signal cancels every request of the run; undici drops each request's listener only after its body ends,
  // so hundreds of requests in a row briefly hold more than the default ten.
  setMaxListeners(0, controller.signal);
  const stop = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const progress = createProgress();
  progress.line(`multicloud demo — storage: ${options.storage}, compute: ${options.compute}, load balancer: ${options.lb}\n`);
  try {
    const drivers = await createDrivers(options);
    const result = await runDemo(drivers, options, progress, controller.signal);
    progress.line(`\n✔ done in ${(progress.elapsedMs() / 1000).toFixed(1)} s: ${[...result.perServer.values()].reduce((a, b) => a + b, 0)} requests answered by ${result.servers.join(' and ')}`);
    return 0;
  } catch (error) {
    console.error(`\n✖ demo failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  } finally {
    rmSync(localRoot, { recursive: true, force: true });
  }
}

process.exitCode = await main();
