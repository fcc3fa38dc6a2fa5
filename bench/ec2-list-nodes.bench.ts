/**
 * `listNodes()` of 1000 and 5000 EC2 instances against a local HTTP server (its own thread, 127.0.0.1) serving
 * generated `DescribeInstances` bodies, next to the AWS SDK, the raw undici fetch of the same bytes (the floor)
 * and the parsers alone. All cases run in one process, interleaved round by round (the order rotates, so each
 * case follows each other one, garbage included); each timing is one call. Median of RUNS after WARMUP rounds.
 *
 *   node build.mjs && node --expose-gc .out/ec2-list-nodes.bench.mjs            # timings → results/ec2-list-nodes.md
 *   node --expose-gc .out/ec2-list-nodes.bench.mjs --memory                      # + peak RSS of a first call per case
 * Environment: BENCH_SIZES=1000,5000 BENCH_RUNS=15 BENCH_WARMUP=5 BENCH_GC=1 (full GC before each timed call)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { parseXml } from '@multicloud/core';
import { createEc2Compute } from '@multicloud/provider-ec2';
import { XMLParser } from 'fast-xml-parser';
import { request } from 'undici';
import { convertEc2Node, ec2InstanceItems } from '../packages/provider-ec2/src/compute/convert-ec2-node.js';
import { scanInstancesResponse } from '../packages/provider-ec2/src/compute/scan-describe-instances.js';
import { generateDescribeInstances } from './generate-describe-instances.js';

type Case = { readonly name: string; readonly network: boolean; readonly run: () => Promise<number> };

if (!isMainThread) serve();
else await main();

/** The server thread: answers every request with the current body; counts requests. */
function serve(): void {
  let body = Buffer.alloc(0);
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': body.length }).end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as { port: number }).port }));
  parentPort!.on('message', (message: { body?: Uint8Array; count?: true }) => {
    if (message.body) body = Buffer.from(message.body);
    parentPort!.postMessage({ ok: true, requests });
  });
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number);
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const warmup = Number(process.env.BENCH_WARMUP ?? 5);
  const memoryCase = process.argv.find((arg) => arg.startsWith('--case='))?.slice(7);
  // BENCH_GC=1 forces a full GC before every timed call (not timed). Off by default: a full GC also shrinks the
  // young generation, which then makes every allocating case slower than in a running program.
  const forcedGc = process.env.BENCH_GC === '1' ? (globalThis as { gc?: () => void }).gc : undefined;
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

  const worker = new Worker(new URL(import.meta.url));
  const [{ port }] = (await new Promise((resolve) => worker.once('message', (message) => resolve([message])))) as [{ port: number }];
  const tell = (message: object) => new Promise<{ requests: number }>((resolve) => { worker.once('message', resolve); worker.postMessage(message); });
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

  const sdk = new EC2Client({ region: 'us-east-1', endpoint, credentials, maxAttempts: 1 });
  const ours = createEc2Compute({ endpoint, ...credentials, retry: false });
  const oursFxp = createEc2Compute({ endpoint, ...credentials, retry: false, xmlReader: parseXml });
  const fxp = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true, removeNSPrefix: true, processEntities: true, htmlEntities: false, ignoreDeclaration: true });
  const root = 'DescribeInstancesResponse';
  let text = '';

  const cases: Case[] = [
    { name: '(a) undici request() + body.text() — floor', network: true, run: async () => {
      const response = await request(`${endpoint}/`, { method: 'POST', body: 'Action=DescribeInstances&Version=2016-11-15', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      return (await response.body.text()).length > 0 ? -1 : 0;
    } },
    { name: '(b) @aws-sdk/client-ec2 DescribeInstancesCommand', network: true, run: async () => {
      const output = await sdk.send(new DescribeInstancesCommand({}));
      return (output.Reservations ?? []).reduce((sum, reservation) => sum + (reservation.Instances?.length ?? 0), 0);
    } },
    { name: '(c) multicloud listNodes() — fast path', network: true, run: async () => (await ours.listNodes()).length },
    { name: '(d) multicloud listNodes() — xmlReader: parseXml', network: true, run: async () => (await oursFxp.listNodes()).length },
    { name: '(e) fast-xml-parser alone on the body string', network: false, run: async () => (fxp.parse(text) ? -1 : 0) },
    { name: '(f) our scanner alone on the body string', network: false, run: async () => (scanInstancesResponse(text, root) ? -1 : 0) },
    { name: '(g) scanner + convertEc2Node (no HTTP)', network: false, run: async () => ec2InstanceItems(scanInstancesResponse(text, root)![root] as Record<string, unknown>).map(convertEc2Node).length },
  ];

  if (memoryCase !== undefined) return measureMemory(cases[Number(memoryCase)]!, sizes[0]!);
  const rows: string[] = [];
  const load = loadavg()[0]!;
  for (const size of sizes) {
    const sectionLoad = loadavg()[0]!;
    text = generateDescribeInstances({ instances: size, seed: 2024 });
    const bytes = Buffer.from(text);
    await tell({ body: bytes });
    // Every client must make exactly one request for the whole listing (no nextToken in the body).
    for (const each of cases.filter((candidate) => candidate.network)) {
      const before = (await tell({ count: true })).requests;
      const count = await each.run();
      const made = (await tell({ count: true })).requests - before;
      if (made !== 1 || (count !== -1 && count !== size)) throw new Error(`${each.name}: ${made} requests, ${count} instances`);
    }
    const times = new Map<Case, number[]>(cases.map((each) => [each, []]));
    for (let round = 0; round < warmup + runs; round++) {
      // Rotate the order each round so no case always runs right after the same other one.
      for (let index = 0; index < cases.length; index++) {
        const each = cases[(index + round) % cases.length]!;
        forcedGc?.();
        const started = performance.now();
        await each.run();
        if (round >= warmup) times.get(each)!.push(performance.now() - started);
      }
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
    const sdkMedian = median(times.get(cases[1]!)!);
    rows.push(`\n### ${size} instances, ${(bytes.length / 1e6).toFixed(2)} MB body (load average ${sectionLoad.toFixed(2)} → ${loadavg()[0]!.toFixed(2)})\n`, '| case | median ms | min ms | max ms | × AWS SDK |', '|---|---:|---:|---:|---:|');
    for (const each of cases) {
      const list = times.get(each)!;
      rows.push(`| ${each.name} | ${median(list).toFixed(1)} | ${Math.min(...list).toFixed(1)} | ${Math.max(...list).toFixed(1)} | ${(median(list) / sdkMedian).toFixed(2)} |`);
    }
    console.log(rows.slice(-cases.length - 3).join('\n'));
  }
  const memory = process.argv.includes('--memory') ? memoryTable(sizes, cases) : '';
  const report = [
    '# EC2 listNodes benchmark', '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}; load average ${load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (shared machine)`,
    `- versions: @aws-sdk/client-ec2 ${version('@aws-sdk/client-ec2')}, fast-xml-parser ${version('fast-xml-parser')}, undici ${version('undici')}`,
    `- command: \`cd bench && node build.mjs && node --expose-gc .out/ec2-list-nodes.bench.mjs${process.argv.includes('--memory') ? ' --memory' : ''}\` (BENCH_SIZES=${sizes.join(',')} BENCH_RUNS=${runs} BENCH_WARMUP=${warmup}${forcedGc ? ' BENCH_GC=1' : ''})`,
    `- per call, median of ${runs} after ${warmup} warm-up rounds, all cases interleaved in one process${forcedGc ? ', full GC before each call' : ''}; server on 127.0.0.1 in a worker thread`,
    ...rows, memory,
  ].join('\n');
  mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../results/ec2-list-nodes.md', import.meta.url), `${report}\n`);
  await worker.terminate();

  async function measureMemory(each: Case, size: number): Promise<void> {
    text = each.network ? '' : generateDescribeInstances({ instances: size, seed: 2024 });
    await tell({ body: Buffer.from(generateDescribeInstances({ instances: size, seed: 2024 })) });
    gc();
    gc();
    // Resets the kernel's peak-RSS mark (Linux ≥ 4.0), so VmHWM below is the peak of the measured call only.
    writeFileSync('/proc/self/clear_refs', '5');
    const base = process.memoryUsage().rss;
    await each.run();
    const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
    console.log(JSON.stringify({ peakDeltaMb: (peak - base) / 2 ** 20 }));
    await worker.terminate();
  }
}

/** Peak RSS above the baseline during the first call, each case in a fresh process (heap growth included). */
function memoryTable(sizes: number[], cases: Case[]): string {
  const lines = ['\n### Peak RSS during one first call, above the baseline after setup and GC (a fresh process per case and size)\n', `| case | ${sizes.map((size) => `${size} instances`).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  for (const [index, each] of cases.entries()) {
    const cells = sizes.map((size) => {
      const output = execFileSync(process.execPath, ['--expose-gc', '--no-warnings', new URL(import.meta.url).pathname, `--case=${index}`], { env: { ...process.env, BENCH_SIZES: String(size) }, encoding: 'utf8' });
      return `${(JSON.parse(output.trim().split('\n').pop()!) as { peakDeltaMb: number }).peakDeltaMb.toFixed(0)} MB`;
    });
    lines.push(`| ${each.name} | ${cells.join(' | ')} |`);
  }
  console.log(lines.join('\n'));
  return lines.join('\n');
}

function version(name: string): string {
  return (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
}
