import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // One copy of graphql-js, so Pothos, Yoga and the tests share one realm.
      graphql: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js'),
      // The page loaders are server-only; tests run them as the server would (React's server condition).
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['server/**/*.test.ts', 'lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Migrates once per run; each test file then copies that database.
    globalSetup: ['server/testing/database-template.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
