#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
set -euo pipefail
if command -v chromium >/dev/null || [ -x /usr/bin/chromium ]; then exit 0; fi
sudo=""
[ "$(id -u)" = "0" ] || sudo="sudo"
echo "Installing Chromium with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
