// Generated API docs: TypeDoc over the sources of every public package's `exports` entries, in one TypeScript
// program (the root tsconfig maps @multicloud/* to sources, so no build is needed), one module per entry named
// like its import path (`@multicloud/core/testing`). Type errors are not re-checked here (turbo's typecheck does).
//   node scripts/packaging/api-docs.mjs [--out <dir>]      default temp/api-docs (git-ignored), HTML
// Fails on TypeDoc errors; warnings (a broken {@link}) are printed. --strict fails on warnings too.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Application, Converter, ReflectionKind } from 'typedoc';
import { REPO_ROOT, workspacePackages } from './workspace.mjs';

/** `[importPath, sourceFile]` for each `exports` entry of each public package (dist/x.d.ts → src/x.ts). */
export function apiEntryPoints(repoRoot = REPO_ROOT) {
  return workspacePackages(repoRoot)
    .filter(({ manifest }) => !manifest.private && manifest.exports)
    .flatMap(({ dir, manifest }) => Object.entries(manifest.exports).flatMap(([subpath, target]) => {
      const types = typeof target === 'object' ? target?.types : undefined;
      if (!types) return [];
      const source = join(dir, types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
      return existsSync(source) ? [[subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`, source]] : [];
    }));
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' }, strict: { type: 'boolean' } } });
  const entries = apiEntryPoints();
  const nameOf = new Map(entries.map(([name, source]) => [resolve(source), name]));
  const app = await Application.bootstrapWithPlugins({
    name: 'multicloud API',
    entryPoints: entries.map(([, source]) => source),
    entryPointStrategy: 'resolve',
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    skipErrorChecking: true,
    readme: 'none',
    disableGit: true, // source links from the repository URL, without asking git for a remote
    sourceLinkTemplate: 'https://github.com/multicloud/multicloud/blob/main/{path}#L{line}',
    excludePrivate: true,
    excludeInternal: true,
    sort: ['kind', 'alphabetical'],
    logLevel: 'Warn',
    treatWarningsAsErrors: Boolean(values.strict),
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = module.sources?.[0]?.fullFileName;
      const name = file && nameOf.get(resolve(file));
      if (name) module.name = name;
    }
  });
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not convert the project');
  const out = resolve(values.out ?? join(REPO_ROOT, 'temp/api-docs'));
  await app.generateDocs(project, out);
  if (app.logger.hasErrors() || (values.strict && app.logger.hasWarnings())) process.exitCode = 1;
  console.log(`API docs: ${entries.length} entry points → ${out}/index.html`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
