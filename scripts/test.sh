#!/usr/bin/env bash
# `npm test`: lint, the typed GraphQL documents up to date, typecheck, the Vitest suite on PGlite (and
# on PostgreSQL when TEST_DATABASE_URL is set), a production build, the Playwright journeys in system
# Chromium, then, with RAPPORT_LONG_TESTS=1 (CI sets it), the long reliability tests that start servers
# of their own.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "lint"
npx eslint .
step "typed GraphQL documents up to date (npm run codegen)"
npx graphql-codegen --config codegen.ts --check
step "typecheck"
npx tsc --noEmit -p .
step "vitest on PGlite"
RAPPORT_TEST_BACKEND=pglite npx vitest run
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "vitest on PostgreSQL ($TEST_DATABASE_URL)"
  RAPPORT_TEST_BACKEND=postgres npx vitest run
else
  echo "TEST_DATABASE_URL is not set: skipping the PostgreSQL run."
fi
step "next build"
npx next build
step "playwright"
npx playwright test
if [ "${RAPPORT_LONG_TESTS:-}" = 1 ]; then
  step "reliability: two servers on one PostgreSQL, a PostgreSQL restart, a loopback load"
  npx vitest run --config vitest.reliability.config.ts
else
  echo "RAPPORT_LONG_TESTS is not 1: skipping the long reliability tests (reliability/)."
fi
