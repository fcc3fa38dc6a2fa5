// The workspace's packages, from pnpm-workspace.yaml's `packages:` globs (`dir/*` or an exact directory).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The `packages:` globs of pnpm-workspace.yaml. */
export function workspaceGlobs(repoRoot = REPO_ROOT) {
  const yaml = readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\s*\n((?:\s+-.*\n?)*)/m.exec(yaml)?.[1] ?? '';
  return [...block.matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((match) => match[1]);
}

/**
 * Every workspace package: `{ dir, relativeDir, manifest }`, sorted by directory.
 * @param {string} [repoRoot]
 */
export function workspacePackages(repoRoot = REPO_ROOT) {
  const dirs = workspaceGlobs(repoRoot).flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    if (!existsSync(join(repoRoot, parent))) return [];
    return readdirSync(join(repoRoot, parent), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${parent}/${entry.name}`);
  });
  return dirs
    .filter((relativeDir) => existsSync(join(repoRoot, relativeDir, 'package.json')))
    .sort()
    .map((relativeDir) => ({ dir: join(repoRoot, relativeDir), relativeDir, manifest: JSON.parse(readFileSync(join(repoRoot, relativeDir, 'package.json'), 'utf8')) }));
}

/**
 * The packages shaped for publishing: a `files` list and an `exports` map. Private ones (the examples) are
 * included on purpose — they are the template third parties publish from — unless `publicOnly`.
 */
export function packablePackages(repoRoot = REPO_ROOT, { publicOnly = false } = {}) {
  return workspacePackages(repoRoot).filter(({ manifest }) => Array.isArray(manifest.files) && manifest.exports && !(publicOnly && manifest.private));
}
