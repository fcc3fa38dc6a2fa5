import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

/**
 * Tests resolve workspace packages to their TypeScript sources, so `pnpm test` works from a clean clone
 * without a build step. The mapping mirrors the `paths` in tsconfig.base.json: `@multicloud/<pkg>` is
 * `packages/<pkg>/src/index.ts` and `@multicloud/<pkg>/<entry>` is `packages/<pkg>/src/<entry>.ts`.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: [
      { find: /^@multicloud\/([^/]+)\/([^/]+)$/, replacement: `${packagesDir}$1/src/$2.ts` },
      { find: /^@multicloud\/([^/]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
