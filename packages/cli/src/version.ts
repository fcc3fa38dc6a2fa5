import { readFileSync } from 'node:fs';

/** The CLI's version, from its package.json (one level up, from `src/` and from `dist/` alike). */
export function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
