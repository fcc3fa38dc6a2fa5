/**
 * Small-object request rate against the sink at concurrency 50 (50 loops, each one request after the other), each
 * case a fresh Node process, runs interleaved with a rotating order, median of `--runs` (default 3):
 *   GET of a 1 KiB object: raw undici `Pool` (`body.arrayBuffer()`), ours (`downloadObjectAsStream` of a
 *     `getObject`ed model, read to the end), AWS SDK `GetObjectCommand` (`Body.transformToByteArray()`);
 *   metadata: raw undici `Pool` HEAD and ranged GET of byte 0, ours `getObject` (a ranged GET of byte 0), AWS SDK
 *     `HeadObjectCommand`.
 * The sink counts the TCP connections each case opens (`connection` events, warm-up included), to show whether a
 * client opens a socket per call (undici closes the connection after every HEAD).
 *
 *   node build.mjs && node .out/small-objects.mjs [--runs=3] [--seconds=5] [--warmup=1] [--concurrency=50] [--only=…] [--no-write]
 *     [--no-wait] [--proto=.out/proto/proposed.mjs] (adds the rows of a driver build, see README)
 */
import { pathToFileURL } from 'node:url';
import { cpus } from 'node:os';
import { argument, here, loadDriver, machine, measure, median, runChild, startSinkProcess, waitIdle, writeSection, type ChildResult } from './common.js';

const OBJECT_SIZE = 1024;
const KEY = `obj-${OBJECT_SIZE}-md5`;
const BUCKET = 'bench';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

interface Case {
  readonly name: string;
  readonly label: string;
  readonly kind: 'get' | 'metadata';
  readonly env?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'raw-get', label: 'raw undici `Pool` GET', kind: 'get' },
  { name: 'ours-get', label: 'ours `downloadObjectAsStream` (+ read)', kind: 'get' },
  { name: 'sdk-get', label: 'AWS SDK `GetObjectCommand` (+ `transformToByteArray`)', kind: 'get' },
  { name: 'raw-head', label: 'raw undici `Pool` HEAD', kind: 'metadata' },
  { name: 'raw-range0', label: 'raw undici `Pool` GET `Range: bytes=0-0`', kind: 'metadata' },
  { name: 'ours-getobject', label: 'ours `getObject` (GET `Range: bytes=0-0`)', kind: 'metadata' },
  { name: 'sdk-head', label: 'AWS SDK `HeadObjectCommand`', kind: 'metadata' },
];

const child = argument('child', '');
if (child) await runCase(child);
else await main();

async function main(): Promise<void> {
  const runs = Number(argument('runs', '3'));
  const seconds = argument('seconds', '5');
  const warmup = argument('warmup', '1');
  const concurrency = argument('concurrency', '50');
  const protoArgument = argument('proto', '');
  const only = argument('only', '');
  const cases = [...CASES];
  if (protoArgument) {
    const env = { STORAGE_DRIVER_MODULE: pathToFileURL(protoArgument).href };
    cases.push({ name: 'ours-get', label: '(P) proposed driver `downloadObjectAsStream` (+ read)', kind: 'get', env }, { name: 'ours-getobject', label: '(P) proposed driver `getObject`', kind: 'metadata', env });
  }
  const selected = only ? cases.filter((entry) => only.split(',').includes(entry.name)) : cases;
  const sink = await startSinkProcess();
  await sink.prepare(OBJECT_SIZE);
  const started = new Date();
  const machineBefore = machine();
  const script = here('./small-objects.mjs');
  type Row = { child: ChildResult; connections: number; requests: number; sinkCpuMs: number; otherLoad: number };
  const wait = !process.argv.includes('--no-wait');
  const results = new Map<Case, Row[]>(selected.map((entry) => [entry, []]));
  for (let run = 0; run < runs; run++) {
    for (let index = 0; index < selected.length; index++) {
      const entry = selected[(index + run) % selected.length] as Case;
      if (wait) await waitIdle();
      await sink.reset();
      const result = await runChild(script, entry.name, [`--endpoint=${sink.endpoint}`, `--seconds=${seconds}`, `--warmup=${warmup}`, `--concurrency=${concurrency}`], entry.env);
      const stats = await sink.stats();
      if (stats.errors > 0) throw new Error(`${entry.name}: the sink answered ${stats.errors} errors: ${JSON.stringify(stats.requests)}`);
      const requests = Object.entries(stats.requests).filter(([kind]) => kind !== 'listObjects').reduce((sum, [, count]) => sum + count, 0);
      const otherLoad = Math.max(0, result.machineBusyMs - result.totalCpuMs - stats.cpuMs) / (result.wallMs * cpus().length);
      results.get(entry)!.push({ child: result, connections: stats.connections, requests, sinkCpuMs: stats.cpuMs, otherLoad });
      console.error(`run ${run + 1}/${runs} ${entry.name}${entry.env ? ' (P)' : ''}: ${(result.rate as number).toFixed(0)} req/s, ${stats.connections} sockets for ${requests} requests ${JSON.stringify(stats.requests)}, peak RSS ${result.peakRssMb.toFixed(0)} MB, sink CPU ${stats.cpuMs.toFixed(0)} ms, other load ${(otherLoad * 100).toFixed(0)} %`);
    }
  }
  await sink.close();

  const rows = [
    '| operation | client | req/s | × raw undici GET | sockets opened / requests | client CPU µs / request | sink CPU µs / request | peak RSS MB | other load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rawGet = CASES[0] as Case;
  const rawRate = results.has(rawGet) ? median(results.get(rawGet)!.map(({ child }) => child.rate as number)) : Number.NaN;
  for (const entry of selected) {
    const list = results.get(entry)!;
    const rates = list.map(({ child }) => child.rate as number);
    const rate = median(rates);
    const connections = median(list.map((row) => row.connections));
    const requests = median(list.map((row) => row.requests));
    rows.push(`| ${entry.kind === 'get' ? `GET ${OBJECT_SIZE} B object` : 'metadata'} | ${entry.label} | ${rate.toFixed(0)} (${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}) | ${Number.isNaN(rawRate) ? '–' : (rate / rawRate).toFixed(3)} | ${connections} / ${requests} | ${median(list.map(({ child }) => (child.cpuMs * 1000) / (child.count as number))).toFixed(0)} | ${median(list.map((row) => (row.sinkCpuMs * 1000) / row.requests)).toFixed(0)} | ${median(list.map(({ child }) => child.peakRssMb)).toFixed(0)} | ${(Math.max(...list.map((row) => row.otherLoad)) * 100).toFixed(0)} % |`);
  }
  const command = `node .out/small-objects.mjs ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = [
    `### Small objects against the local sink: concurrency ${concurrency}`,
    '',
    `${started.toISOString()}; ${machineBefore}. Command (in \`bench/storage\`): \`${command}\`. Each case: ${warmup} s warm-up, then ${seconds} s timed; median of ${runs} runs (min–max); fresh process per case. Sockets and requests are the sink's counts for the whole case (warm-up included); client CPU is over the timed part.`,
    '',
    ...rows,
  ].join('\n');
  console.log(markdown);
  if (!process.argv.includes('--no-write')) writeSection(`small-objects${argument('section', '')}`, markdown);
}

