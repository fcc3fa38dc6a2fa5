// Gate: a change to a package's public API (its committed API Extractor report, etc/*.api.md) comes with a
// changeset (.changeset/*.md) naming that package. Compares a base commit with the working tree (committed and
// uncommitted changes, untracked files included).
//   node scripts/packaging/changeset-gate.mjs [--base <ref>]
// Base: --base, else $CHANGESET_BASE, else HEAD~1 (in CI: the commit before the one under test; for a merge
// request use the merge base, e.g. CHANGESET_BASE=$(git merge-base origin/main HEAD)). When the base does not
// resolve — a shallow clone (depth 1) or the first commit — the gate is skipped with a message, never failed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './workspace.mjs';

const API_REPORT = /^((?:packages|examples)\/[^/]+)\/etc\/[^/]+\.api\.md$/;
const CHANGESET = /^\.changeset\/(?!README\.md$)[^/]+\.md$/;
/** The contract's API reports: a change there may need a new CONTRACT_VERSION in core. */
const CONTRACT_REPORTS = ['packages/compute/etc/compute.api.md', 'packages/storage/etc/storage.api.md', 'packages/lb/etc/lb.api.md'];
const CONTRACT_VERSION_FILE = 'packages/core/src/registry/contract-version.ts';

function git(repoRoot, args) {
  return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The package names a changeset's front matter lists (`'@multicloud/core': minor`). */
export function changesetPackages(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^\s*['"]?([^'":\s][^'":]*?)['"]?\s*:\s*(major|minor|patch|none)\s*$/gm)].map((match) => match[1]);
}

/** Paths changed between `base` and the working tree, plus untracked files. */
export function changedPaths(repoRoot, base) {
  const tracked = git(repoRoot, ['diff', '--name-only', '--no-renames', base, '--']).split('\n');
  const untracked = git(repoRoot, ['ls-files', '--others', '--exclude-standard']).split('\n');
  return [...new Set([...tracked, ...untracked].filter(Boolean))];
}

/**
 * Runs the gate.
 * @returns {{ status: 'pass' | 'fail' | 'skip', lines: string[] }}
 */
export function runChangesetGate({ repoRoot = REPO_ROOT, base } = {}) {
  const ref = base ?? process.env.CHANGESET_BASE ?? 'HEAD~1';
  try {
    git(repoRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return { status: 'skip', lines: [`changeset gate skipped: base ${ref} is not available (shallow clone or first commit); fetch history (git fetch --deepen=1) or set CHANGESET_BASE`] };
  }
  const changed = changedPaths(repoRoot, ref);
  const named = new Set(changed.filter((path) => CHANGESET.test(path) && existsSync(join(repoRoot, path))).flatMap((path) => changesetPackages(readFileSync(join(repoRoot, path), 'utf8'))));
  const needing = new Map();
  for (const path of changed) {
    const dir = API_REPORT.exec(path)?.[1];
    if (!dir || !existsSync(join(repoRoot, dir, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8'));
    if (manifest.private) continue; // never published: nothing to version
    needing.set(manifest.name, [...(needing.get(manifest.name) ?? []), path]);
  }
  const lines = [];
  const missing = [...needing].filter(([name]) => !named.has(name));
  for (const [name, reports] of needing) lines.push(`${named.has(name) ? 'ok  ' : 'FAIL'} ${name}: ${reports.join(', ')} changed since ${ref}${named.has(name) ? ', changeset present' : ', no changeset names it'}`);
  if (CONTRACT_REPORTS.some((path) => changed.includes(path)) && !changed.includes(CONTRACT_VERSION_FILE)) {
    lines.push(`note: the contract's API changed but ${CONTRACT_VERSION_FILE} did not: if providers built for the current contract major no longer fit, bump CONTRACT_VERSION's major (an addition they can ignore: its minor)`);
  }
  if (missing.length > 0) lines.push(`add a changeset naming ${missing.map(([name]) => name).join(', ')}: pnpm changeset`);
  lines.push(`changeset gate: ${needing.size} package(s) with a changed API report since ${ref}, ${missing.length} without a changeset`);
  return { status: missing.length > 0 ? 'fail' : 'pass', lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const result = runChangesetGate({ base: values.base });
  for (const line of result.lines) console.log(line);
  process.exitCode = result.status === 'fail' ? 1 : 0;
}
