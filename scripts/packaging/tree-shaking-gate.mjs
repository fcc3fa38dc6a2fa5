// Gate: importing one factory bundles only its driver. For each check in size-limit.json, esbuild bundles the
// check's code against the BUILT @multicloud packages (`pnpm build` first), with every other package external, and
//  - fails when code from a forbidden path reached the bundle: by the metafile (inputs with bytes in the output)
//    and by the bundle's source map, chained through dist/*.js.map to src/ (a shared dist chunk hides which src
//    file a byte came from; the map does not);
//  - fails when the gzip size of that bundle — our own code only — exceeds `limitGzipBytes`.
// Also prints, for information, the size with third-party dependencies bundled except undici.
//   node scripts/packaging/tree-shaking-gate.mjs [--update]   (--update records the measured sizes)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bytesBySource, contributingSources } from './source-map-sources.mjs';
import { REPO_ROOT, workspacePackages } from './workspace.mjs';

const LIMITS_FILE = join(REPO_ROOT, 'scripts/packaging/size-limit.json');

/** An esbuild plugin resolving workspace packages (`@multicloud/<pkg>[/<entry>]`) through `exports` to their built files. */
export function builtWorkspacePackages(repoRoot = REPO_ROOT) {
  const byName = new Map(workspacePackages(repoRoot).map((pkg) => [pkg.manifest.name, pkg]));
  return {
    name: 'built-workspace-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
        const parts = args.path.split('/');
        const nameLength = args.path.startsWith('@') ? 2 : 1;
        const pkg = byName.get(parts.slice(0, nameLength).join('/'));
        if (!pkg) return undefined; // not ours: the build's own rules (external)
        const rest = parts.slice(nameLength);
        const target = pkg.manifest.exports?.[rest.length === 0 ? '.' : `./${rest.join('/')}`];
        const file = typeof target === 'string' ? target : target?.default;
        if (!file) return { errors: [{ text: `${args.path} is not in the exports of ${pkg.manifest.name}` }] };
        return { path: resolve(pkg.dir, file) };
      });
    },
  };
}

/**
 * Bundles `code` (minified, ESM, Node 20) with the workspace packages from their dist.
 * @param {{ code: string, thirdParty?: 'external' | 'bundled-except-undici' }} options
 */
export async function bundle({ code, thirdParty = 'external' }, repoRoot = REPO_ROOT) {
  const result = await build({
    stdin: { contents: code, resolveDir: repoRoot, loader: 'js', sourcefile: 'entry.mjs' },
    absWorkingDir: repoRoot, bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node20', write: false, metafile: true,
    sourcemap: 'external', outfile: join(repoRoot, 'node_modules/.cache/tree-shaking/out.js'), logLevel: 'silent',
    plugins: [builtWorkspacePackages(repoRoot)],
    ...(thirdParty === 'external' ? { packages: 'external' } : { external: ['undici', 'ssh2', 'cpu-features'] }),
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = JSON.parse(result.outputFiles.find((file) => file.path.endsWith('.map')).text);
  const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'))[1];
  const inputs = Object.entries(output.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([path]) => relative(repoRoot, resolve(repoRoot, path)));
  const outDir = join(repoRoot, 'node_modules/.cache/tree-shaking');
  const path = (source) => (source === null ? '(unmapped)' : relative(repoRoot, resolve(outDir, source)));
  const sources = [...contributingSources(map)].map(path);
  const sourceBytes = new Map([...bytesBySource(map, js.text)].map(([source, bytes]) => [path(source), bytes]));
  return { bytes: js.contents.length, gzipBytes: gzipSync(js.contents, { level: 9 }).length, inputs, sources, sourceBytes };
}

/** Runs one check; returns `{ problems, measured }`. */
export async function runCheck(check, repoRoot = REPO_ROOT) {
  const ours = await bundle({ code: check.code }, repoRoot);
  const forbidden = check.forbidden.map((pattern) => new RegExp(pattern));
  const problems = [];
  for (const path of new Set([...ours.inputs, ...ours.sources])) {
    const rule = forbidden.find((pattern) => pattern.test(path));
    if (rule) problems.push(`${path} is in the bundle: ${ours.sourceBytes.get(path) ?? '?'} minified bytes (forbidden by /${rule.source}/)`);
  }
  if (!ours.sources.some((source) => source.includes('/src/'))) problems.push('the bundle maps to no src/ file: are the dist source maps missing?');
  if (ours.gzipBytes > check.limitGzipBytes) problems.push(`${ours.gzipBytes} B gzip of our code is over the limit of ${check.limitGzipBytes} B`);
  return { problems, ours };
}

async function main() {
  const update = process.argv.includes('--update');
  const config = JSON.parse(readFileSync(LIMITS_FILE, 'utf8'));
  let failed = false;
  for (const check of config.checks) {
    const { problems, ours } = await runCheck(check);
    const withDependencies = await bundle({ code: check.code, thirdParty: 'bundled-except-undici' });
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    const before = check.measuredGzipBytes;
    const delta = before ? ` (committed ${kb(before)}, ${ours.gzipBytes >= before ? '+' : ''}${ours.gzipBytes - before} B)` : '';
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${check.name}: our code ${kb(ours.bytes)} minified, ${kb(ours.gzipBytes)} gzip${delta}, limit ${kb(check.limitGzipBytes)}; `
      + `with dependencies except undici ${kb(withDependencies.gzipBytes)} gzip; ${ours.sources.length} source files`);
    for (const problem of problems) console.log(`     - ${problem}`);
    if (problems.length > 0) failed = true;
    if (process.argv.includes('--verbose')) {
      for (const [path, bytes] of [...ours.sourceBytes].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`     ${String(bytes).padStart(6)} B  ${path}`);
    }
    if (update) Object.assign(check, { measuredGzipBytes: ours.gzipBytes, measuredWithDependenciesGzipBytes: withDependencies.gzipBytes });
  }
  if (update) writeFileSync(LIMITS_FILE, `${JSON.stringify(config, null, 2)}\n`);
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
