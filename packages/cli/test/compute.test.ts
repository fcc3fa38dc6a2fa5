import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureServer } from '@multicloud/fixture-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';
import { AWS_TEST_ENV, MISSING_INSTANCE, REFUSED_KEY_ID, startEc2Fixtures } from './support/query-api-fixtures.js';

let ec2: FixtureServer;
let flags: string[];
let seen = 0;
beforeAll(async () => {
  ec2 = await startEc2Fixtures();
  flags = ['--provider', 'ec2', '--endpoint', ec2.url, '--region', 'us-east-1'];
});
afterAll(() => ec2.close());
beforeEach(() => {
  seen = ec2.requests.length;
});
const env = { ...AWS_TEST_ENV };
/** The `Action`s the binary sent since the test began. */
const actions = () => ec2.requests.slice(seen).map((request) => request.params.get('Action'));
const sent = (action: string) => ec2.requests.slice(seen).find((request) => request.params.get('Action') === action);

interface NodeJson {
  id: string;
  name: string;
  state: string;
  publicIps: string[];
  privateIps: string[];
  provider: string;
  size?: { id: string };
  createdAt?: string;
  extra: Record<string, unknown>;
}

describe('compute against EC2 (Libcloud fixture answers)', () => {
  it('lists nodes as JSON in the contract shape, signed with the credentials of the environment', async () => {
    const nodes = await runCliJson<NodeJson[]>(['compute', 'nodes', ...flags], { env });
    expect(nodes.map((node) => [node.id, node.name, node.state, node.publicIps, node.privateIps])).toEqual([
      ['i-4382922a', 'i-4382922a', 'stopped', ['1.2.3.4'], ['10.211.11.211']],
      ['i-8474834a', 'Test Server 2', 'stopped', ['1.2.3.5'], ['172.16.9.139']],
    ]);
    expect(nodes[0]).toMatchObject({ provider: 'ec2', size: { id: 'm1.small' }, createdAt: '2013-12-02T11:58:11.000Z' });
    expect(Object.keys(nodes[0] ?? {})).toEqual(expect.arrayContaining(['id', 'name', 'state', 'publicIps', 'privateIps', 'provider', 'extra']));
    expect(actions()).toEqual(['DescribeInstances']);
    expect(String(sent('DescribeInstances')?.headers.authorization)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/ec2\/aws4_request/);
  });

  it('lists nodes as an aligned table', async () => {
    const result = await runCli(['compute', 'nodes', ...flags], { env });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [heading, first, second] = result.stdout.split('\n');
    expect(heading).toMatch(/^ID +NAME +STATE +PUBLIC IPS +PRIVATE IPS +SIZE +LOCATION +CREATED$/);
    expect(first).toMatch(/^i-4382922a +i-4382922a +stopped +1\.2\.3\.4 +10\.211\.11\.211 +m1\.small +us-east-1d +2013-12-02T11:58:11Z$/);
    expect(second?.indexOf('Test Server 2')).toBe(heading?.indexOf('NAME'));
    expect(second?.indexOf('172.16.9.139')).toBe(heading?.indexOf('PRIVATE IPS'));
  });

  it('lists images, sizes and locations', async () => {
    const images = await runCliJson<{ id: string; name: string }[]>(['compute', 'images', ...flags], { env });
    expect(images[0]).toMatchObject({ id: 'ami-57ba933a', name: 'Test Image' });
    const locations = await runCliJson<{ id: string; country: string }[]>(['compute', 'locations', ...flags], { env });
    expect(locations.map((location) => [location.id, location.country])).toEqual([['eu-west-1a', 'IE'], ['eu-west-1b', 'IE']]);
    const sizes = await runCliJson<{ id: string; ram: number }[]>(['compute', 'sizes', ...flags], { env });
    expect(sizes.find((size) => size.id === 't2.micro')).toMatchObject({ ram: 1024 });
    expect(actions()).toEqual(['DescribeImages', 'DescribeAvailabilityZones']);
  });

  it('creates a node from ids, with the SSH key of a public key file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'multicloud-cli-'));
    const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTests test@example';
    writeFileSync(join(dir, 'id.pub'), `${publicKey}\n`);
    const keyName = `multicloud-${createHash('md5').update(publicKey).digest('hex').slice(0, 16)}`;
    const node = await runCliJson<NodeJson>(
      ['compute', 'create', ...flags, '--name', 'web-1', '--size', 't2.micro', '--image', 'ami-57ba933a', '--ssh-key', 'id.pub'], { env, cwd: dir },
    );
    expect(node).toMatchObject({ id: 'i-2ba64342', provider: 'ec2' });
    const run = sent('RunInstances');
    expect(run?.params.get('ImageId')).toBe('ami-57ba933a');
    expect(run?.params.get('InstanceType')).toBe('t2.micro');
    expect(run?.params.get('TagSpecification.1.Tag.1.Value')).toBe('web-1');
    expect(run?.params.get('KeyName')).toBe(keyName);
    expect(sent('DescribeKeyPairs')?.params.get('KeyName.1')).toBe(keyName);
    expect(actions()).toEqual(['DescribeImages', 'DescribeKeyPairs', 'RunInstances']);
  });

  it('refuses an unknown size with the sizes there are (exit 2)', async () => {
    const result = await runCli(['compute', 'create', ...flags, '--name', 'web-1', '--size', 'x9.galactic', '--image', 'ami-57ba933a'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: no size "x9\.galactic"; there are: t2\.nano, t2\.micro, .*\(\d+ in all\)/);
    expect(actions()).not.toContain('RunInstances');
  });

  it('reboots and destroys a node by id', async () => {
    const reboot = await runCli(['compute', 'reboot', 'i-4382922a', ...flags], { env });
    expect(reboot).toMatchObject({ code: 0, stdout: 'Rebooting node i-4382922a (i-4382922a).\n' });
    expect(sent('RebootInstances')?.params.get('InstanceId.1')).toBe('i-4382922a');
    const destroyed = await runCliJson<NodeJson>(['compute', 'destroy', 'i-4382922a', ...flags], { env });
    expect(destroyed).toMatchObject({ id: 'i-4382922a', state: 'stopped' });
    expect(sent('TerminateInstances')?.params.get('InstanceId.1')).toBe('i-4382922a');
    expect(actions()).toEqual(['DescribeInstances', 'RebootInstances', 'DescribeInstances', 'TerminateInstances']);
  });

  it('exits 1 with the typed error for a missing node', async () => {
    const result = await runCli(['compute', 'reboot', MISSING_INSTANCE, ...flags], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: NodeDoesNotExistError: ec2: instance ${MISSING_INSTANCE} does not exist (HTTP 200)\n`);
    expect(actions()).not.toContain('RebootInstances');
  });

  it('exits 1 with InvalidCredentialsError for refused credentials, as JSON on stderr with --json', async () => {
    const result = await runCli(['compute', 'nodes', ...flags, '--json'], { env: { ...env, AWS_ACCESS_KEY_ID: REFUSED_KEY_ID } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        kind: 'InvalidCredentialsError',
        message: 'ec2: AWS was not able to validate the provided access credentials (HTTP 401, code AuthFailure, request id req-AuthFailure)',
        provider: 'ec2', status: 401, providerCode: 'AuthFailure', requestId: 'req-AuthFailure', retryable: false,
      },
    });
  });

  it('exits 1 naming the variables when credentials are missing', async () => {
    const result = await runCli(['compute', 'nodes', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: MissingCredentialsError: ec2: missing credential: set the `accessKeyId` setting or the AWS_ACCESS_KEY_ID environment variable');
  });

  it('logs requests with --verbose, redacted, and never prints a secret', async () => {
    const secret = 'sEcReT/ValueThatMustNeverBePrinted+0123456789';
    const fromEnvironment = await runCli(['compute', 'nodes', ...flags, '-vv'], { env: { ...env, AWS_SECRET_ACCESS_KEY: secret } });
    expect(fromEnvironment.code).toBe(0);
    expect(fromEnvironment.stderr).toMatch(new RegExp(`^\\[ec2\\] → POST ${ec2.url}/$`, 'm'));
    expect(fromEnvironment.stderr).toMatch(new RegExp(`^\\[ec2\\] ← 200 POST ${ec2.url}/ \\(\\d+ ms\\)$`, 'm'));
    expect(fromEnvironment.stderr).toMatch(/^ {4}Authorization: \[REDACTED\]$/m);
    expect(fromEnvironment.stderr).toContain('Action=DescribeInstances');
    const fromFlag = await runCli(['compute', 'nodes', ...flags, '-vv', '--set', `secretAccessKey=${secret}`, '--set', 'accessKeyId=AKIDREFUSEDEXAMPLE']);
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stderr).toContain('InvalidCredentialsError');
    for (const output of [fromEnvironment.stdout, fromEnvironment.stderr, fromFlag.stdout, fromFlag.stderr]) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(encodeURIComponent(secret));
    }
  });
});
