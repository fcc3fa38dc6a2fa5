import { defineConfig } from 'tsup';

// ESM only, one file per entry; @multicloud/* stay external (peer dependencies), so the app's copy is used.
export default defineConfig({
  entry: { index: 'src/index.ts', register: 'src/register.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
