/**
 * What the write buffer of a download to a file costs: 1 GiB of 64 KiB chunks through `pipeline` into a
 * `createWriteStream` on tmpfs (/dev/shm, so the disk is not measured), at fs's default `highWaterMark` (16 KiB) and
 * larger ones; `writeStreamToFile` (packages/storage/src/streams/write-file.ts) uses 1 MiB.
 *
 *   node .out/write-buffer.mjs [--no-write]
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { GiB, MiB, machine, median, writeSection } from './common.js';

const KiB = 1024;
import { PATTERN } from './pattern.js';

const chunk = PATTERN.subarray(0, 64 * KiB);

async function* chunks(): AsyncGenerator<Buffer> {
  // A fresh buffer per chunk, as a socket read gives.
  for (let done = 0; done < GiB; done += chunk.length) yield Buffer.from(chunk);
}

const rows = ['| `highWaterMark` | MB/s | min–max |', '|---|---:|---:|'];
for (const highWaterMark of [undefined, 256 * KiB, MiB, 4 * MiB]) {
  const speeds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const file = `/dev/shm/multicloud-write-buffer-${process.pid}`;
    const started = performance.now();
    await pipeline(chunks(), createWriteStream(file, highWaterMark === undefined ? {} : { highWaterMark }));
    speeds.push(GiB / 1e6 / ((performance.now() - started) / 1000));
    await rm(file);
  }
  const label = highWaterMark === undefined ? 'default (16 KiB)' : `${highWaterMark / KiB} KiB`;
  rows.push(`| ${label} | ${median(speeds).toFixed(0)} | ${Math.min(...speeds).toFixed(0)}–${Math.max(...speeds).toFixed(0)} |`);
}
const markdown = ['### Writing a download to a file: the write buffer', '', `${new Date().toISOString()}; ${machine()}. Command (in \`bench/storage\`): \`node .out/write-buffer.mjs\`. 1 GiB of 64 KiB chunks into a file on /dev/shm; median of 5 runs.`, '', ...rows].join('\n');
console.log(markdown);
if (!process.argv.includes('--no-write')) writeSection('write-buffer', markdown);
