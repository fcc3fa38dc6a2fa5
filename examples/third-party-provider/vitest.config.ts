import { defineConfig } from 'vitest/config';

// No aliases: @multicloud/* resolve to their built packages (`pnpm build` them first), as for any third party.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
