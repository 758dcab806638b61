#!/usr/bin/env bash
# `npm test`: lint, typecheck, the Vitest suite on PGlite (and on PostgreSQL when TEST_DATABASE_URL
# is set), a production build, then the Playwright journeys in system Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "lint"
npx eslint .
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
