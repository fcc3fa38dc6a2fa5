// Runs API Extractor once per entry of the package's `exports` map (API Extractor takes one entry point per
// run), so subpath entries such as `./testing` and `./register` get reports too: etc/<name>[-<entry>].api.md.
// Locally the reports are updated; under CI (CI set) a changed report fails the run.
// Usage (from a package directory): node ../../scripts/api-report.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const packageDir = process.cwd();
const packageJsonPath = resolve(packageDir, 'package.json');
const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const base = JSON.parse(readFileSync(new URL('../api-extractor.base.json', import.meta.url), 'utf8'));
const unscoped = packageJson.name.replace(/^@[^/]+\//, '');
const local = !process.env.CI;
mkdirSync(resolve(packageDir, 'etc'), { recursive: true });

let failed = false;
for (const [subpath, target] of Object.entries(packageJson.exports)) {
  const types = typeof target === 'object' ? target.types : undefined;
  if (!types) continue;
  const entry = subpath === '.' ? '' : `-${subpath.slice(2).replace(/\//g, '-')}`;
  const configObject = {
    ...base,
    projectFolder: packageDir,
    mainEntryPointFilePath: resolve(packageDir, types),
    apiReport: { ...base.apiReport, reportFileName: `${unscoped}${entry}.api.md` },
    docModel: { ...base.docModel, apiJsonFilePath: `<projectFolder>/temp/${unscoped}${entry}.api.json` },
  };
  delete configObject.$schema;
  const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: resolve(packageDir, 'api-extractor.json'), packageJsonFullPath: packageJsonPath });
  const result = Extractor.invoke(config, { localBuild: local, showVerboseMessages: false });
  console.log(`${packageJson.name}${subpath === '.' ? '' : subpath.slice(1)}: ${result.succeeded ? 'ok' : 'FAILED'}${result.apiReportChanged ? ' (report changed)' : ''}`);
  if (!result.succeeded) failed = true;
}
process.exit(failed ? 1 : 0);
