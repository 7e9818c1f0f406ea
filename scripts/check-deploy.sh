#!/usr/bin/env bash
# Engine-less checks of the deployment files (no Docker engine, no Kubernetes cluster needed):
#   - docker-compose config -q on deploy/compose/docker-compose.yml, then the compose rules;
#   - the Kustomize base and overlays rendered without kubectl and every document validated
#     against the Kubernetes JSON schemas (pinned npm packages in deploy/checks), plus rules;
#   - Dockerfile lint (multi-stage, non-root USER, complete restore layer, entrypoints);
#   - the container health probe against a loopback HTTP server;
#   - a self-test showing each family of checks fails on a broken copy.
# Installs Debian's docker-compose, nodejs and npm when missing (apt-get update only then).
# Idempotent; ends with "deploy checks: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "${server_pid}" ]]; then kill "${server_pid}" 2>/dev/null || true; fi
  rm -rf "${work}"
}
trap cleanup EXIT

apt_updated=0
need() { # need COMMAND DEBIAN_PACKAGE...
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "${apt_updated}" == 0 ]]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${@:2}" >/dev/null
}
need docker-compose docker-compose
need node nodejs
need npm npm

log="${work}/results.txt"
record() { # record NAME STATUS [DETAIL]: one result line in the checks' own format
  if [[ "$2" == 0 ]]; then echo "ok - $1"; else echo "not ok - $1: ${3:-failed}"; fi | tee -a "${log}"
}

# Compose: the file must resolve without an engine.
resolved="${work}/compose.resolved.yml"
if docker-compose -f deploy/compose/docker-compose.yml config -q 2>"${work}/compose.err" \
  && docker-compose -f deploy/compose/docker-compose.yml config >"${resolved}" 2>>"${work}/compose.err"; then
  record "docker-compose config -q deploy/compose/docker-compose.yml" 0
else
  record "docker-compose config -q deploy/compose/docker-compose.yml" 1 "$(tr '\n' ' ' <"${work}/compose.err")"
fi

# Pinned Node packages: npm ci only when package-lock.json changed since the last install.
stamp="deploy/checks/node_modules/.lock-sha256"
lock_sha="$(sha256sum deploy/checks/package-lock.json | cut -d' ' -f1)"
if [[ ! -f "${stamp}" || "$(cat "${stamp}")" != "${lock_sha}" ]]; then
  (cd deploy/checks && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "${lock_sha}" >"${stamp}"
fi

run_node() { # run_node SCRIPT ARGS...: its lines are results; a crash is one failure
  if ! node "deploy/checks/$1" "${@:2}" >"${work}/node.out" 2>"${work}/node.err"; then
    grep -q '^not ok - ' "${work}/node.out" \
      || echo "not ok - $1 ran: $(tr '\n' ' ' <"${work}/node.err" | cut -c1-400)" >>"${work}/node.out"
  fi
  tee -a "${log}" <"${work}/node.out"
}
if [[ -s "${resolved}" ]]; then run_node compose.mjs "${root}" "${resolved}"; fi
run_node k8s.mjs "${root}"
run_node dockerfiles.mjs "${root}"
if [[ -s "${resolved}" ]]; then run_node selftest.mjs "${root}" "${resolved}"; fi

# The silo image's health probe against a loopback server: 200 passes, 503 and a closed
# port fail.
bash -n deploy/docker/http-probe.sh && record "deploy/docker/http-probe.sh parses" 0 || record "deploy/docker/http-probe.sh parses" 1
port_file="${work}/port"
node -e '
  const s = require("node:http").createServer((q, r) => { r.writeHead(q.url === "/health/ready" ? 200 : 503); r.end(); });
  s.listen(0, "127.0.0.1", () => require("node:fs").writeFileSync(process.argv[1], String(s.address().port)));
  setTimeout(() => s.close(), 60000).unref();
' "${port_file}" &
server_pid=$!
for _ in $(seq 50); do [[ -s "${port_file}" ]] && break; sleep 0.1; done
port="$(cat "${port_file}" 2>/dev/null || echo 0)"
probe() { timeout 5 bash deploy/docker/http-probe.sh "$@" >/dev/null 2>&1; }
if probe /health/ready "${port}"; then record "http-probe passes on 200" 0; else record "http-probe passes on 200" 1 "non-zero exit"; fi
if probe /health/live "${port}"; then record "http-probe fails on 503" 1 "exit 0"; else record "http-probe fails on 503" 0; fi
kill "${server_pid}" 2>/dev/null || true
wait "${server_pid}" 2>/dev/null || true
server_pid=""
if probe /health/ready "${port}"; then record "http-probe fails on a closed port" 1 "exit 0"; else record "http-probe fails on a closed port" 0; fi

passed=$(grep -c '^ok - ' "${log}" || true)
skips=$(grep -c '^ok - .* # SKIP ' "${log}" || true)
failed=$(grep -c '^not ok - ' "${log}" || true)
echo "deploy checks: $((passed - skips)) passed, ${failed} failed, ${skips} skipped"
[[ "${failed}" == 0 ]]
