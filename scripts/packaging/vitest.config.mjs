import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests of the repository scripts that are not workspace packages (the scaffolder and the packaging gates):
//   pnpm exec vitest run --config scripts/packaging/vitest.config.mjs
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { include: ['create-provider/*.test.mjs', 'packaging/*.test.mjs'], testTimeout: 120_000 },
});
