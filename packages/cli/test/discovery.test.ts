import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_PROVIDER_PACKAGES, loadProviderPackages } from '../src/index.js';
import { runCli, runCliJson } from './support/cli.js';

const ACME = fileURLToPath(new URL('./modules/acme-provider.mjs', import.meta.url));
const BROKEN = fileURLToPath(new URL('./modules/broken-provider.mjs', import.meta.url));
const MODULES_DIR = fileURLToPath(new URL('./modules/', import.meta.url));

interface ProviderRow {
  id: string;
  name: string;
  apis: string[];
  package?: string;
}

describe('multicloud providers', () => {
  it('lists every installed first-party provider with the APIs it offers, as JSON', async () => {
    const rows = await runCliJson<ProviderRow[]>(['providers']);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('ec2')).toEqual({ id: 'ec2', name: 'Amazon EC2', apis: ['compute'], package: '@multicloud/provider-ec2' });
    expect(byId.get('s3')).toEqual({ id: 's3', name: 'Amazon S3', apis: ['storage'], package: '@multicloud/provider-ec2' });
    expect(byId.get('elb')?.apis).toEqual(['lb']);
    expect(byId.get('rackspace')?.apis).toEqual(expect.arrayContaining(['compute', 'lb']));
    expect(byId.get('gogrid')?.apis).toEqual(['compute', 'lb']);
    expect(byId.get('cloudsigma')?.package).toBe('@multicloud/provider-cloudsigma');
    expect(byId.get('bluebox')?.package).toBe('@multicloud/provider-bluebox');
    expect(byId.get('local')).toMatchObject({ name: 'Local (this machine)', package: '@multicloud/provider-local' });
    expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort());
  });

  it('prints an aligned table for people', async () => {
    const result = await runCli(['providers']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +COMPUTE +STORAGE +LB +PACKAGE$/);
    const ec2 = lines.find((line) => line.startsWith('ec2 '));
    expect(ec2).toMatch(/^ec2 +Amazon EC2 +yes +- +- +@multicloud\/provider-ec2$/);
    const column = (line: string, heading: string) => line.indexOf(heading === 'PACKAGE' ? '@multicloud' : heading);
    expect(column(ec2 ?? '', 'PACKAGE')).toBe(lines[0]?.indexOf('PACKAGE'));
  });

  it('loads a third-party provider named by --require (a path) and uses it', async () => {
    const rows = await runCliJson<ProviderRow[]>(['providers', '--require', './acme-provider.mjs'], { cwd: MODULES_DIR });
    expect(rows.find((row) => row.id === 'acme')).toEqual({ id: 'acme', name: 'ACME Cloud', apis: ['compute'], package: './acme-provider.mjs' });
    const nodes = await runCliJson<{ id: string; name: string }[]>(
      ['compute', 'nodes', '--provider', 'acme', '--require', ACME, '--region', 'anvil-1', '--set', 'flavour=crunchy'],
    );
    expect(nodes.map((node) => [node.id, node.name])).toEqual([['acme-1', 'roadrunner-anvil-1'], ['acme-2', 'crunchy']]);
  });

  it('loads the modules MULTICLOUD_PROVIDERS names', async () => {
    const result = await runCli(['compute', 'nodes', '--provider', 'acme'], { env: { MULTICLOUD_PROVIDERS: ` ${ACME}, ` } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^acme-1 +roadrunner-nowhere +running +203\.0\.113\.7/m);
  });

  it('exits 2 when a required module is missing or broken, saying which and why', async () => {
    const missing = await runCli(['providers', '--require', '@acme/multicloud-provider-nothing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: cannot load provider module "@acme/multicloud-provider-nothing" (from --require): it is not installed');
    const broken = await runCli(['providers'], { env: { MULTICLOUD_PROVIDERS: BROKEN } });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('(from MULTICLOUD_PROVIDERS): acme-broken: the anvil fell on the registry');
  });
});

describe('loadProviderPackages', () => {
  it('skips known packages that are not installed and reports what each load registered', async () => {
    const loads = await loadProviderPackages({ known: ['@multicloud/provider-not-installed', '@multicloud/provider-ec2'], required: [ACME], env: {} });
    expect(loads.map((load) => [load.specifier, load.source, load.status])).toEqual([
      ['@multicloud/provider-not-installed', 'known', 'missing'],
      ['@multicloud/provider-ec2', 'known', 'loaded'],
      [ACME, 'flag', 'loaded'],
    ]);
    expect(loads[2]?.registered).toEqual([{ api: 'compute', id: 'acme' }]);
    expect(KNOWN_PROVIDER_PACKAGES).toContain('@multicloud/provider-local');
  });

  it('reports a module that throws as failed, with its message', async () => {
    const [load] = await loadProviderPackages({ known: [], required: [BROKEN], env: {} });
    expect(load).toMatchObject({ status: 'failed', error: 'acme-broken: the anvil fell on the registry' });
  });
});
