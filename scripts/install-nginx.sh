#!/usr/bin/env bash
# Makes Debian's nginx available for the load-balancer tests. Skipped when present.
set -euo pipefail
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
echo "Installing Debian's nginx for the load-balancer tests" >&2
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx >&2
# The package starts a system-wide server on port 80; the tests start their own on free ports and need none.
$sudo systemctl disable --now nginx >/dev/null 2>&1 || $sudo service nginx stop >/dev/null 2>&1 || true
