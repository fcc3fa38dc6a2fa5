import type { Options } from 'tsup';

/**
 * Build settings every package shares: ESM only, one file per entry, declarations resolved against the
 * *built* workspace packages (paths cleared), so a provider's .d.ts imports `@multicloud/core` instead of
 * inlining a copy of its types.
 */
export function packageBuild(entry: Record<string, string>): Options {
  return {
    entry,
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: { compilerOptions: { paths: {} } },
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
  };
}
