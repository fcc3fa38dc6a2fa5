import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('usage errors exit with 2 and say what to do', () => {
  it('prints the help on stderr and exits 2 without a command', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: multicloud [options] [command]');
    expect(result.stderr).toMatch(/providers .*list the installed providers/);
  });

  it('names an unknown flag and shows the help of the command', async () => {
    const result = await runCli(['compute', 'nodes', '--provider', 'ec2', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown option '--bogus'");
    expect(result.stderr).toContain('Usage: multicloud compute nodes [options]');
    expect(result.stderr).toContain('--endpoint <url>');
  });

  it('names an unknown command', async () => {
    const result = await runCli(['compute', 'explode']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown command 'explode'");
  });

  it('lists the installed providers of the API for an unknown provider', async () => {
    const result = await runCli(['compute', 'nodes', '--provider', 'nimbus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: unknown compute provider "nimbus" \(installed compute providers: [a-z, -]*\bec2\b[a-z, -]*\)$/m);
    expect(result.stderr).toContain('hint: see `multicloud providers`');
    expect(result.stderr).toContain('Usage: multicloud compute nodes [options]');
  });

  it('points to the right command when the provider offers another API', async () => {
    const result = await runCli(['compute', 'nodes', '--provider', 's3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('hint: "s3" offers storage: try `multicloud storage … --provider s3`');
  });

  it('requires --provider, or MULTICLOUD_<API>_PROVIDER', async () => {
    const missing = await runCli(['lb', 'ls']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '-p, --provider <id>' not specified");
    const fromEnvironment = await runCli(['lb', 'ls'], { env: { MULTICLOUD_LB_PROVIDER: 'nimbus' } });
    expect(fromEnvironment.code).toBe(2);
    expect(fromEnvironment.stderr).toContain('unknown lb provider "nimbus"');
  });

  it('refuses a bad option value, a bad --set and invalid settings before any request', async () => {
    const timeout = await runCli(['compute', 'nodes', '--provider', 'ec2', '--timeout', 'soon']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toContain("error: option '--timeout <ms>' argument 'soon' is invalid. expected a positive whole number");
    const set = await runCli(['compute', 'nodes', '--provider', 'ec2', '--set', 'not a key=hunter2-secret-value']);
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('--set expects key=value or key:=json');
    expect(set.stderr).not.toContain('hunter2-secret-value');
    const region = await runCli(['compute', 'nodes', '--provider', 'ec2', '--region', 'mars-north-1']);
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('error: region: unknown AWS region "mars-north-1"');
    const choice = await runCli(['storage', 'url', 'b/k', '--provider', 's3', '--method', 'DELETE']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain("argument 'DELETE' is invalid. Allowed choices are GET, PUT.");
  });

  it('prints help on stdout and the version with exit 0', async () => {
    const help = await runCli(['storage', 'put', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: multicloud storage put [options] <file> <container/name>');
    expect(help.stdout).toContain('--no-progress');
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
