#!/bin/sh
# Make sure the cluster tests have HAProxy: Debian's /usr/sbin/haproxy, else install it with
# apt-get when we are root. Without root there is no fallback: say how to install it and fail.
set -eu
for candidate in /usr/sbin/haproxy /usr/bin/haproxy; do
  if [ -x "$candidate" ]; then echo "haproxy: $candidate"; exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "haproxy: installing Debian's package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null
  exit 0
fi
echo "haproxy: not found; install it (e.g. sudo apt-get install haproxy) for tests/deploy" >&2
exit 1
