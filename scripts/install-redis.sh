#!/usr/bin/env bash
# Makes Debian's redis-server available for the tests (the shared bus between instances). Skipped when present.
set -euo pipefail
if command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ]; then exit 0; fi
echo "Installing Debian's redis-server for the tests" >&2
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends redis-server >&2
# The package starts a system-wide service on 6379; the tests start their own on free ports and need none.
$sudo systemctl disable --now redis-server >/dev/null 2>&1 || $sudo service redis-server stop >/dev/null 2>&1 || true
