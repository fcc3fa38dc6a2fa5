// What a packed tarball must not contain: tests, recordings, fixtures, and source maps pointing to missing files.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Paths (inside the package) that are test material. */
const TEST_PATTERNS = [
  /(^|\/)(test|tests|__tests__|__mocks__|fixtures|recordings)\//,
  /\.(test|spec|bench)\.[cm]?[jt]sx?$/,
  /\.(test|spec)\.d\.[cm]?ts$/,
  /\.har$/,
  /(^|\/)vitest\.config\.[cm]?[jt]s$/,
];

/** Where a `//# sourceMappingURL=` comment points, or undefined (inline `data:` maps are self-contained). */
export function sourceMappingUrl(code) {
  const match = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/.exec(code.trimEnd());
  return match && !match[1].startsWith('data:') ? decodeURIComponent(match[1]) : undefined;
}

/**
 * Checks the files of an unpacked package.
 * @param {string} root - the unpacked `package/` directory
 * @param {readonly string[]} files - paths relative to `root`, as `pnpm pack --json` lists them
 * @returns {string[]} problems, empty when fine
 */
export function checkPackContents(root, files) {
  const problems = [];
  const packed = new Set(files.map((file) => normalize(file)));
  for (const file of files) {
    if (TEST_PATTERNS.some((pattern) => pattern.test(file))) problems.push(`${file}: test material in the package`);
    if (/\.[cm]?js$|\.d\.[cm]?ts$/.test(file)) {
      const url = sourceMappingUrl(readFileSync(join(root, file), 'utf8'));
      if (url !== undefined && !packed.has(normalize(join(dirname(file), url)))) problems.push(`${file}: sourceMappingURL ${url} is not in the package`);
    }
    if (file.endsWith('.map')) {
      let map;
      try {
        map = JSON.parse(readFileSync(join(root, file), 'utf8'));
      } catch {
        problems.push(`${file}: not a JSON source map`);
        continue;
      }
      const sources = Array.isArray(map.sources) ? map.sources : [];
      sources.forEach((source, index) => {
        if (typeof map.sourcesContent?.[index] === 'string') return; // embedded: nothing to find
        const target = normalize(join(dirname(file), map.sourceRoot ?? '', source));
        if (!packed.has(target)) problems.push(`${file}: source ${source} is neither embedded nor in the package`);
      });
    }
  }
  return problems;
}
