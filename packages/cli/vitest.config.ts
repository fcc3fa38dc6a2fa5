import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// Every test starts the real binary as a subprocess, several per test; on a loaded 2-core CI machine one start can
// take seconds, so the budget is per test, generous, and still bounded.
export default mergeConfig(sharedConfig, defineConfig({ test: { testTimeout: 90_000 } }));
