#!/usr/bin/env bash
# Builds FerretDB 1.24.2 (MongoDB wire protocol over SQLite) with Go into $TOOLS_DIR/bin/ferretdb.
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds, but the binary panics at start because the
# module ships without build/version/version.txt; so we fetch that same module, add the version file, and build it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/tools-dir.sh"
VERSION=v1.24.2
bin="$TOOLS_DIR/bin/ferretdb"
# Captured rather than piped into `grep -q`: grep stopping early would kill the binary with SIGPIPE, and under
# pipefail an installed FerretDB would look missing (and be rebuilt) at random.
installed="$([ -x "$bin" ] && "$bin" --version 2>/dev/null || true)"
if [[ "$installed" == *"version: $VERSION"* ]]; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB (https://go.dev/dl/)" >&2; exit 1; }
echo "Building FerretDB $VERSION into $bin (first time only, about a minute)" >&2
moddir="$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[ -d "$moddir" ] || { echo "go mod download did not give a module directory" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$moddir/." "$work/"
chmod -R u+w "$work"
echo "$VERSION" > "$work/build/version/version.txt"
mkdir -p "$TOOLS_DIR/bin"
(cd "$work" && go build -trimpath -o "$bin.tmp" ./cmd/ferretdb)
mv "$bin.tmp" "$bin"
"$bin" --version | head -1 >&2
echo "$bin"
