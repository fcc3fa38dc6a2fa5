import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createProvider, dependencyRanges, isWorkspaceDir, readContractVersion, render, REPO_ROOT } from './create-provider.mjs';
import { providerNames } from './names.mjs';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'create-provider-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// What `npm install` would give a package outside the workspace: the dependencies, linked from the installed example
// (@multicloud/* are the workspace packages, so build them first: pnpm turbo run build --filter=multicloud-provider-ocean...).
const INSTALLED = join(REPO_ROOT, 'examples/third-party-provider/node_modules');
const LINKED = ['@multicloud/core', '@multicloud/compute', '@multicloud/polly-adapter-undici', '@pollyjs/core', '@pollyjs/persister-fs', '@types/node', 'undici', 'vitest', 'typescript', 'tsup', 'publint'];
function linkDependencies(dir) {
  for (const name of LINKED) {
    const target = join(dir, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(dirname(join(INSTALLED, name)), readlinkSync(join(INSTALLED, name))), target);
  }
}

describe('provider names', () => {
  it('derives every spelling from the registry id', () => {
    expect(providerNames('my-cloud')).toEqual({ id: 'my-cloud', Name: 'MyCloud', camel: 'myCloud', CONST: 'MY_CLOUD', displayName: 'My Cloud', packageName: 'multicloud-provider-my-cloud' });
    expect(providerNames('acme', { displayName: 'ACME Corp', packageName: '@acme/multicloud' })).toMatchObject({ displayName: 'ACME Corp', packageName: '@acme/multicloud' });
  });

  it('refuses what the registry or npm would refuse', () => {
    for (const bad of ['Acme', '9cloud', 'my_cloud', 'my--cloud', 'cloud-', '']) expect(() => providerNames(bad)).toThrow(/registry id/);
    expect(() => providerNames('acme', { packageName: 'Not Valid' })).toThrow(/npm package name/);
    expect(() => providerNames('acme', { displayName: "O'Cloud" })).toThrow(/quotes/);
  });
});

describe('the generator', () => {
  it('uses workspace:^ inside the workspace globs and the packages\' versions elsewhere', () => {
    expect(isWorkspaceDir(join(REPO_ROOT, 'examples/provider-acme'))).toBe(true);
    expect(isWorkspaceDir(join(REPO_ROOT, 'examples/deep/provider-acme'))).toBe(false);
    expect(isWorkspaceDir(join(REPO_ROOT, 'scripts/provider-acme'))).toBe(false);
    expect(isWorkspaceDir(join(scratch, 'provider-acme'))).toBe(false);
    expect(dependencyRanges(true)['range.core']).toBe('workspace:^');
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/core/package.json'), 'utf8'));
    expect(dependencyRanges(false)['range.core']).toBe(`^${version}`);
  });

  it('fails on a placeholder without a value and on a non-empty directory', () => {
    expect(render('a {{id}} b', { id: 'x' })).toBe('a x b');
    expect(() => render('{{nope}}', {}, 'file.tmpl')).toThrow('file.tmpl: no value for {{nope}}');
    const dir = join(scratch, 'occupied');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    expect(() => createProvider({ id: 'acme', dir })).toThrow(/not empty/);
  });

  it('generates a package outside the repository that typechecks, passes its tests on the committed recordings, builds and lints', async () => {
    const dir = join(scratch, 'provider-my-cloud');
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'scripts/create-provider/index.mjs'), 'my-cloud', '--dir', dir, '--name', 'My Cloud']);
    expect(stdout).toContain('created multicloud-provider-my-cloud');
    for (const file of ['package.json', 'README.md', '.gitignore', 'src/register.ts', 'src/my-cloud-compute-driver.ts', 'src/my-cloud-contract.ts', 'test/conformance.test.ts', 'test/support/api-server.ts', 'test/recordings/README.md']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'turbo.json'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.peerDependencies['@multicloud/core']).toMatch(/^\^\d/);
    const register = readFileSync(join(dir, 'src/register.ts'), 'utf8');
    expect(register).toContain("'my-cloud': typeof createMyCloudCompute;");
    expect(readFileSync(join(dir, 'src/my-cloud-contract.ts'), 'utf8')).toContain(`MY_CLOUD_CONTRACT_VERSION = '${readContractVersion()}'`);

    linkDependencies(dir);
    const env = { PATH: process.env.PATH ?? '' }; // no POLLY_MODE: replay only
    await run(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, env });
    const tests = await run(process.execPath, [join(dir, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json'], { cwd: dir, env });
    const report = JSON.parse(tests.stdout);
    expect({ passed: report.numPassedTests, failed: report.numFailedTests, pending: report.numPendingTests }).toEqual({ passed: 12, failed: 0, pending: 0 });
    expect(report.testResults.map((file) => file.name.slice(dir.length + 1)).sort()).toEqual(['test/compute.test.ts', 'test/conformance.test.ts']);
    await run(process.execPath, [join(dir, 'node_modules/tsup/dist/cli-default.js')], { cwd: dir, env });
    expect(existsSync(join(dir, 'dist/register.js'))).toBe(true);
    const lint = await run(process.execPath, [join(dir, 'node_modules/publint/src/cli.js'), '--strict'], { cwd: dir, env });
    expect(lint.stdout).toContain('All good!');
  });
});
