#!/usr/bin/env bash
# Installs everything the project needs, on a machine that has only Node 20 and npm.
# Safe to run again: each step is skipped when already done.
# --browser also installs the system Chromium the browser tests drive.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.21.0
TOOLS="$PWD/.cache/tools"

# pnpm, pinned, in a folder of the project's own: no global install.
if [ "$("$TOOLS/node_modules/.bin/pnpm" --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install --prefix "$TOOLS" --no-save --no-fund --no-audit --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"

# Browser tests drive the system's Chromium (test tools must never download a browser of their own),
# with a colour emoji font: prompts may hold emoji, and the screenshots the tests keep (the README's
# among them) should show them rather than empty boxes.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
browser_packages=(chromium fonts-noto-color-emoji)
all_installed() {
  local status
  for package in "$@"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    [ "$status" = "install ok installed" ] || return 1
  done
}
if [ "${1:-}" = "--browser" ] && ! all_installed "${browser_packages[@]}"; then
  echo "setup: installing ${browser_packages[*]} from the system's packages"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${browser_packages[@]}" >/dev/null
fi

pnpm install --frozen-lockfile --reporter=silent
