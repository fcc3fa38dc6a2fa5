/**
 * Upload and download throughput of one large object (1 GiB against the sink, 256 MiB against Swift), per client,
 * each case in a fresh Node process (so peak RSS is that client's), runs interleaved with a rotating order,
 * median of `--runs` (default 3):
 *   (a) raw undici: `request()` with the generated stream as body (one PUT) / `pipeline` of the body to a null sink;
 *   (b) ours: `createS3Storage().uploadObjectFromStream()` / `downloadObjectAsStream()` piped to a null sink;
 *   (c) `@aws-sdk/lib-storage` `Upload` / `@aws-sdk/client-s3` `GetObjectCommand` piped to a null sink.
 * The upload source is a generated stream of 64 KiB views of one buffer (`--chunk`), so the source costs nothing.
 *
 *   node build.mjs && node .out/throughput.mjs                       # sink (1 GiB), writes results.md
 *   node .out/throughput.mjs --target=swift                         # live Swift (256 MiB), `swift-aio.sh start` first
 * Options: --runs=3 --size=<bytes> --chunk=65536 --only=<case,…> --no-write (print only) --no-wait (do not wait for
 * an idle machine before each case) --section=<suffix> (results.md section name suffix); --proto=<module> and
 * --proposed=<module> add the cases of driver builds made by prototype/build-prototype.mjs (see README);
 * --proposed-name=<text> names the latter in the labels (default "proposed driver").
 * Environment for ours: STORAGE_PART_SIZE, STORAGE_PART_CONCURRENCY.
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  GiB, MiB, argument, generatedStream, here, loadDriver, machine, measure, median, nullSink, runChild, startSinkProcess,
  writeSection, waitIdle, type ChildResult, type Sink,
} from './common.js';
import { PATTERN } from './pattern.js';

interface Target {
  readonly name: 'sink' | 'swift';
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly bucket: string;
}

interface Case {
  readonly name: string;
  readonly label: string;
  readonly direction: 'upload' | 'download';
  readonly client: 'raw' | 'ours' | 'sdk';
  /** The object a download reads. */
  readonly key?: string;
  readonly env?: Record<string, string>;
}

const child = argument('child', '');
if (child) await runCase(child);
else await main();

