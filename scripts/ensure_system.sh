#!/bin/sh
# Make sure every system program in scripts/system-packages.txt exists; install the missing
# packages with Debian's apt-get in one go when we are root, else say which to install and fail.
set -eu
LIST="$(dirname "$0")/system-packages.txt"
missing=""
while read -r path package _; do
  case "$path" in ''|'#'*) continue ;; esac
  if [ -e "$path" ]; then
    echo "system: $path ($package)"
  else
    missing="$missing $package"
  fi
done < "$LIST"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system: installing Debian packages:$missing"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  # shellcheck disable=SC2086  # one word per package
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi
echo "system: missing packages:$missing; install them (e.g. sudo apt-get install$missing)" >&2
exit 1
