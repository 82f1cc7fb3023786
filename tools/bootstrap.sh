#!/usr/bin/env bash
# Prepares a fresh machine (Node 20.19+ with npm) for this repo: the pnpm version pinned in
# package.json, the locked dependencies and, with --browser, Debian's Chromium for the docs'
# browser test. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=true ;;
    *) echo "bootstrap: unknown option $arg (known: --browser)" >&2; exit 2 ;;
  esac
done

node_major=$(node -p 'process.versions.node.split(".").map(Number).slice(0,2).join(".")')
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { echo "bootstrap: Node 20.19 or newer is needed, found $node_major" >&2; exit 1; }

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  echo "bootstrap: installing pnpm $pnpm_version"
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
fi

if $want_browser && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing Debian's chromium for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "bootstrap: the docs browser test needs Chromium: install Debian's 'chromium' package or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

pnpm install --frozen-lockfile
# Turborepo would otherwise try to send anonymous usage data on every run.
pnpm exec turbo telemetry disable >/dev/null