/** One case, in its own process: `concurrency` loops for `warmup` s, then `seconds` s timed. */
async function runCase(name: string): Promise<void> {
  const endpoint = argument('endpoint', '');
  const seconds = Number(argument('seconds', '5'));
  const warmup = Number(argument('warmup', '1'));
  const concurrency = Number(argument('concurrency', '50'));
  let call: () => Promise<unknown>;

  if (name.startsWith('raw-')) {
    const { Pool } = await import('undici');
    const pool = new Pool(endpoint);
    const path = `/${BUCKET}/${KEY}`;
    if (name === 'raw-get') {
      call = async () => {
        const response = await pool.request({ method: 'GET', path });
        const bytes = await response.body.arrayBuffer();
        if (response.statusCode !== 200 || bytes.byteLength !== OBJECT_SIZE) throw new Error(`GET ${response.statusCode}`);
      };
    } else if (name === 'raw-head') {
      call = async () => {
        const response = await pool.request({ method: 'HEAD', path });
        await response.body.dump();
        if (response.statusCode !== 200) throw new Error(`HEAD ${response.statusCode}`);
      };
    } else {
      call = async () => {
        const response = await pool.request({ method: 'GET', path, headers: { range: 'bytes=0-0' } });
        await response.body.dump();
        if (response.statusCode !== 206) throw new Error(`GET range ${response.statusCode}`);
      };
    }
  } else if (name.startsWith('ours-')) {
    const { createS3Storage } = await loadDriver();
    const s3 = createS3Storage({ endpoint, region: 'us-east-1', ...CREDENTIALS });
    if (name === 'ours-get') {
      const object = await s3.getObject(BUCKET, KEY);
      call = async () => {
        const stream = await s3.downloadObjectAsStream(object);
        let bytes = 0;
        for await (const chunk of stream) bytes += (chunk as Buffer).length;
        if (bytes !== OBJECT_SIZE) throw new Error(`read ${bytes} bytes`);
      };
    } else {
      call = async () => {
        const object = await s3.getObject(BUCKET, KEY);
        if (object.size !== OBJECT_SIZE) throw new Error(`size ${object.size}`);
      };
    }
  } else {
    const { S3Client, GetObjectCommand, HeadObjectCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    if (name === 'sdk-get') {
      call = async () => {
        const output = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: KEY }));
        const bytes = await output.Body!.transformToByteArray();
        if (bytes.byteLength !== OBJECT_SIZE) throw new Error(`read ${bytes.byteLength} bytes`);
      };
    } else {
      call = async () => {
        const output = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: KEY }));
        if (output.ContentLength !== OBJECT_SIZE) throw new Error(`size ${output.ContentLength}`);
      };
    }
  }

  const loop = async (until: number, counter: { count: number }) => {
    while (performance.now() < until) {
      await call();
      counter.count++;
    }
  };
  const drive = (ms: number) => {
    const counter = { count: 0 };
    const until = performance.now() + ms;
    return Promise.all(Array.from({ length: concurrency }, () => loop(until, counter))).then(() => counter.count);
  };
  await drive(warmup * 1000);
  await measure(async () => {
    const started = performance.now();
    const count = await drive(seconds * 1000);
    return { bytes: 0, count, rate: count / ((performance.now() - started) / 1000) };
  });
  process.exit(0);
}
