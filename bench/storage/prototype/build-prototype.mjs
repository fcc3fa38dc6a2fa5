// Builds a driver variant for the benchmarks WITHOUT touching packages/: copies packages/provider-ec2/src and
// packages/storage/src into a scratch folder, applies a diff from this folder with `patch -p1`, and bundles
// `createS3Storage` from it to bench/storage/.out/proto/<name>.mjs (@multicloud/core and undici stay external, as in
// the built package; @multicloud/storage comes from the patched copy).
//
//   node prototype/build-prototype.mjs prototype   # the measured prototype, with STORAGE_PROTO_* knobs → --proto=
//   node prototype/build-prototype.mjs proposed    # the change proposed for the driver (no knobs)  → --proposed=
//   node prototype/build-prototype.mjs proposed-no-wire-change   # its part that sends the same requests as today
//   node prototype/build-prototype.mjs base        # no diff: the sources as they are, bundled the same way
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../../..');
for (const name of process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['prototype', 'proposed', 'proposed-no-wire-change']) {
  const scratch = mkdtempSync(join(tmpdir(), `multicloud-s3-${name}-`));
  try {
    for (const pkg of ['provider-ec2', 'storage']) cpSync(join(repo, 'packages', pkg, 'src'), join(scratch, 'packages', pkg, 'src'), { recursive: true });
    if (name !== 'base') execFileSync('patch', ['-p1', '--quiet', '--batch', '--forward', '-i', join(here, `${name}.diff`)], { cwd: scratch, stdio: 'inherit' });
    const entry = join(scratch, 'entry.ts');
    writeFileSync(entry, "export { createS3Storage } from './packages/provider-ec2/src/s3/s3-storage-driver.js';\n");
    await build({
      entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20',
      outfile: join(here, '../.out/proto', `${name}.mjs`),
      alias: { '@multicloud/storage': join(scratch, 'packages/storage/src/index.ts') },
      external: ['@multicloud/core', 'undici'], logLevel: 'warning',
    });
    console.log(`built .out/proto/${name}.mjs`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
