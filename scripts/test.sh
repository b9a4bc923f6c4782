#!/usr/bin/env bash
# The one test command (README, CI): installs what it needs, then runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm install --no-audit --no-fund
fi

# Browser tests drive Debian's Chromium; install it when missing (needs root, as on CI).
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium for the browser tests…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
    echo "WARNING: could not install chromium; browser tests will fail"
fi

npx vitest run "$@"
