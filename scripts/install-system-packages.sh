#!/usr/bin/env bash
# Installs Debian packages the tests need when their command is missing, in one apt-get run.
# Usage: bash scripts/install-system-packages.sh COMMAND:PACKAGE...   e.g. chromium:chromium redis-server:redis-server nginx:nginx
# (Debian's Chromium drives the browser tests; Playwright's own browser download cannot work here.)
set -euo pipefail
missing=()
for pair in "$@"; do
  command="${pair%%:*}"
  package="${pair#*:}"
  command -v "$command" >/dev/null || [ -x "/usr/bin/$command" ] || [ -x "/usr/sbin/$command" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || {
  echo "Please install: ${missing[*]} (this script knows only apt-get)" >&2
  exit 1
}
sudo=""
[ "$(id -u)" = "0" ] || sudo="sudo"
echo "Installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
# redis-server and nginx start system-wide services on install; the tests start their own on free ports.
for service in redis-server nginx; do
  case " ${missing[*]} " in
    *" $service "*) $sudo service "$service" stop >/dev/null 2>&1 || true ;;
  esac
done
