import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';
import { AWS_TEST_ENV } from './support/query-api-fixtures.js';
import { startS3Fixtures, type S3Fixtures } from './support/s3-fixtures.js';

let s3: S3Fixtures;
let flags: string[];
let dir: string;
let seen = 0;
beforeAll(async () => {
  s3 = await startS3Fixtures();
  flags = ['--provider', 's3', '--endpoint', s3.url, '--region', 'us-east-1'];
});
afterAll(() => s3.close());
beforeEach(() => {
  seen = s3.requests.length;
  dir = mkdtempSync(join(tmpdir(), 'multicloud-cli-'));
});
const env = { ...AWS_TEST_ENV };
const requests = () => s3.requests.slice(seen).map((request) => `${request.method} ${request.path}${request.params.size > 0 ? `?${request.params}` : ''}`);

interface ObjectJson {
  name: string;
  size: number;
  hash: string;
  containerName: string;
  lastModified?: string;
  metadata: Record<string, string>;
}

describe('storage against S3 (Libcloud fixture listings, objects kept by the test server)', () => {
  it('lists containers, and the objects of one as a table and as JSON', async () => {
    const containers = await runCli(['storage', 'ls', ...flags], { env });
    expect(containers).toMatchObject({ code: 0, stdout: 'NAME\ntest1\ntest2\n' });
    const objects = await runCli(['storage', 'ls', 'test1', ...flags], { env });
    expect(objects.stdout).toBe('NAME      SIZE  LAST MODIFIED         HASH\n1.zip  1.23 MB  2011-04-09T19:05:18Z  4397da7a7649e8085de9916c240e8166\n');
    const json = await runCliJson<ObjectJson[]>(['storage', 'ls', 'test1/1.', ...flags], { env });
    expect(json).toEqual([{ name: '1.zip', size: 1_234_567, hash: '4397da7a7649e8085de9916c240e8166', lastModified: '2011-04-09T19:05:18.000Z', metadata: {}, containerName: 'test1', extra: { storageClass: 'STANDARD' } }]);
    expect(requests().at(-1)).toBe('GET /test1?list-type=2&prefix=1.&max-keys=1000&encoding-type=url');
  });

  it('uploads a file, naming the object after it when the target ends in /', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'the quick brown fox\n');
    const result = await runCli(['storage', 'put', 'notes.txt', 'test1/docs/', ...flags, '--meta', 'team=web'], { env, cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'Uploaded notes.txt to test1/docs/notes.txt (20 B).\n', stderr: '' });
    expect(s3.objects.get('test1/docs/notes.txt')).toBe('the quick brown fox\n');
    const put = s3.requests.slice(seen).find((request) => request.method === 'PUT');
    expect(put?.headers['x-amz-meta-team']).toBe('web');
    expect(put?.headers['content-type']).toBe('text/plain');
  });

  it('uploads stdin, in parts when it is larger than one part', async () => {
    const big = 'x'.repeat(9 * 1024 * 1024 + 5);
    const object = await runCliJson<ObjectJson>(['storage', 'put', '-', 'test1/big.txt', ...flags], { env, input: big });
    expect(object).toMatchObject({ name: 'big.txt', size: big.length, containerName: 'test1', hash: '3858f62230ac3c915f300c664312c11f-9' });
    expect(s3.objects.get('test1/big.txt')?.length).toBe(big.length);
    expect(requests().filter((request) => request.startsWith('PUT /test1/big.txt?partNumber=')).length).toBe(2);
  });

  it('downloads to a file and to stdout, checking size and MD5', async () => {
    s3.objects.set('test1/report.csv', 'id,total\n1,42\n');
    const toFile = await runCli(['storage', 'get', 'test1/report.csv', ...flags], { env, cwd: dir });
    expect(toFile).toMatchObject({ code: 0, stdout: 'Downloaded test1/report.csv to report.csv (14 B).\n', stderr: '' });
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('id,total\n1,42\n');
    const toStdout = await runCli(['storage', 'get', 'test1/report.csv', '-', ...flags], { env });
    expect(toStdout).toMatchObject({ code: 0, stdout: 'id,total\n1,42\n', stderr: '' });
  });

  it('keeps an existing file unless --force (exit 2)', async () => {
    s3.objects.set('test1/report.csv', 'new');
    writeFileSync(join(dir, 'report.csv'), 'old');
    const refused = await runCli(['storage', 'get', 'test1/report.csv', ...flags], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error: report.csv exists\nhint: add --force to replace it');
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('old');
    expect(requests()).toEqual([]);
    const forced = await runCli(['storage', 'get', 'test1/report.csv', '--force', ...flags], { env, cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('new');
  });

  it('fails with ObjectHashMismatchError, leaving no file, when the bytes do not match the ETag', async () => {
    s3.objects.set('test1/tampered.bin', 'abc');
    s3.etags.set('test1/tampered.bin', createHash('md5').update('abd').digest('hex'));
    const toFile = await runCli(['storage', 'get', 'test1/tampered.bin', ...flags], { env, cwd: dir });
    expect(toFile.code).toBe(1);
    expect(toFile.stderr).toMatch(/^error: ObjectHashMismatchError: /);
    expect(existsSync(join(dir, 'tampered.bin'))).toBe(false);
    const toStdout = await runCli(['storage', 'get', 'test1/tampered.bin', '-', ...flags], { env });
    expect(toStdout.code).toBe(1);
    expect(toStdout.stderr).toMatch(/^error: ObjectHashMismatchError: /);
  });

  it('deletes objects, and makes and removes containers', async () => {
    s3.objects.set('test1/old.txt', 'bye');
    const removed = await runCli(['storage', 'rm', 'test1/old.txt', ...flags], { env });
    expect(removed).toMatchObject({ code: 0, stdout: 'Deleted test1/old.txt.\n' });
    expect(s3.objects.has('test1/old.txt')).toBe(false);
    const made = await runCliJson<{ name: string }>(['storage', 'mb', 'fresh-bucket', ...flags], { env });
    expect(made).toMatchObject({ name: 'fresh-bucket' });
    const dropped = await runCli(['storage', 'rb', 'fresh-bucket', ...flags], { env });
    expect(dropped).toMatchObject({ code: 0, stdout: 'Deleted container fresh-bucket.\n' });
    expect(requests()).toEqual(expect.arrayContaining(['PUT /fresh-bucket', 'DELETE /fresh-bucket', 'DELETE /test1/old.txt']));
  });

  it('exits 1 with ObjectDoesNotExistError for a missing object', async () => {
    const result = await runCli(['storage', 'rm', 'test1/never-was.txt', ...flags], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: ObjectDoesNotExistError: s3: The specified key does not exist. (HTTP 404, code NoSuchKey, request id 4442587FB7D0A2F9)\n');
  });

  it('prints a presigned temporary URL', async () => {
    s3.objects.set('test1/share.txt', 'shared');
    const result = await runCli(['storage', 'url', 'test1/share.txt', '--expires', '15m', ...flags], { env });
    expect(result.code).toBe(0);
    const url = new URL(result.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe(`${s3.url}/test1/share.txt`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request$/);
    const json = await runCliJson<{ url: string; method: string; expiresAt: string }>(['storage', 'url', 'test1/new.txt', '--method', 'PUT', ...flags], { env });
    expect(json.method).toBe('PUT');
    expect(new URL(json.url).searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(Date.parse(json.expiresAt) - Date.now()).toBeGreaterThan(3500_000);
  });

  it('refuses a missing file or a stdin upload without a name before any request (exit 2)', async () => {
    const missing = await runCli(['storage', 'put', 'nope.txt', 'test1/', ...flags], { env, cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error: nope.txt is not a readable file');
    const unnamed = await runCli(['storage', 'put', '-', 'test1', ...flags], { env, input: 'x' });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('error: uploading stdin needs an object name');
    expect(requests()).toEqual([]);
    expect(existsSync(join(dir, 'nope.txt'))).toBe(false);
  });
});
