#!/usr/bin/env bash
# The production build: shared and server compiled to JavaScript with tsc (shared/dist, server/dist), the client built
# once with Vite (client/dist). `node --conditions=compiled server/dist/main.js` then runs it as one plain Node process.
# Usage: bash scripts/build.sh [--if-stale]   (--if-stale: only when the build is missing or older than a source)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=server/dist/.build-stamp

changed_since_build() {
  [ -f "$stamp" ] && [ -f client/dist/index.html ] || return 0
  [ -n "$(find shared server client package.json pnpm-lock.yaml tsconfig.base.json \
    \( -name node_modules -o -name dist \) -prune -o -type f -newer "$stamp" -print -quit)" ]
}

# One build at a time (test files building in parallel wait here, then find the build fresh).
if command -v flock >/dev/null && [ -d node_modules ]; then
  exec 9>node_modules/.build.lock
  flock 9
fi

if [ "${1:-}" = "--if-stale" ]; then
  changed_since_build || exit 0
  echo "Building shared, server and client (the build is missing or older than the sources)" >&2
fi
started=$(date +%s)
rm -rf shared/dist server/dist
touch_at_start="$(mktemp)"
trap 'rm -f "$touch_at_start"' EXIT
pnpm --filter @common-ground/shared build
pnpm --filter @common-ground/server build
pnpm --filter @common-ground/client build
# Stamp with the time the build started, so a file saved during the build still counts as newer.
cp -p "$touch_at_start" "$stamp"
echo "build took $(($(date +%s) - started)) s" >&2
