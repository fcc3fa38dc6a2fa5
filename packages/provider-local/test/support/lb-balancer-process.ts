import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/**
 * Runs the local balancer in a child process of its own, so the memory a transfer costs the BALANCER can be measured
 * apart from the client and the member (which live in the test process). The child loads the TypeScript sources with
 * `tsx`, which maps `@multicloud/<pkg>` to the sources through the `paths` of this package's tsconfig.
 */

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const driverUrl = new URL('../../src/lb/local-lb-driver.ts', import.meta.url).href;

/** The child: a balancer over the members in LB_MEMBERS, and RSS sampling on request. */
const CHILD = `
const { createLocalLoadBalancer } = await import(${JSON.stringify(driverUrl)});
const lb = createLocalLoadBalancer({ healthCheck: { intervalMs: 1000 } });
const members = JSON.parse(process.env.LB_MEMBERS);
const balancer = await lb.createBalancer({ name: 'child', exAnyPort: true, protocol: 'http', members });
let start = 0, peak = 0, sampler;
const sample = () => { peak = Math.max(peak, process.memoryUsage.rss()); };
process.on('message', async (message) => {
  if (message === 'start') {
    start = peak = process.memoryUsage.rss();
    sampler = setInterval(sample, 2);
    process.send({ started: true });
  } else if (message === 'stop') {
    clearInterval(sampler);
    sample();
    process.send({ growth: peak - start });
  } else if (message === 'close') {
    await lb.exCloseAll();
    process.disconnect();
  }
});
process.send({ url: balancer.extra.url });`;

/** A balancer running in a child process. */
export interface BalancerProcess {
  /** Where it listens. */
  readonly url: string;
  /** Starts sampling the child's RSS. */
  startMeasuring(): Promise<void>;
  /** Stops sampling; resolves with the peak RSS growth since `startMeasuring`, bytes. */
  stopMeasuring(): Promise<number>;
  /** Closes the balancer; the child then exits. */
  close(): Promise<void>;
}

async function reply(child: ChildProcess, message: string): Promise<Record<string, unknown>> {
  const answer = once(child, 'message') as Promise<[Record<string, unknown>]>;
  child.send(message);
  return (await answer)[0];
}

/** Starts a balancer over `members` in a child process. */
export async function startBalancerProcess(members: readonly { readonly ip: string; readonly port: number }[]): Promise<BalancerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', CHILD], {
    cwd: packageDir,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, LB_MEMBERS: JSON.stringify(members) },
  });
  const [ready] = (await once(child, 'message')) as [{ url: string }];
  return {
    url: ready.url,
    startMeasuring: async () => void (await reply(child, 'start')),
    stopMeasuring: async () => (await reply(child, 'stop')).growth as number,
    close: async () => {
      const exited = once(child, 'exit');
      child.send('close');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (child.exitCode === null) child.kill();
    },
  };
}
