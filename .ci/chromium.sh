#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright (which cannot download browsers here): install the
# chromium package when /usr/bin/chromium is missing, as .ci/postgres.sh does for PostgreSQL.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium from Debian's packages" >&2
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >&2
fi
/usr/bin/chromium --version >&2
