#!/usr/bin/env bash
# Container health probe without curl or wget (the .NET runtime images ship neither):
#   http-probe PATH [PORT]   exits 0 when GET http://127.0.0.1:PORT/PATH answers 2xx.
# PORT defaults to $SWEEPS_HTTP_PORT, then 8080. Uses bash's /dev/tcp, HTTP/1.0, 2 s budget.
set -euo pipefail
path="${1:?usage: http-probe PATH [PORT]}"
port="${2:-${SWEEPS_HTTP_PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 2 status <&3
exec 3>&-
# Status line: HTTP/1.x NNN reason
code="$(printf '%s' "${status}" | cut -d' ' -f2)"
[[ "${code}" =~ ^2[0-9][0-9]$ ]]
