#!/usr/bin/env bash
# Installs what the tests need (sourced by scripts/test.sh). The tests start their own instances
# as child processes on free loopback ports; nothing here is started as a service.
#   Cluster.Tests: redis-server; Observability.Tests: promtool (Debian's prometheus package),
#   which checks the silo's /metrics exposition; Client.Tests' external methods: /usr/bin/python3 with numpy;
#   Browser.Tests: Debian's chromium (driven headless by Playwright, which is never allowed to download a
#   browser of its own).
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v promtool >/dev/null || missing+=(prometheus)
/usr/bin/python3 -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if (( ${#missing[@]} > 0 )); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
