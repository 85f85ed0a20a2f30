#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the report's browser test
# (tests/test_report_browser.py). Nothing downloads a browser of its own: this
# uses the distribution's packages, and does nothing when both are present.
#   bash scripts/install-browser.sh        (the Makefile's `browser` target; `make test` runs it)
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-browser: /usr/bin/chromium or /usr/bin/chromedriver is missing and this user" \
         "cannot install packages; as root run: apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
  SUDO="sudo"
fi
echo "install-browser: installing Debian chromium and chromium-driver (a few minutes)..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
for bin in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$bin" ] || { echo "install-browser: $bin still missing after apt-get" >&2; exit 1; }
done
/usr/bin/chromium --version >&2 || true
