#!/usr/bin/env node
// Generates a multicloud provider package: a registered compute driver over a sample JSON API, a local test API,
// committed recordings and the conformance kit passing.
//   node scripts/create-provider/index.mjs <id> [--dir <path>] [--name "Display Name"] [--package <npm-name>]
import { parseArgs } from 'node:util';
import { join, relative } from 'node:path';
import { createProvider, REPO_ROOT } from './create-provider.mjs';

const USAGE = `usage: node scripts/create-provider/index.mjs <id> [--dir <path>] [--name "Display Name"] [--package <npm-name>]

  <id>        registry id, e.g. acme or my-cloud (lower-case letters, digits, dashes)
  --dir       where to write the package; default examples/provider-<id> (inside this workspace:
              workspace:^ dependencies; elsewhere: version ranges of the published packages)
  --name      display name; default from the id (my-cloud → My Cloud)
  --package   npm package name; default multicloud-provider-<id>`;

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, name: { type: 'string' }, package: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
try {
  const result = createProvider({ id: positionals[0], dir: values.dir, displayName: values.name, packageName: values.package });
  const near = relative(process.cwd(), result.dir);
  const where = near === '' ? '.' : near.startsWith('..') ? result.dir : near;
  console.log(`created ${result.packageName} in ${where} (${result.files.length} files)\n\nnext:`);
  if (result.inWorkspace) {
    console.log(`  pnpm install\n  pnpm turbo run build --filter=${result.packageName}...\n  cd ${where} && pnpm typecheck && pnpm test`);
  } else {
    console.log(`  cd ${where} && npm install && npm run build && npm run typecheck && npm test`);
  }
  console.log(`\nthen read ${join(REPO_ROOT, 'docs/writing-a-provider.md')}`);
} catch (error) {
  console.error(`create-provider: ${error.message}`);
  process.exit(1);
}
