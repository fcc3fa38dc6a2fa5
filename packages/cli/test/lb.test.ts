import type { FixtureServer } from '@multicloud/fixture-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';
import { AWS_TEST_ENV, MISSING_BALANCER, startElbFixtures } from './support/query-api-fixtures.js';

let elb: FixtureServer;
let flags: string[];
let seen = 0;
beforeAll(async () => {
  elb = await startElbFixtures();
  flags = ['--provider', 'elb', '--endpoint', elb.url, '--region', 'us-east-1'];
});
afterAll(() => elb.close());
beforeEach(() => {
  seen = elb.requests.length;
});
const env = { ...AWS_TEST_ENV };
const actions = () => elb.requests.slice(seen).map((request) => request.params.get('Action'));
const sent = (action: string) => elb.requests.slice(seen).find((request) => request.params.get('Action') === action);

describe('lb against ELB (Libcloud fixture answers)', () => {
  it('lists balancers as a table and as JSON models', async () => {
    const table = await runCli(['lb', 'ls', ...flags], { env });
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +NAME +STATE +IP +PORT$/);
    expect(table.stdout).toMatch(/^tests +tests +running +tests\.us-east-1\.elb\.amazonaws\.com +80$/m);
    const balancers = await runCliJson<{ id: string; name: string; state: string; ip: string; port: number; extra: object }[]>(['lb', 'ls', ...flags], { env });
    expect(balancers).toEqual([expect.objectContaining({ id: 'tests', name: 'tests', state: 'running', ip: 'tests.us-east-1.elb.amazonaws.com', port: 80 })]);
  });

  it("lists a balancer's members", async () => {
    const members = await runCliJson<{ id: string; port: number }[]>(['lb', 'members', 'tests', ...flags], { env });
    expect(members).toEqual([{ id: 'i-64bd081c', ip: '', port: 80, extra: {} }]);
  });

  it('creates a balancer with a first member', async () => {
    const result = await runCli(['lb', 'create', ...flags, '--name', 'web', '--port', '80', '--protocol', 'http', '--member', 'i-0abc1234'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID +NAME +STATE +IP +PORT\nweb +web +running +tests\.example\.com +80\n$/);
    expect(actions()).toEqual(['CreateLoadBalancer', 'RegisterInstancesWithLoadBalancer']);
    expect(sent('CreateLoadBalancer')?.params.get('Listeners.member.1.Protocol')).toBe('HTTP');
    expect(sent('RegisterInstancesWithLoadBalancer')?.params.get('Instances.member.1.InstanceId')).toBe('i-0abc1234');
  });

  it('attaches and detaches members', async () => {
    const attached = await runCli(['lb', 'attach', 'tests', 'i-0abc1234', ...flags], { env });
    expect(attached).toMatchObject({ code: 0, stdout: 'Attached i-0abc1234 to tests (tests).\n' });
    expect(sent('RegisterInstancesWithLoadBalancer')?.params.get('LoadBalancerName')).toBe('tests');
    const detached = await runCliJson<{ id: string }>(['lb', 'detach', 'tests', 'i-64bd081c', ...flags], { env });
    expect(detached.id).toBe('i-64bd081c');
    expect(sent('DeregisterInstancesFromLoadBalancer')?.params.get('Instances.member.1.InstanceId')).toBe('i-64bd081c');
  });

  it('refuses to detach a member the balancer does not have (exit 2)', async () => {
    const result = await runCli(['lb', 'detach', 'tests', 'i-ffffffff', ...flags], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: balancer tests has no member "i-ffffffff" (members: i-64bd081c)');
    expect(actions()).not.toContain('DeregisterInstancesFromLoadBalancer');
  });

  it('refuses a malformed member before any request (exit 2)', async () => {
    const result = await runCli(['lb', 'attach', 'tests', '10.0.0.1:99999', ...flags], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: member port must be 1-65535, got "99999"');
    expect(actions()).toEqual([]);
  });

  it('destroys a balancer', async () => {
    const result = await runCli(['lb', 'destroy', 'tests', ...flags], { env });
    expect(result).toMatchObject({ code: 0, stdout: 'Destroying load balancer tests (tests).\n' });
    expect(sent('DeleteLoadBalancer')?.params.get('LoadBalancerName')).toBe('tests');
  });

  it('exits 1 with BalancerDoesNotExistError for a missing balancer', async () => {
    const result = await runCli(['lb', 'destroy', MISSING_BALANCER, ...flags], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: BalancerDoesNotExistError: elb: There is no ACTIVE Load Balancer named '${MISSING_BALANCER}' (HTTP 400, code LoadBalancerNotFound, request id a3b2-1234)\n`,
    );
    expect(actions()).not.toContain('DeleteLoadBalancer');
  });
});
