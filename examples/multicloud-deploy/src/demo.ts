import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import {
  FileDeployment,
  MultiStepDeployment,
  ScriptDeployment,
  deployNode,
  waitUntilRunning,
  type ComputeDriver,
  type DeploymentChannel,
  type Node,
} from '@multicloud/compute';
import type { LoadBalancer, LoadBalancerDriver } from '@multicloud/lb';
import { APP_SOURCE, START_SCRIPT } from './app.js';
import type { DemoOptions } from './options.js';
import { spreadChart, type Progress } from './progress.js';
import type { DemoDrivers } from './providers.js';
import { sendTraffic, waitForHello } from './traffic.js';

/** What a finished run saw. */
export interface DemoResult {
  /** Answers per server. */
  readonly perServer: ReadonlyMap<string, number>;
  /** The server names. */
  readonly servers: readonly string[];
}

/** Local nodes run deployments over a local channel; cloud nodes over SSH. */
type LocalChannel = { exOpenChannel?: (node: Node) => Promise<DeploymentChannel> };

function balancerUrl(balancer: LoadBalancer): string {
  return typeof balancer.extra.url === 'string' ? balancer.extra.url : `http://${balancer.ip}:${balancer.port}`;
}

function nodeUrl(node: Node): string {
  if (typeof node.extra.url === 'string') return node.extra.url;
  return `http://${node.publicIps[0] ?? node.privateIps[0]}:8080`;
}

/**
 * The demo: upload the app to storage, start two servers, deploy the app from storage onto them, balance them with
 * a random algorithm, and check that every answer comes from one of them. Everything it creates is registered for
 * clean-up as soon as it exists, and cleaned up whatever happens.
 */
export async function runDemo(drivers: DemoDrivers, options: DemoOptions, progress: Progress, signal: AbortSignal): Promise<DemoResult> {
  const { storage, compute, lb } = drivers;
  const run = Date.now().toString(36);
  const cleanups: { what: string; undo: () => Promise<unknown> }[] = [];
  try {
    const object = await progress.step(`Upload the app to ${storage.provider} storage`, async () => {
      const container = await storage.createContainer(`multicloud-demo-${run}`, { signal });
      cleanups.push({ what: `container ${container.name}`, undo: () => storage.deleteContainer(container) });
      const uploaded = await storage.uploadObjectFromStream(Readable.from([Buffer.from(APP_SOURCE)]), container, 'app/server.mjs', { contentType: 'text/javascript', signal });
      cleanups.push({ what: `object ${uploaded.name}`, undo: () => storage.deleteObject(uploaded) });
      return { value: uploaded, detail: `${container.name}/${uploaded.name}, ${uploaded.size} bytes, md5 ${uploaded.hash}` };
    });

    const nodes = await progress.step(`Start two servers at ${compute.provider}`, async () => {
      const [sizes, images] = await Promise.all([compute.listSizes({ signal }), compute.listImages({ signal })]);
      const size = sizes.find((candidate) => candidate.id === options.size) ?? sizes[0];
      const image = images.find((candidate) => candidate.id === (options.image ?? 'nodejs')) ?? images[0];
      if (!size || !image) throw new Error(`${compute.provider} lists no size or image to start a server with`);
      const created = await Promise.all(['web-1', 'web-2'].map(async (name) => {
        const node = await compute.createNode({ name, size, image, signal });
        cleanups.push({ what: `node ${node.name}`, undo: () => compute.destroyNode(node) });
        return node;
      }));
      const running = await waitUntilRunning(compute, created, { timeoutMs: 300_000, intervalMs: 200, signal });
      return { value: running, detail: `${running.map((node) => `${node.name} (${node.id})`).join(', ')} running, size ${size.id}, image ${image.id}` };
    });

    await progress.step('Deploy the app from storage onto them', async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of await storage.downloadObjectAsStream(object, { signal })) chunks.push(Buffer.from(chunk as Uint8Array));
      const deployment = MultiStepDeployment([FileDeployment({ source: { content: Buffer.concat(chunks) }, target: 'server.mjs' }), ScriptDeployment({ script: START_SCRIPT })]);
      const local = compute as ComputeDriver & LocalChannel;
      await Promise.all(nodes.map((node) => deployNode(compute, {
        node, deployment, signal,
        ...(local.exOpenChannel ? { channel: (target: Node) => local.exOpenChannel!(target) } : { ssh: { privateKey: options.sshKey ? readFileSync(options.sshKey, 'utf8') : undefined } }),
      })));
      const attempts = await Promise.all(nodes.map((node) => waitForHello(nodeUrl(node), 30_000, signal)));
      return { value: undefined, detail: `server.mjs (${object.size} bytes from storage) started on ${nodes.length} servers, answering after ${Math.max(...attempts)} tries` };
    });

    const balancer = await progress.step(`Create a load balancer at ${lb.provider} (random algorithm)`, async () => {
      const created = await lb.createBalancer({ name: `multicloud-demo-${run}`, protocol: 'http', algorithm: 'random', ...listenOn(lb), signal } as never);
      cleanups.push({ what: `balancer ${created.name}`, undo: () => lb.destroyBalancer(created) });
      for (const node of nodes) await lb.attachComputeNode(created, node, { signal });
      return { value: created, detail: `${created.name} at ${balancerUrl(created)}, members ${nodes.map((node) => node.name).join(', ')}` };
    });

    const traffic = await progress.step(`Send ${options.requests} requests through the balancer`, async () => {
      await waitForHello(balancerUrl(balancer), 30_000, signal);
      const report = await sendTraffic(balancerUrl(balancer), options.requests, 20, signal);
      const names = new Set(nodes.map((node) => node.name));
      const strangers = [...report.perServer.keys()].filter((name) => !names.has(name));
      if (report.wrong > 0 || strangers.length > 0) {
        throw new Error(`${report.wrong} wrong answers${report.example ? ` (e.g. ${report.example})` : ''}${strangers.length ? `; answers from unknown servers ${strangers.join(', ')}` : ''}`);
      }
      return { value: report, detail: `every answer was "Hello World from <server>"` };
    });
    for (const line of spreadChart(traffic.perServer)) progress.line(line);
    return { perServer: traffic.perServer, servers: nodes.map((node) => node.name) };
  } finally {
    await progress.step('Clean up everything the demo created', async () => {
      const failures: string[] = [];
      for (const { what, undo } of cleanups.reverse()) await undo().catch((error: unknown) => failures.push(`${what}: ${(error as Error).message}`));
      await (lb as LoadBalancerDriver & { exCloseAll?: () => Promise<void> }).exCloseAll?.();
      if (failures.length > 0) throw new Error(`could not remove ${failures.join('; ')}`);
      return { value: undefined, detail: `removed ${cleanups.map((cleanup) => cleanup.what).join(', ') || 'nothing (nothing was created)'}` };
    });
  }
}

/** The local balancer takes any free port; a cloud balancer listens on 80. */
function listenOn(lb: LoadBalancerDriver): Record<string, unknown> {
  return lb.provider === 'local' ? { exAnyPort: true } : { port: 80 };
}
