#!/usr/bin/env node
// Re-records a provider's HTTP recordings: `pnpm record <provider>` runs that provider package's tests with
// POLLY_MODE=record. Its tests then start a local server answering from the recorded provider responses (see the
// package's test/recordings/README.md) and save every exchange, scrubbed of secrets, under test/recordings/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const [provider, ...vitestArgs] = process.argv.slice(2);
if (!provider) {
  console.error('usage: pnpm record <provider> [vitest args]   e.g. pnpm record ec2');
  process.exit(2);
}
const folder = new URL(`../packages/provider-${provider}/`, import.meta.url);
if (!existsSync(folder)) {
  console.error(`no package packages/provider-${provider}`);
  process.exit(2);
}
// Stale recordings of renamed tests would linger forever; a full re-record starts clean (README.md stays).
const recordings = new URL('test/recordings/', folder);
if (vitestArgs.length === 0 && existsSync(recordings)) {
  for (const entry of readdirSync(recordings, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(new URL(`${entry.name}/`, recordings), { recursive: true, force: true });
  }
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', ...vitestArgs], { cwd: folder, stdio: 'inherit', env: { ...process.env, POLLY_MODE: 'record' } });
process.exit(result.status ?? 1);
