import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

/** The shared config, plus `--expose-gc` so the load tests measure memory after a collection, not before one. */
export default mergeConfig(sharedConfig, { test: { execArgv: ['--expose-gc'] } });
