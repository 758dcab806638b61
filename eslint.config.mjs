import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** An import of one of these top-level folders, by alias or by relative path. */
function layer(...folders) {
  return { regex: `^(@/|(\\.\\./)+)(${folders.join('|')})(/|$)`, message: `${folders.join(', ')}: not imported from this layer (see README, Architecture).` };
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/graphql/**', '.data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      // Components run in the browser too: server code reaches them only as props.
      'no-restricted-imports': ['error', { patterns: [layer('server', 'app')] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      // The server is below the pages and components: what both need lives in lib/.
      'no-restricted-imports': ['error', { patterns: [layer('components', 'app')] }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('server', 'components', 'app')] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];

export default config;
