import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('..', import.meta.url));

/** The environment without credentials or a local root, so every run starts from nothing. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of Object.keys(environment)) if (/^(AWS_|MULTICLOUD_)/.test(name)) delete environment[name];
  return environment;
}

/** Runs the demo as `pnpm demo` does: a real process, its own exit code and output. */
function demo(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: folder, encoding: 'utf8', timeout: 120_000, env: cleanEnvironment(),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The demo's local node supervisors still alive (a node's process group is led by one). Only the demo's: their
 * state path is under its `multicloud-demo-*` root; other packages' tests start supervisors of their own meanwhile.
 */
function supervisors(): string[] {
  const listing = execFileSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' });
  return listing.split('\n').filter((line) => line.includes('local-supervisor') && line.includes('multicloud-demo-') && !/\sZ/.test(line));
}

describe('the multi-cloud demo on the local providers', () => {
  it('uploads, starts two servers, deploys from storage, balances them, and cleans up', () => {
    const before = supervisors().length;
    const { status, stdout, stderr } = demo('--requests', '200');
    expect(stderr).not.toMatch(/Warning/);
    expect(status, stdout + stderr).toBe(0);
    for (const step of ['Upload the app to local storage', 'Start two servers at local', 'Deploy the app from storage onto them', 'Create a load balancer at local (random algorithm)', 'Send 200 requests through the balancer', 'Clean up everything the demo created']) {
      expect(stdout).toContain(`▸ ${step}`);
    }
    const spread = [...stdout.matchAll(/^ {2}(web-[12]) +█* +(\d+) \(/gm)].map((match) => [match[1], Number(match[2])] as const);
    expect(spread.map(([name]) => name).sort()).toEqual(['web-1', 'web-2']);
    expect(spread.reduce((sum, [, count]) => sum + count, 0)).toBe(200);
    // Random balancing: both servers get a fair share (the chance of fewer than 40 of 200 is negligible).
    for (const [, count] of spread) expect(count).toBeGreaterThan(40);
    expect(stdout).toMatch(/✔ done in \d+\.\d s: 200 requests answered by web-1 and web-2/);
    expect(stdout).toMatch(/removed balancer .*, node web-[12], node web-[12], object app\/server\.mjs, container /);
    expect(supervisors().length).toBe(before);
  }, 120_000);

  it('fails with a clear message and exit code 1 for a provider it does not know, creating nothing', () => {
    const { status, stderr, stdout } = demo('--compute', 'nimbus');
    expect(status).toBe(1);
    expect(stderr).toContain('✖ demo failed: Error: unknown provider "nimbus"; known: local, ec2');
    expect(stdout).not.toContain('▸ Upload');
  });

  it('explains its flags: --help exits 0, a bad flag exits 2 with the usage', () => {
    expect(demo('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('usage: pnpm demo') });
    const bad = demo('--storaeg', 'local');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--storaeg'[\s\S]*usage: pnpm demo/);
  });

  it('fails cleanly when a cloud refuses: missing credentials name the setting and the variable', () => {
    const { status, stderr } = demo('--storage', 's3');
    expect(status).toBe(1);
    expect(stderr).toMatch(/MissingCredentialsError: s3: missing credential: set the `accessKeyId` setting or the AWS_ACCESS_KEY_ID environment variable/);
  });
});
