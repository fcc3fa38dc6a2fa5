import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeLive, type LiveSwift } from '@multicloud/fixture-server';
import { createS3Storage } from '@multicloud/provider-ec2';
import { afterAll, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';

/** The CLI against the local OpenStack Swift's S3 API (which really verifies SigV4); see scripts/swift/README.md. */
const bucket = `mc-cli-${Date.now().toString(36)}`;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describeLive('storage against a live Swift (S3 API)', (live: LiveSwift) => {
  const env = { AWS_ACCESS_KEY_ID: live.s3.accessKeyId, AWS_SECRET_ACCESS_KEY: live.s3.secretAccessKey };
  const flags = ['--provider', 's3', '--endpoint', live.s3.endpoint, '--region', live.s3.region];
  const dir = mkdtempSync(join(tmpdir(), 'multicloud-cli-live-'));

  afterAll(async () => {
    const driver = createS3Storage({ endpoint: live.s3.endpoint, region: live.s3.region, accessKeyId: live.s3.accessKeyId, secretAccessKey: live.s3.secretAccessKey });
    for (const name of [bucket, `${bucket}-swift`]) {
      const container = await driver.getContainer(name).catch(() => undefined);
      if (!container) continue;
      for (const object of await driver.listObjects(container)) await driver.deleteObject(object);
      await driver.deleteContainer(container);
    }
  }, 60_000);

  it('makes a bucket, uploads a multipart file and stdin, lists, downloads byte-exact, shares, deletes', async () => {
    expect(await runCli(['storage', 'mb', bucket, ...flags], { env })).toMatchObject({ code: 0, stdout: `Created container ${bucket}.\n` });
    const data = randomBytes(9 * 1024 * 1024 + 3);
    writeFileSync(join(dir, 'data.bin'), data);
    const uploaded = await runCliJson<{ size: number; hash: string }>(['storage', 'put', 'data.bin', `${bucket}/dir/ü data.bin`, ...flags], { env, cwd: dir });
    expect(uploaded.size).toBe(data.length);
    expect(uploaded.hash).toMatch(/^[0-9a-f]{32}-2$/);
    expect(await runCli(['storage', 'put', '-', `${bucket}/dir/note.txt`, ...flags], { env, input: 'from stdin\n' })).toMatchObject({ code: 0 });

    const listed = await runCliJson<{ name: string; size: number }[]>(['storage', 'ls', `${bucket}/dir/`, ...flags], { env });
    expect(listed.map((object) => [object.name, object.size])).toEqual([['dir/note.txt', 11], ['dir/ü data.bin', data.length]]);

    expect(await runCli(['storage', 'get', `${bucket}/dir/ü data.bin`, 'copy.bin', ...flags], { env, cwd: dir })).toMatchObject({ code: 0 });
    expect(md5(readFileSync(join(dir, 'copy.bin')))).toBe(md5(data));
    expect(await runCli(['storage', 'get', `${bucket}/dir/note.txt`, '-', ...flags], { env })).toMatchObject({ code: 0, stdout: 'from stdin\n' });

    const url = await runCli(['storage', 'url', `${bucket}/dir/note.txt`, '--expires', '5m', ...flags], { env });
    expect(url.code).toBe(0);
    const fetched = await fetch(url.stdout.trim());
    expect(fetched.status).toBe(200);
    expect(await fetched.text()).toBe('from stdin\n');

    const notEmpty = await runCli(['storage', 'rb', bucket, ...flags], { env });
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/^error: ContainerIsNotEmptyError: /);
    for (const name of ['dir/note.txt', 'dir/ü data.bin']) expect(await runCli(['storage', 'rm', `${bucket}/${name}`, ...flags], { env })).toMatchObject({ code: 0 });
    expect(await runCli(['storage', 'rb', bucket, ...flags], { env })).toMatchObject({ code: 0, stdout: `Deleted container ${bucket}.\n` });
  }, 60_000);

  it("speaks Swift's own API too: --username and --set authUrl, the password from OS_PASSWORD", async () => {
    const swift = ['--provider', 'openstack-swift', '--set', `authUrl=${live.swift.authUrl}`, '--username', live.swift.user];
    const made = await runCli(['storage', 'mb', `${bucket}-swift`, ...swift], { env: { OS_PASSWORD: live.swift.key } });
    expect(made).toMatchObject({ code: 0, stdout: `Created container ${bucket}-swift.\n` });
    const viaS3 = await runCliJson<{ name: string }[]>(['storage', 'ls', ...flags], { env });
    expect(viaS3.map((container) => container.name)).toContain(`${bucket}-swift`);
    const refused = await runCli(['storage', 'ls', ...swift], { env: { OS_PASSWORD: live.wrongSecret.swift.key } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: InvalidCredentialsError: openstack-swift: .*\(HTTP 401/);
    expect(await runCli(['storage', 'rb', `${bucket}-swift`, ...swift], { env: { OS_PASSWORD: live.swift.key } })).toMatchObject({ code: 0 });
  });

  it('exits 1 with InvalidCredentialsError for a wrong secret, and never prints it', async () => {
    const secret = live.wrongSecret.s3.secretAccessKey;
    const result = await runCli(['storage', 'ls', ...flags, '-vv'], { env: { ...env, AWS_SECRET_ACCESS_KEY: secret } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: InvalidCredentialsError: s3: .*\(HTTP 403, code SignatureDoesNotMatch/m);
    expect(result.stderr).not.toContain(secret);
    expect(result.stderr).toMatch(/^ {4}Authorization: \[REDACTED\]$/m);
  });
});
