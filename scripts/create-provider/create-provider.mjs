// Generates a provider package from ./template: placeholders `{{name}}` in `*.tmpl` files and `__id__` in paths.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { providerNames } from './names.mjs';

const TEMPLATE_DIR = fileURLToPath(new URL('./template/', import.meta.url));
/** The repository this script lives in. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
/** The @multicloud packages a generated provider depends on (directory names under packages/). */
const DEPENDENCIES = ['core', 'compute', 'polly-adapter-undici'];

/** The contract version core implements, read from its source (`CONTRACT_VERSION = 'x.y.z'`). */
export function readContractVersion(repoRoot = REPO_ROOT) {
  const source = readFileSync(join(repoRoot, 'packages/core/src/registry/contract-version.ts'), 'utf8');
  const match = /export const CONTRACT_VERSION = '(\d+\.\d+\.\d+)'/.exec(source);
  if (!match) throw new Error('cannot find CONTRACT_VERSION in packages/core/src/registry/contract-version.ts');
  return match[1];
}

/** Whether `dir` is matched by a `packages:` glob of pnpm-workspace.yaml (`packages/*`, `examples/*`, `bench`). */
export function isWorkspaceDir(dir, repoRoot = REPO_ROOT) {
  const path = relative(repoRoot, resolve(dir)).split(sep).join('/');
  if (path.startsWith('..') || path === '') return false;
  const yaml = readFileSync(join(repoRoot, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\s*\n((?:\s+-.*\n?)*)/m.exec(yaml)?.[1] ?? '';
  const globs = [...block.matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((match) => match[1]);
  return globs.some((glob) => (glob.endsWith('/*') ? dirname(path) === glob.slice(0, -2) && !path.slice(glob.length - 1).includes('/') : path === glob));
}

/** Dependency ranges: `workspace:^` inside the workspace, else `^<version>` of each package in this repository. */
export function dependencyRanges(inWorkspace, repoRoot = REPO_ROOT) {
  return Object.fromEntries(DEPENDENCIES.map((name) => {
    if (inWorkspace) return [`range.${name}`, 'workspace:^'];
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8'));
    return [`range.${name}`, `^${version}`];
  }));
}

/** Replaces every `{{key}}`; a placeholder without a value is an error (a template typo must not ship). */
export function render(text, values, file = 'template') {
  return text.replace(/\{\{([\w.-]+)\}\}/g, (whole, key) => {
    if (!Object.hasOwn(values, key)) throw new Error(`${file}: no value for ${whole}`);
    return values[key];
  });
}

function* templateFiles(dir, prefix = '') {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* templateFiles(join(dir, entry.name), path);
    else yield path;
  }
}

/**
 * Writes a provider package into `dir` (default `examples/provider-<id>` of this repository).
 * @param {{ id: string, dir?: string, displayName?: string, packageName?: string, repoRoot?: string }} options
 * @returns {{ dir: string, packageName: string, inWorkspace: boolean, files: string[] }}
 */
export function createProvider(options) {
  const repoRoot = options.repoRoot ?? REPO_ROOT;
  const names = providerNames(options.id, options);
  const dir = resolve(options.dir ?? join(repoRoot, 'examples', `provider-${names.id}`));
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} exists and is not empty`);
  const inWorkspace = isWorkspaceDir(dir, repoRoot);
  const values = { ...names, contractVersion: readContractVersion(repoRoot), ...dependencyRanges(inWorkspace, repoRoot) };
  const files = [];
  for (const source of templateFiles(TEMPLATE_DIR)) {
    if (source === 'turbo.json.tmpl' && !inWorkspace) continue; // extends the repository's turbo.json
    const target = source.replace(/__id__/g, names.id).replace(/\.tmpl$/, '').replace(/^gitignore$/, '.gitignore');
    const text = readFileSync(join(TEMPLATE_DIR, source), 'utf8');
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    writeFileSync(join(dir, target), source.endsWith('.tmpl') ? render(text, values, source) : text);
    files.push(target);
  }
  return { dir, packageName: names.packageName, inWorkspace, files };
}
