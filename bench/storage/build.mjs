// Compiles the storage benchmarks to bench/storage/.out/*.mjs with esbuild (as ../build.mjs does for the EC2 ones:
// Node 20 cannot run .ts itself). Packages stay external, so the benchmarks import the *built* @multicloud packages
// (run `pnpm turbo run build --filter=@multicloud/provider-ec2...` first) and undici from bench/node_modules.
// Code splitting keeps each client's code in its own chunk: a child process measuring one client loads only that
// client (its peak RSS is its own).
//
// `@aws-sdk/client-s3` and `@aws-sdk/lib-storage` are external when bench/node_modules has them. Until then, point
// BENCH_STORAGE_DEPS at a node_modules folder that has them (e.g. one made with `npm install` in a scratch folder):
// they are bundled from there (into a lazily loaded chunk) instead.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const dir = new URL('.', import.meta.url).pathname;
const require = createRequire(new URL('../package.json', import.meta.url));
const hasSdk = ['@aws-sdk/client-s3', '@aws-sdk/lib-storage'].every((name) => {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
});
const deps = process.env.BENCH_STORAGE_DEPS;
if (!hasSdk && !(deps && existsSync(`${deps}/@aws-sdk/client-s3`))) {
  console.error('@aws-sdk/client-s3 and @aws-sdk/lib-storage are not in bench/node_modules; set BENCH_STORAGE_DEPS=<a node_modules with them>');
  process.exit(1);
}
await build({
  entryPoints: ['sink-server.ts', 'throughput.ts', 'small-objects.ts', 'hash-cost.ts', 'write-buffer.ts'],
  absWorkingDir: dir,
  outdir: '.out',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  ...(hasSdk
    ? { packages: 'external' }
    : { external: ['@multicloud/*', 'undici'], nodePaths: [deps], mainFields: ['module', 'main'] }),
  // Bundled CommonJS (the SDK's dependencies) may `require` Node built-ins from ESM output.
  banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
});
console.log(`built bench/storage/.out (${hasSdk ? 'AWS SDK external, from bench/node_modules' : `AWS SDK bundled from ${deps}`})`);
