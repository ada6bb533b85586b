#!/usr/bin/env bash
# Makes Node 24 LTS and pnpm available. When the machine's Node is older, installs Node 24 from the npm registry
# (the `node` package ships the binary) into $TOOLS_DIR/node24 and prints the PATH line to use.
# Usage: source scripts/install-node.sh   (./run does; or run it, then add the printed directory to PATH)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/tools-dir.sh"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$here/../package.json")"
prefix="$TOOLS_DIR/node24"

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" != "24" ]; then
  if [ ! -x "$prefix/bin/node" ] || [ "$(node_major "$prefix/bin/node")" != "24" ]; then
    command -v npm >/dev/null || { echo "npm is needed to install Node 24 (install any Node.js first)" >&2; exit 1; }
    echo "Installing Node 24 from the npm registry into $prefix" >&2
    npm install --global --prefix "$prefix" --no-audit --no-fund node@24 >&2 \
      || npm install --global --prefix "$prefix" --no-audit --no-fund --allow-scripts=node node@24 >&2
  fi
  export PATH="$prefix/bin:$PATH"
fi
[ "$(node_major)" = "24" ] || { echo "Node 24 could not be installed" >&2; exit 1; }

if ! command -v pnpm >/dev/null || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$prefix/bin/pnpm" ] || [ "$("$prefix/bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
    echo "Installing pnpm $PNPM_VERSION into $prefix" >&2
    npm install --global --prefix "$prefix" --no-audit --no-fund "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$prefix/bin:$PATH"
fi
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "$(command -v node)" = "$prefix/bin/node" ]; then
  echo "Node 24 and pnpm are in $prefix/bin; add that directory to PATH" >&2
fi
