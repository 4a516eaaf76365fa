#!/usr/bin/env bash
# Runs a command with the project's pinned pnpm on PATH, after making sure everything is installed.
# Usage: with-tools.sh [--browser] COMMAND…  (--browser: the command needs the system Chromium)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
setup_args=()
if [ "${1:-}" = "--browser" ]; then setup_args+=(--browser); shift; fi
bash "$root/scripts/setup.sh" "${setup_args[@]}"
export PATH="$root/.cache/tools/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec "$@"
