import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';

/** The local provider (`@multicloud/provider-local`: storage in a directory, nodes as local process groups), found by discovery. */
describe('storage against the local provider', () => {
  const root = mkdtempSync(join(tmpdir(), 'multicloud-cli-local-'));
  const flags = ['--provider', 'local', '--set', `root=${root}`];

  it('makes a container, uploads, lists, downloads and deletes, in a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'multicloud-cli-'));
    writeFileSync(join(dir, 'cat.txt'), 'meow\n');
    expect(await runCli(['storage', 'mb', 'photos', ...flags])).toMatchObject({ code: 0, stdout: 'Created container photos.\n' });
    expect(await runCli(['storage', 'put', 'cat.txt', 'photos/2026/', ...flags], { cwd: dir })).toMatchObject({ code: 0, stdout: 'Uploaded cat.txt to photos/2026/cat.txt (5 B).\n' });
    const objects = await runCliJson<{ name: string; size: number; hash: string }[]>(['storage', 'ls', 'photos', ...flags]);
    expect(objects).toEqual([expect.objectContaining({ name: '2026/cat.txt', size: 5, hash: createHash('md5').update('meow\n').digest('hex'), containerName: 'photos' })]);
    expect(await runCli(['storage', 'get', 'photos/2026/cat.txt', '-', ...flags])).toMatchObject({ code: 0, stdout: 'meow\n' });
    expect(await runCli(['storage', 'get', 'photos/2026/cat.txt', 'copy.txt', ...flags], { cwd: dir })).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).toBe('meow\n');
    expect(await runCli(['storage', 'rm', 'photos/2026/cat.txt', ...flags])).toMatchObject({ code: 0 });
    expect(await runCli(['storage', 'rb', 'photos', ...flags])).toMatchObject({ code: 0, stdout: 'Deleted container photos.\n' });
  });

  it('exits 1 with UnsupportedOperationError for a temporary URL', async () => {
    await runCli(['storage', 'mb', 'links', ...flags]);
    await runCli(['storage', 'put', '-', 'links/a.txt', ...flags], { input: 'a' });
    const result = await runCli(['storage', 'url', 'links/a.txt', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: UnsupportedOperationError: local does not support getObjectTemporaryUrl/);
  });
});

describe('compute against the local provider', () => {
  const root = mkdtempSync(join(tmpdir(), 'multicloud-cli-local-'));
  const flags = ['--provider', 'local', '--set', `root=${root}`];

  it('lists its catalog', async () => {
    const images = await runCliJson<{ id: string }[]>(['compute', 'images', ...flags]);
    expect(images.map((image) => image.id)).toEqual(expect.arrayContaining(['shell', 'nodejs']));
    const sizes = await runCliJson<{ id: string; ram: number }[]>(['compute', 'sizes', ...flags]);
    expect(sizes.find((size) => size.id === 'small')).toMatchObject({ ram: 256 });
    expect(await runCli(['compute', 'locations', ...flags])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^localhost +This machine$/m) });
  });

  it('creates a node, which ends with the command that started it, lists it and destroys it', async () => {
    const created = await runCliJson<{ id: string; name: string; state: string; privateIps: string[] }>(
      ['compute', 'create', '--name', 'web-1', '--size', 'small', '--image', 'shell', '--wait', ...flags],
    );
    expect(created).toMatchObject({ name: 'web-1', state: 'running', privateIps: ['127.0.0.1'] });
    const listed = await runCli(['compute', 'nodes', ...flags]);
    expect(listed.stdout).toMatch(new RegExp(`^${created.id} +web-1 +stopped +127\\.0\\.0\\.1 +small +localhost`, 'm'));
    expect(await runCli(['compute', 'destroy', created.id, ...flags])).toMatchObject({ code: 0, stdout: `Destroying node web-1 (${created.id}).\n` });
    expect(await runCli(['compute', 'nodes', ...flags])).toMatchObject({ code: 0, stdout: 'No nodes.\n' });
  }, 60_000);
});
