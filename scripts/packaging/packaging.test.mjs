import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiEntryPoints } from './api-docs.mjs';
import { changesetPackages, runChangesetGate } from './changeset-gate.mjs';
import { checkPackContents, sourceMappingUrl } from './pack-contents.mjs';
import { bytesBySource, contributingSources, decodeSegment } from './source-map-sources.mjs';
import { runCheck } from './tree-shaking-gate.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'packaging-gates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(root, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('pack contents', () => {
  it('accepts dist files whose maps are packed and embed their sources', () => {
    const root = writeTree(join(scratch, 'clean'), {
      'package.json': '{}',
      'dist/index.js': 'export const a = 1;\n//# sourceMappingURL=index.js.map',
      'dist/index.js.map': { version: 3, sources: ['../src/index.ts'], sourcesContent: ['export const a = 1;'], mappings: 'AAAA' },
      'dist/index.d.ts': 'export declare const a = 1;',
    });
    expect(checkPackContents(root, ['package.json', 'dist/index.js', 'dist/index.js.map', 'dist/index.d.ts'])).toEqual([]);
  });

  it('flags tests, recordings, missing maps and map sources that are neither embedded nor packed', () => {
    const root = writeTree(join(scratch, 'dirty'), {
      'dist/a.js': 'x\n//# sourceMappingURL=a.js.map',
      'dist/b.js': 'y\n//# sourceMappingURL=b.js.map',
      'dist/b.js.map': { version: 3, sources: ['../src/b.ts'], mappings: 'AAAA' },
      'dist/b.test.js': '',
      'test/recordings/x/recording.har': '{}',
    });
    expect(checkPackContents(root, ['dist/a.js', 'dist/b.js', 'dist/b.js.map', 'dist/b.test.js', 'test/recordings/x/recording.har'])).toEqual([
      'dist/a.js: sourceMappingURL a.js.map is not in the package',
      'dist/b.js.map: source ../src/b.ts is neither embedded nor in the package',
      'dist/b.test.js: test material in the package',
      'test/recordings/x/recording.har: test material in the package',
    ]);
    expect(sourceMappingUrl('x\n//# sourceMappingURL=data:application/json;base64,e30=')).toBeUndefined();
  });
});

describe('source map reading', () => {
  it('decodes VLQ and finds the sources that mappings point into', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('gBACD')).toEqual([16, 0, 1, -1]);
    const map = { sources: ['a.ts', 'b.ts', 'unused.ts'], mappings: 'AAAA,IAAI;ACAA' };
    expect(contributingSources(map)).toEqual(new Set(['a.ts', 'b.ts']));
    expect(bytesBySource(map, 'abcdefgh\nxyz')).toEqual(new Map([['a.ts', 8], ['b.ts', 3]]));
  });
});

describe('tree-shaking gate', () => {
  it('reports code of a forbidden package pulled in through a side effect, and a size over the limit', async () => {
    const repo = writeTree(join(scratch, 'repo'), {
      'pnpm-workspace.yaml': 'packages:\n  - packages/*\n',
      'packages/big/package.json': { name: '@x/big', type: 'module', sideEffects: false, exports: { '.': { default: './dist/index.js' } } },
      // One chunk, as tsup writes it: a top-level call (not known pure) keeps what it references.
      'packages/big/dist/index.js': "import { marker } from '@x/other';\nexport const keep = () => 'kept';\nexport const leaky = Object.freeze({ marker });\n",
      'packages/other/package.json': { name: '@x/other', type: 'module', sideEffects: false, exports: { '.': { default: './dist/index.js' } } },
      'packages/other/dist/index.js': "export const marker = 'other';\nexport const unused = 'x';\n",
    });
    const check = { code: "import { keep } from '@x/big';\nexport const value = keep();\n", forbidden: ['^packages/other/'], limitGzipBytes: 1 };
    const { problems, ours } = await runCheck(check, repo);
    expect(ours.inputs).toContain('packages/other/dist/index.js');
    expect(problems).toEqual([
      expect.stringMatching(/^packages\/other\/dist\/index\.js is in the bundle/),
      'the bundle maps to no src/ file: are the dist source maps missing?',
      expect.stringMatching(/B gzip of our code is over the limit of 1 B$/),
    ]);
    const clean = await runCheck({ ...check, code: "import { marker } from '@x/other';\nexport const value = marker;\n", forbidden: ['^packages/big/'], limitGzipBytes: 10_000 }, repo);
    expect(clean.problems).toEqual(['the bundle maps to no src/ file: are the dist source maps missing?']);
  });
});

describe('changeset gate', () => {
  const git = (repo, ...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  it('reads the packages a changeset names', () => {
    expect(changesetPackages("---\n'@x/a': minor\n\"@x/b\": patch\nplain: major\n---\n\nText: not a package\n")).toEqual(['@x/a', '@x/b', 'plain']);
    expect(changesetPackages('no front matter')).toEqual([]);
  });

  it('fails an API report change without a changeset naming the package, passes with one, skips without a base', () => {
    const repo = writeTree(join(scratch, 'git'), {
      '.changeset/README.md': 'changesets',
      'packages/p/package.json': { name: '@x/p' },
      'packages/p/etc/p.api.md': 'v1',
      'packages/q/package.json': { name: '@x/q', private: true },
      'packages/q/etc/q.api.md': 'v1',
    });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'one');
    expect(runChangesetGate({ repoRoot: repo, base: 'HEAD~1' }).status).toBe('skip');
    expect(runChangesetGate({ repoRoot: repo, base: 'HEAD' }).status).toBe('pass');
    writeTree(repo, { 'packages/p/etc/p.api.md': 'v2', 'packages/q/etc/q.api.md': 'v2' });
    const missing = runChangesetGate({ repoRoot: repo, base: 'HEAD' });
    expect(missing.status).toBe('fail');
    expect(missing.lines.join('\n')).toMatch(/FAIL @x\/p: packages\/p\/etc\/p\.api\.md changed since HEAD, no changeset names it/);
    expect(missing.lines.join('\n')).not.toMatch(/@x\/q/);
    writeTree(repo, { '.changeset/other.md': "---\n'@x/elsewhere': patch\n---\n" });
    expect(runChangesetGate({ repoRoot: repo, base: 'HEAD' }).status).toBe('fail');
    writeTree(repo, { '.changeset/p-change.md': "---\n'@x/p': minor\n---\n\nNew API.\n" });
    expect(runChangesetGate({ repoRoot: repo, base: 'HEAD' }).status).toBe('pass');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'two');
    expect(runChangesetGate({ repoRoot: repo, base: 'HEAD~1' }).status).toBe('pass');
  });
});

describe('API docs entry points', () => {
  it('maps every public exports entry to its source, named like its import path', () => {
    const entries = new Map(apiEntryPoints());
    expect(entries.get('@multicloud/core/testing')).toMatch(/packages\/core\/src\/testing\.ts$/);
    expect(entries.get('@multicloud/provider-ec2/register')).toMatch(/packages\/provider-ec2\/src\/register\.ts$/);
    expect([...entries.keys()].some((name) => name.startsWith('@multicloud/fixture-server') || name.startsWith('multicloud-provider-ocean'))).toBe(false);
  });
});
