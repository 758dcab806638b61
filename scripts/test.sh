#!/usr/bin/env bash
# `npm test`: lint, the typed GraphQL documents up to date, typecheck, the Vitest suite on PGlite (and
# on PostgreSQL when TEST_DATABASE_URL is set), a production build, the Playwright journeys in system
# Chromium, then, with RAPPORT_LONG_TESTS=1 (CI sets it), the long reliability tests that start servers
# of their own.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

# Lint (then the codegen check) and the type check each keep one core busy: they run side by side,
# each into its own log, printed whole once both have finished.
checks=$(mktemp -d)
trap 'rm -rf "$checks"' EXIT
(npx eslint . && npx graphql-codegen --config codegen.ts --check) >"$checks/lint" 2>&1 &
lint=$!
npx tsc --noEmit -p . >"$checks/tsc" 2>&1 &
typecheck=$!
failed=0
step "lint, then typed GraphQL documents up to date (npm run codegen)"
wait "$lint" || failed=1
cat "$checks/lint"
step "typecheck"
wait "$typecheck" || failed=1
cat "$checks/tsc"
[ "$failed" = 0 ] || exit 1
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
