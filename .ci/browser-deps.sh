#!/usr/bin/env bash
# What `make test-browser` needs beyond the venv and node_modules: Debian's Chromium (Playwright
# cannot download its own browser here), a Java runtime for the Nu Html Checker, and npm.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
