// Compiles the TypeScript benchmark entries to bench/.out/*.mjs with esbuild (Node 20 cannot run .ts itself, and a
// loader such as tsx would change the workspace's vite peer resolution). Packages stay external: the benchmarks
// import the *built* @multicloud packages (run `pnpm turbo run build --filter=@multicloud/provider-ec2...` first),
// which is what users get.
import { build } from 'esbuild';

const entries = process.argv.slice(2);
await build({
  entryPoints: entries.length > 0 ? entries : ['ec2-list-nodes.bench.ts'],
  absWorkingDir: new URL('.', import.meta.url).pathname,
  outdir: '.out',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});
