#!/usr/bin/env bash
# Makes sure Debian's Chromium and its WebDriver (chromium-driver) are installed for the browser tests in tests/
# (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver, headless; nothing is downloaded at test time).
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Chromium or chromium-driver is not installed: installing Debian's chromium and chromium-driver packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
echo "$(chromium --version 2>/dev/null | head -1); $(chromedriver --version 2>/dev/null | head -1)"