function targetOf(name: string, endpoint: string): Target {
  return name === 'swift'
    ? {
        name: 'swift',
        endpoint: process.env.MULTICLOUD_S3_ENDPOINT ?? 'http://127.0.0.1:18080',
        region: process.env.MULTICLOUD_S3_REGION ?? 'us-east-1',
        accessKeyId: process.env.MULTICLOUD_S3_ACCESS_KEY_ID ?? 'test:tester',
        secretAccessKey: process.env.MULTICLOUD_S3_SECRET_ACCESS_KEY ?? 'testing',
        bucket: 'bench-storage',
      }
    : { name: 'sink', endpoint, region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', bucket: 'bench' };
}

/** Keys of the objects the downloads read: multipart-style ETag (nothing to verify), plain MD5 ETag, and (sink only)
 * plain MD5 ETag plus a full-object CRC32 sent on `x-amz-checksum-mode: ENABLED`, like an object uploaded to S3 with
 * the AWS SDK's default checksum. */
function downloadKeys(target: Target, size: number): { multipart: string; plain: string; crc?: string } {
  return target.name === 'sink'
    ? { multipart: `obj-${size}-mp`, plain: `obj-${size}-md5`, crc: `obj-${size}-crc` }
    : { multipart: `bench-${size}-multipart`, plain: `bench-${size}-single` };
}

function casesOf(target: Target, size: number, proto: string | undefined, proposed: string | undefined): Case[] {
  const keys = downloadKeys(target, size);
  const cases: Case[] = [
    { name: 'raw-put', label: '(a) raw undici `request` PUT, streamed body', direction: 'upload', client: 'raw' },
    { name: 'raw-put-mp', label: '(a′) raw undici, 8 MiB parts copied into 4 reused buffers, 4 PUTs in flight (the floor of any multipart upload)', direction: 'upload', client: 'raw' },
    { name: 'raw-put-mp-views', label: '(a″) raw undici multipart as (a′) but no copy: each part sent as the 64 KiB views it came in (not retryable)', direction: 'upload', client: 'raw' },
    { name: 'ours-put', label: '(b) ours `uploadObjectFromStream` (verifyHash default)', direction: 'upload', client: 'ours' },
    { name: 'ours-put-noverify', label: '(b) ours `uploadObjectFromStream` verifyHash: false', direction: 'upload', client: 'ours' },
    { name: 'sdk-put', label: '(c) AWS SDK lib-storage `Upload`', direction: 'upload', client: 'sdk' },
    { name: 'raw-get', label: '(a) raw undici `request` GET → pipeline', direction: 'download', client: 'raw', key: keys.multipart },
    { name: 'ours-get-mp', label: '(b) ours `downloadObjectAsStream`, multipart ETag (nothing to verify)', direction: 'download', client: 'ours', key: keys.multipart },
    { name: 'ours-get-md5', label: '(b) ours `downloadObjectAsStream`, plain MD5 ETag (MD5 verified)', direction: 'download', client: 'ours', key: keys.plain },
    { name: 'ours-file-mp', label: '(b) ours `downloadObject` to a file on tmpfs (/dev/shm), multipart ETag', direction: 'download', client: 'ours', key: keys.multipart },
    { name: 'sdk-get', label: '(c) AWS SDK `GetObjectCommand` → pipeline, multipart ETag', direction: 'download', client: 'sdk', key: keys.multipart },
  ];
  if (keys.crc) {
    cases.push(
      { name: 'ours-get-crc', label: '(b) ours `downloadObjectAsStream`, MD5 ETag + CRC32 on offer (CRC32 verified since e0529d3; MD5 before)', direction: 'download', client: 'ours', key: keys.crc },
      { name: 'sdk-get-crc', label: '(c) AWS SDK `GetObjectCommand`, MD5 ETag + CRC32 on offer (SDK checks CRC32)', direction: 'download', client: 'sdk', key: keys.crc },
    );
  }
  if (target.name === 'swift') {
    // A presigned URL takes no extra query parameters: no raw multipart against Swift.
    for (const name of ['raw-put-mp', 'raw-put-mp-views']) cases.splice(cases.findIndex((entry) => entry.name === name), 1);
    cases.splice(cases.findIndex((entry) => entry.name === 'ours-get-mp'), 0, { name: 'raw-get-md5', label: '(a) raw undici GET of the single-PUT object', direction: 'download', client: 'raw', key: keys.plain });
  }
  if (proto) {
    // The prototype build with its knobs: what each change gives on its own (the proposed build has them all).
    const env = { STORAGE_DRIVER_MODULE: proto };
    cases.push(
      { name: 'ours-put', label: '(p) prototype: pooled part buffers only (Content-MD5 as today)', direction: 'upload', client: 'ours', env: { ...env, STORAGE_PROTO_CHECKSUM: 'md5' } },
      { name: 'ours-put', label: '(p) prototype: CRC32 instead of MD5 only (fresh part buffers as today)', direction: 'upload', client: 'ours', env: { ...env, STORAGE_PROTO_CHECKSUM: 'crc32', STORAGE_PROTO_POOL: '0' } },
      { name: 'ours-put', label: '(p) prototype: pooled parts + CRC32, partConcurrency 2', direction: 'upload', client: 'ours', env: { ...env, STORAGE_PROTO_CHECKSUM: 'crc32', STORAGE_PART_CONCURRENCY: '2' } },
    );
  }
  if (proposed) {
    const env = { STORAGE_DRIVER_MODULE: proposed };
    const build = argument('proposed-name', 'proposed driver');
    cases.push(
      { name: 'ours-put', label: `(P) ${build}: upload, verifyHash default`, direction: 'upload', client: 'ours', env },
      { name: 'ours-put-noverify', label: `(P) ${build}: upload, verifyHash: false`, direction: 'upload', client: 'ours', env },
      { name: 'ours-get-mp', label: `(P) ${build}: download, multipart ETag`, direction: 'download', client: 'ours', key: keys.multipart, env },
      { name: 'ours-file-mp', label: `(P) ${build}: \`downloadObject\` to a file on tmpfs, multipart ETag`, direction: 'download', client: 'ours', key: keys.multipart, env },
      { name: 'ours-get-md5', label: `(P) ${build}: download, plain MD5 ETag`, direction: 'download', client: 'ours', key: keys.plain, env },
    );
    if (keys.crc) cases.push({ name: 'ours-get-crc', label: `(P) ${build}: download, MD5 ETag + CRC32 on offer`, direction: 'download', client: 'ours', key: keys.crc, env });
  }
  const only = argument('only', '');
  return only ? cases.filter((entry) => only.split(',').includes(entry.name)) : cases;
}

async function main(): Promise<void> {
  const targetName = argument('target', 'sink');
  const size = Number(argument('size', String(targetName === 'swift' ? 256 * MiB : GiB)));
  const runs = Number(argument('runs', '3'));
  const chunk = argument('chunk', '65536');
  const protoArgument = argument('proto', '');
  const proto = protoArgument ? pathToFileURL(protoArgument).href : undefined;
  const proposedArgument = argument('proposed', '');
  const proposed = proposedArgument ? pathToFileURL(proposedArgument).href : undefined;
  const sink: Sink | undefined = targetName === 'sink' ? await startSinkProcess() : undefined;
  const target = targetOf(targetName, sink?.endpoint ?? '');
  const cases = casesOf(target, size, proto, proposed);
  const started = new Date();
  const machineBefore = machine();
  if (sink) await sink.prepare(size); // the plain-MD5 object's ETag, computed before any timing
  else await prepareSwift(target, size);

  const script = here('./throughput.mjs');
  type Row = { child: ChildResult; sinkCpuMs?: number; otherLoad: number };
  const results = new Map<Case, Row[]>(cases.map((entry) => [entry, []]));
  const wait = !process.argv.includes('--no-wait');
  for (let run = 0; run < runs; run++) {
    const order = cases.map((_, index) => cases[(index + run) % cases.length] as Case);
    for (const entry of order) {
      if (wait) await waitIdle();
      await sink?.reset();
      const args = [`--target=${target.name}`, `--endpoint=${target.endpoint}`, `--size=${size}`, `--chunk=${chunk}`];
      if (entry.key) args.push(`--key=${entry.key}`);
      const result = await runChild(script, entry.name, args, entry.env);
      const stats = await sink?.stats();
      if (result.bytes !== size) throw new Error(`${entry.name}: moved ${result.bytes} bytes, expected ${size}`);
      if (stats && entry.direction === 'upload' && stats.bytesIn !== size) throw new Error(`${entry.name}: the sink received ${stats.bytesIn} bytes, expected ${size}`);
      if (stats && stats.errors > 0) throw new Error(`${entry.name}: the sink answered ${stats.errors} errors: ${JSON.stringify(stats.requests)}`);
      // CPU used by anything else on the machine while the case ran, as a share of all cores: noise indicator.
      const otherLoad = Math.max(0, result.machineBusyMs - result.totalCpuMs - (stats?.cpuMs ?? 0)) / (result.wallMs * cpus().length);
      results.get(entry)!.push({ child: result, ...(stats ? { sinkCpuMs: stats.cpuMs } : {}), otherLoad });
      const requests = stats ? ` sink: ${JSON.stringify(stats.requests)} ${stats.connections} conn, ${stats.cpuMs.toFixed(0)} ms CPU` : '';
      console.error(`run ${run + 1}/${runs} ${entry.name}${entry.env ? ` (${entry.label.slice(0, 3)})` : ''}: ${mbps(size, result.ms).toFixed(0)} MB/s, peak RSS ${result.peakRssMb.toFixed(0)} MB, client CPU ${result.cpuMs.toFixed(0)} ms${requests}, other load ${(otherLoad * 100).toFixed(0)} %`);
    }
  }
  await sink?.close();

  const table = report(target, size, cases, results);
  const command = `node .out/throughput.mjs ${process.argv.slice(2).join(' ')}`.trim();
  const markdown = [
    `### Throughput against ${target.name === 'sink' ? 'the local sink' : 'live Swift (S3 API)'}: ${size / MiB} MiB`,
    '',
    `${started.toISOString()}; ${machineBefore}. Command (in \`bench/storage\`): \`${command}\`. Median of ${runs} runs (min–max in brackets), each case a fresh process; MB = 10^6 bytes.`,
    '',
    table,
  ].join('\n');
  console.log(markdown);
  if (!process.argv.includes('--no-write')) writeSection(`throughput-${target.name}${argument('section', '')}`, markdown);
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

function report(target: Target, size: number, cases: Case[], results: Map<Case, { child: ChildResult; sinkCpuMs?: number; otherLoad: number }[]>): string {
  const sinkColumns = target.name === 'sink';
  const rows = [
    `| case | MB/s | × raw undici | peak RSS MB | RSS before MB | client CPU ms | ${sinkColumns ? 'sink CPU ms | ' : ''}other load${sinkColumns ? '' : ' (Swift included)'} |`,
    `|---|---:|---:|---:|---:|---:|${sinkColumns ? '---:|' : ''}---:|`,
  ];
  const rawOf = (direction: string) => {
    const raw = cases.find((entry) => entry.client === 'raw' && entry.direction === direction);
    return raw ? median(results.get(raw)!.map(({ child }) => mbps(size, child.ms))) : Number.NaN;
  };
  for (const entry of cases) {
    const list = results.get(entry)!;
    const speeds = list.map(({ child }) => mbps(size, child.ms));
    const peaks = list.map(({ child }) => child.peakRssMb);
    const speed = median(speeds);
    const cells = [
      entry.label,
      `${speed.toFixed(0)} (${Math.min(...speeds).toFixed(0)}–${Math.max(...speeds).toFixed(0)})`,
      Number.isNaN(rawOf(entry.direction)) ? '–' : `${(speed / rawOf(entry.direction)).toFixed(2)}`,
      `${median(peaks).toFixed(0)} (${Math.min(...peaks).toFixed(0)}–${Math.max(...peaks).toFixed(0)})`,
      median(list.map(({ child }) => child.baseRssMb)).toFixed(0),
      median(list.map(({ child }) => child.cpuMs)).toFixed(0),
    ];
    if (sinkColumns) cells.push(median(list.map(({ sinkCpuMs }) => sinkCpuMs ?? 0)).toFixed(0));
    cells.push(`${(Math.max(...list.map(({ otherLoad }) => otherLoad)) * 100).toFixed(0)} %`);
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

/** Swift: the bucket, and the two objects the downloads read (single PUT: plain MD5 ETag; multipart: `…-N`). */
async function prepareSwift(target: Target, size: number): Promise<void> {
  const { createS3Storage } = await loadDriver();
  const settings = { endpoint: target.endpoint, region: target.region, accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey };
  const s3 = createS3Storage(settings);
  const bucket = await s3.getContainer(target.bucket).catch(() => s3.createContainer(target.bucket));
  const keys = downloadKeys(target, size);
  const single = createS3Storage({ ...settings, partSize: size });
  const existing = async (key: string) => s3.getObject(target.bucket, key).then((object) => object.size === size, () => false);
  if (!(await existing(keys.plain))) await single.uploadObjectFromStream(generatedStream(size, 1 << 20, PATTERN), bucket, keys.plain);
  if (!(await existing(keys.multipart))) await s3.uploadObjectFromStream(generatedStream(size, 1 << 20, PATTERN), bucket, keys.multipart);
  const [plain, multipart] = await Promise.all([s3.getObject(target.bucket, keys.plain), s3.getObject(target.bucket, keys.multipart)]);
  console.error(`swift objects: ${keys.plain} ETag ${plain.hash}, ${keys.multipart} ETag ${multipart.hash}`);
}

/** One case, in its own process. */
async function runCase(name: string): Promise<void> {
  const target = targetOf(argument('target', 'sink'), argument('endpoint', ''));
  const size = Number(argument('size', String(GiB)));
  const chunk = Number(argument('chunk', '65536'));
  const key = argument('key', `up-${name}`);
  const source = () => generatedStream(size, chunk, PATTERN);
  const url = `${target.endpoint}/${target.bucket}/${key}`;
  const credentials = { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey };

  if (name.startsWith('raw-')) {
    const { request } = await import('undici');
    const { presignV4 } = await import('@multicloud/core');
    /** The sink takes anything; Swift gets a presigned URL (SigV4 query, UNSIGNED-PAYLOAD), signed outside the timing. */
    const signed = (method: 'GET' | 'PUT') =>
      target.name === 'sink'
        ? url
        : presignV4({ method, url, headers: {} }, { ...credentials, region: target.region, service: 's3', date: new Date(), expiresInSeconds: 3600, uriEscapePath: false, normalizePath: false });
    if (name === 'raw-put-mp') {
      // What any multipart upload of a stream must do at least: copy the stream into part buffers (reused here, as
      // soon as a part's request is done) and PUT them, `concurrency` at a time; no signing, no hashing.
      const partSize = 8 * MiB;
      const concurrency = 4;
      const free: Buffer[] = [];
      const inFlight = new Set<Promise<void>>();
      const address = signed('PUT');
      const put = async (part: Buffer, number: number) => {
        const response = await request(`${address}${address.includes('?') ? '&' : '?'}partNumber=${number}&uploadId=raw`, { method: 'PUT', body: part });
        await response.body.text();
        if (response.statusCode !== 200) throw new Error(`PUT part ${response.statusCode}`);
      };
      await measure(async () => {
        let current: Buffer = Buffer.allocUnsafeSlow(partSize);
        let filled = 0;
        let number = 0;
        const send = async (part: Buffer) => {
          const task = put(part, ++number).finally(() => {
            inFlight.delete(task);
            if (part.length === partSize) free.push(part);
          });
          inFlight.add(task);
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
        };
        for await (const chunk of source() as AsyncIterable<Buffer>) {
          let offset = 0;
          while (offset < chunk.length) {
            const take = Math.min(partSize - filled, chunk.length - offset);
            chunk.copy(current, filled, offset, offset + take);
            filled += take;
            offset += take;
            if (filled === partSize) {
              await send(current);
              current = free.pop() ?? Buffer.allocUnsafeSlow(partSize);
              filled = 0;
            }
          }
        }
        if (filled > 0) await send(current.subarray(0, filled));
        await Promise.all(inFlight);
        return size;
      });
    } else if (name === 'raw-put-mp-views') {
      // (a′) without the copy: each part is the list of chunk views it came in, sent as a streamed body with its
      // Content-Length. Only safe when the producer never reuses a chunk's memory, and a part cannot be replayed.
      const { Readable } = await import('node:stream');
      const partSize = 8 * MiB;
      const concurrency = 4;
      const inFlight = new Set<Promise<void>>();
      const address = signed('PUT');
      await measure(async () => {
        let pending: Buffer[] = [];
        let filled = 0;
        let number = 0;
        const send = async (chunks: Buffer[], length: number) => {
          const task = request(`${address}${address.includes('?') ? '&' : '?'}partNumber=${++number}&uploadId=raw`, {
            method: 'PUT', body: Readable.from(chunks), headers: { 'content-length': String(length) },
          }).then(async (response) => {
            await response.body.text();
            if (response.statusCode !== 200) throw new Error(`PUT part ${response.statusCode}`);
          }).finally(() => inFlight.delete(task));
          inFlight.add(task);
          if (inFlight.size >= concurrency) await Promise.race(inFlight);
        };
        for await (const chunk of source() as AsyncIterable<Buffer>) {
          let offset = 0;
          while (offset < chunk.length) {
            const take = Math.min(partSize - filled, chunk.length - offset);
            pending.push(chunk.subarray(offset, offset + take));
            filled += take;
            offset += take;
            if (filled === partSize) {
              await send(pending, filled);
              pending = [];
              filled = 0;
            }
          }
        }
        if (filled > 0) await send(pending, filled);
        await Promise.all(inFlight);
        return size;
      });
    } else if (name === 'raw-put') {
      const address = signed('PUT');
      await measure(async () => {
        const response = await request(address, { method: 'PUT', body: source(), headers: { 'content-length': String(size), 'content-type': 'application/octet-stream' } });
        const text = await response.body.text();
        if (response.statusCode !== 200) throw new Error(`PUT ${response.statusCode}: ${text}`);
        return size;
      });
    } else {
      const address = signed('GET');
      await measure(async () => {
        const response = await request(address);
        if (response.statusCode !== 200) throw new Error(`GET ${response.statusCode}: ${await response.body.text()}`);
        const sink = nullSink();
        await pipeline(response.body, sink);
        return sink.bytes;
      });
    }
  } else if (name.startsWith('ours-')) {
    const { createS3Storage } = await loadDriver();
    const partSize = process.env.STORAGE_PART_SIZE ? Number(process.env.STORAGE_PART_SIZE) : undefined;
    const partConcurrency = process.env.STORAGE_PART_CONCURRENCY ? Number(process.env.STORAGE_PART_CONCURRENCY) : undefined;
    const s3 = createS3Storage({ endpoint: target.endpoint, region: target.region, ...credentials, partSize, partConcurrency });
    if (name.startsWith('ours-put')) {
      const bucket = await s3.getContainer(target.bucket);
      const verifyHash = name !== 'ours-put-noverify';
      await measure(async () => {
        const object = await s3.uploadObjectFromStream(source(), bucket, key, { verifyHash, contentType: 'application/octet-stream' });
        return { bytes: size, etag: object.hash };
      });
    } else if (name.startsWith('ours-file')) {
      const { rmSync, statSync } = await import('node:fs');
      const object = await s3.getObject(target.bucket, key);
      const file = `/dev/shm/multicloud-bench-${process.pid}`;
      await measure(async () => {
        await s3.downloadObject(object, file, { overwrite: true });
        const bytes = statSync(file).size;
        rmSync(file, { force: true });
        return { bytes, etag: object.hash };
      });
    } else {
      const object = await s3.getObject(target.bucket, key);
      await measure(async () => {
        const stream = await s3.downloadObjectAsStream(object);
        const sink = nullSink();
        await pipeline(stream, sink);
        return { bytes: sink.bytes, etag: object.hash };
      });
    }
  } else if (name.startsWith('sdk-')) {
    const { S3Client, GetObjectCommand } = await import('@aws-sdk/client-s3');
    const client = new S3Client({ endpoint: target.endpoint, region: target.region, credentials, forcePathStyle: true });
    if (name === 'sdk-put') {
      const { Upload } = await import('@aws-sdk/lib-storage');
      await measure(async () => {
        const upload = new Upload({ client, params: { Bucket: target.bucket, Key: key, Body: source(), ContentType: 'application/octet-stream' } });
        const output = await upload.done();
        return { bytes: size, etag: output.ETag };
      });
    } else {
      await measure(async () => {
        const output = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
        const sink = nullSink();
        await pipeline(output.Body as Readable, sink);
        return { bytes: sink.bytes, etag: output.ETag };
      });
    }
  } else {
    throw new Error(`unknown case ${name}`);
  }
  process.exit(0); // pooled keep-alive sockets would hold the process open; stdout to a pipe is synchronous on Linux
}
