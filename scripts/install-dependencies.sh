#!/usr/bin/env bash
# Installs the workspace's dependencies with pnpm when node_modules is missing or older than the lockfile or a
# package.json; otherwise does nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
marker=node_modules/.modules.yaml
if [ -f "$marker" ] && [ -z "$(find package.json pnpm-lock.yaml pnpm-workspace.yaml ./*/package.json -newer "$marker" -print -quit)" ]; then
  exit 0
fi
echo "Installing dependencies with pnpm" >&2
pnpm install --frozen-lockfile --config.confirmModulesPurge=false >&2
touch "$marker"
