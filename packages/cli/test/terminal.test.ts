import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { AWS_TEST_ENV } from './support/query-api-fixtures.js';
import { startS3Fixtures, type S3Fixtures } from './support/s3-fixtures.js';
import { runCliInTerminal } from './support/terminal.js';

let s3: S3Fixtures;
let flags: string[];
let dir: string;
const SIZE = 12 * 1024 * 1024;
beforeAll(async () => {
  s3 = await startS3Fixtures();
  flags = ['--provider', 's3', '--endpoint', s3.url, '--region', 'us-east-1'];
  dir = mkdtempSync(join(tmpdir(), 'multicloud-cli-'));
  writeFileSync(join(dir, 'video.txt'), 'v'.repeat(SIZE));
});
afterAll(() => s3.close());
const env = { ...AWS_TEST_ENV };

/** A frame of the bar: label, bar, percentage, bytes done of total, throughput and ETA. */
const FRAME = /[↑↓] video\.txt \[[#.]{24}\] (\d+)% \| [\d.]+ [kMG]?B \/ 12\.6 MB \| [\d.]+ [kMG]?B\/s \| ETA \d+s/g;

describe('progress bars on a terminal', () => {
  it('draws upload progress with percentage, throughput and ETA under a pseudo-terminal', async () => {
    const result = await runCliInTerminal(['storage', 'put', 'video.txt', 'test1/video.txt', ...flags], { env, cwd: dir });
    expect(result.code).toBe(0);
    const frames = [...result.stdout.matchAll(FRAME)];
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames[0]?.[0]).toContain('↑ video.txt [........................] 0% | 0 B / 12.6 MB');
    expect(frames.at(-1)?.[1]).toBe('100');
    expect(result.stdout).toMatch(/\| [\d.]+ (kB|MB|GB)\/s \|/);
    expect(result.stdout).toContain('Uploaded video.txt to test1/video.txt (12.6 MB).');
    expect(s3.objects.get('test1/video.txt')?.length).toBe(SIZE);
  });

  it('draws download progress too, and the file arrives whole', async () => {
    s3.objects.set('test1/video.txt', 'w'.repeat(SIZE));
    const result = await runCliInTerminal(['storage', 'get', 'test1/video.txt', 'copy.txt', ...flags], { env, cwd: dir });
    expect(result.code).toBe(0);
    const frames = [...result.stdout.matchAll(FRAME)];
    expect(frames.at(-1)?.[0]).toMatch(/^↓ video\.txt \[#{24}\] 100% \| 12\.6 MB \/ 12\.6 MB/);
    expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).toBe('w'.repeat(SIZE));
  });

  it('draws nothing with --no-progress, even on a terminal', async () => {
    const result = await runCliInTerminal(['storage', 'put', 'video.txt', 'test1/quiet.txt', '--no-progress', ...flags], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('Uploaded video.txt to test1/quiet.txt (12.6 MB).');
  });

  it('draws nothing when stderr is piped', async () => {
    const result = await runCli(['storage', 'put', 'video.txt', 'test1/piped.txt', ...flags], { env, cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: 'Uploaded video.txt to test1/piped.txt (12.6 MB).\n' });
  });
});
