import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The long reliability tests (reliability/): they start production servers and PostgreSQL
 * processes, so they run one file at a time, after `next build`, only when RAPPORT_LONG_TESTS=1
 * (scripts/test.sh; .ci/run sets it). Only `include` and the limits differ from vitest.config.ts
 * (spread, not mergeConfig, which would add to the unit tests' `include` instead of replacing it).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['reliability/**/*.test.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
