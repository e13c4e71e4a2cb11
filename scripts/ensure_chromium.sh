#!/bin/sh
# Make sure the browser tests have a Chromium: Debian's /usr/bin/chromium, else install it with
# apt-get when we are root, else fall back to Playwright's own download.
set -eu
PY=${1:-python3}
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then echo "chromium: $candidate"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: installing Debian's package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "chromium: falling back to Playwright's browser download"
"$PY" -m playwright install chromium
