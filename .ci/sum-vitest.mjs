// Totals the "Tests  N passed | M failed" lines that vitest prints per package, and prints one closing line
// "tests: N passed, M failed" that CI can read, whatever order turbo interleaved the packages in.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split('\n')) {
  const match = /^\S*\s*Tests\s+(.*)$/.exec(line.trim());
  if (!match || !/\d+ (passed|failed)/.test(match[1])) continue;
  passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(match[1])?.[1] ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
