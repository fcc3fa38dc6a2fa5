// Gate: every packable workspace package lints with `publint --strict` (its `lint` script, run by `pnpm test`),
// packs without tests, recordings or dangling source maps, and passes @arethetypeswrong/cli (ESM-only profile).
// Needs built packages (`pnpm build`).   node scripts/packaging/publish-gate.mjs [--filter <name-substring>]
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { checkPackContents } from './pack-contents.mjs';
import { packablePackages, REPO_ROOT } from './workspace.mjs';

const run = promisify(execFile);
const ATTW = join(REPO_ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');

/** Checks one package; resolves its problems (empty when fine). */
export async function checkPackage({ dir, relativeDir, manifest }, scratch) {
  const problems = [];
  if (manifest.scripts?.lint !== 'publint --strict') problems.push('its "lint" script must be "publint --strict" (run by pnpm test)');
  for (const target of Object.values(manifest.exports)) {
    const file = typeof target === 'string' ? target : target?.default;
    if (file && !file.endsWith('package.json') && !existsSync(join(dir, file))) return [...problems, `${file} is missing: run pnpm build first`];
  }
  const destination = join(scratch, relativeDir.replace(/\//g, '_'));
  mkdirSync(destination, { recursive: true });
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: dir, maxBuffer: 16 << 20 });
  const packed = JSON.parse(stdout);
  await run('tar', ['-xzf', packed.filename, '-C', destination]);
  problems.push(...checkPackContents(join(destination, 'package'), packed.files.map((file) => file.path)));
  try {
    await run(process.execPath, [ATTW, packed.filename, '--profile', 'esm-only', '--format', 'ascii'], { maxBuffer: 16 << 20 });
  } catch (error) {
    problems.push(`@arethetypeswrong/cli found problems:\n${String(error.stdout || error.message).trim()}`);
  }
  return problems;
}

async function main() {
  const { values } = parseArgs({ options: { filter: { type: 'string' } } });
  const packages = packablePackages().filter(({ manifest }) => !values.filter || manifest.name.includes(values.filter));
  const scratch = mkdtempSync(join(tmpdir(), 'multicloud-pack-'));
  let failed = 0;
  try {
    const queue = [...packages];
    const results = new Map();
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results.set(next, await checkPackage(next, scratch).catch((error) => [String(error.stderr || error.message)]));
    }));
    for (const pkg of packages) {
      const problems = results.get(pkg);
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${pkg.manifest.name} (${pkg.relativeDir})`);
      for (const problem of problems) console.log(`     - ${problem.replace(/\n/g, '\n       ')}`);
      if (problems.length > 0) failed++;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`publish gate: ${packages.length - failed}/${packages.length} packages pass (publint via lint script, pack contents, attw --profile esm-only)`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
