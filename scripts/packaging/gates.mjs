// Runs the packaging gates after `pnpm build`, each as its own process, and says which failed:
//   publish       publint (lint script present) + pack contents + @arethetypeswrong/cli, every packable package
//   tree-shaking  createEc2Compute bundles no other provider, no S3/ELB, no storage/lb; gzip size under its limit
//   changeset     a changed etc/*.api.md comes with a changeset naming its package (skipped without git history)
//   node scripts/packaging/gates.mjs [--only publish,tree-shaking,changeset]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const GATES = {
  publish: 'publish-gate.mjs',
  'tree-shaking': 'tree-shaking-gate.mjs',
  changeset: 'changeset-gate.mjs',
};
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const names = values.only ? values.only.split(',').map((name) => name.trim()) : Object.keys(GATES);
const unknown = names.filter((name) => !Object.hasOwn(GATES, name));
if (unknown.length > 0) {
  console.error(`unknown gate(s): ${unknown.join(', ')}; known: ${Object.keys(GATES).join(', ')}`);
  process.exit(2);
}
const failed = [];
for (const name of names) {
  console.log(`\n== ${name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(GATES[name], import.meta.url))], { stdio: 'inherit' });
  console.log(`== ${name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) failed.push(name);
}
console.log(failed.length === 0 ? '\nall packaging gates passed' : `\nfailed gates: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
