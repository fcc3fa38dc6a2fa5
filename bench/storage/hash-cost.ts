/**
 * What integrity costs per GiB on this CPU, single thread, 8 MiB buffers: MD5 (Content-MD5 and ETag checks),
 * SHA-256 (signed payloads / x-amz-checksum-sha256), CRC32 (`zlib.crc32`, x-amz-checksum-crc32), plus the copy
 * `cutIntoParts` makes (`Buffer.concat` of 64 KiB chunks into fresh 8 MiB parts, and into one reused part).
 *
 *   node .out/hash-cost.mjs [--no-write]
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { GiB, MiB, machine, median, writeSection } from './common.js';
import { PATTERN } from './pattern.js';

const part = Buffer.concat(Array.from({ length: 8 }, () => PATTERN));
const chunks = Array.from({ length: part.length / (64 * 1024) }, (_, index) => part.subarray(index * 65536, (index + 1) * 65536));
const reused = Buffer.allocUnsafe(part.length);
const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
const cases: [string, () => unknown][] = [
  ['MD5 (`createHash(\'md5\')`)', () => createHash('md5').update(part).digest()],
  ['SHA-256 (`createHash(\'sha256\')`)', () => createHash('sha256').update(part).digest()],
  ...(crc32 ? [['CRC32 (`zlib.crc32`)', () => crc32(part)] as [string, () => unknown]] : []),
  ['`Buffer.concat` of 64 KiB chunks into a new 8 MiB part', () => Buffer.concat(chunks, part.length)],
  ['copy of 64 KiB chunks into one reused 8 MiB buffer', () => {
    let offset = 0;
    for (const chunk of chunks) offset += chunk.copy(reused, offset);
  }],
];
const rows = ['| operation | ms per GiB | MB/s |', '|---|---:|---:|'];
for (const [name, run] of cases) {
  const times: number[] = [];
  for (let round = 0; round < 7; round++) {
    const started = performance.now();
    for (let done = 0; done < GiB; done += part.length) run();
    times.push(performance.now() - started);
  }
  const ms = median(times.slice(2));
  rows.push(`| ${name} | ${ms.toFixed(0)} | ${(GiB / 1e6 / (ms / 1000)).toFixed(0)} |`);
}
const markdown = [`### Hashing and copying cost, one thread, ${part.length / MiB} MiB buffers`, '', `${new Date().toISOString()}; ${machine()}. Command (in \`bench/storage\`): \`node .out/hash-cost.mjs\`. Median of 5 after 2 warm-up rounds.`, '', ...rows].join('\n');
console.log(markdown);
if (!process.argv.includes('--no-write')) writeSection('hash-cost', markdown);
