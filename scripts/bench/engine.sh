#!/usr/bin/env bash
# Embedded-mode orchestration benchmark (issue 3): runs tests/Benchmarks/Specs/engine-tiny.yaml
# (200,000 tiny trials; TRIALS=N overrides the per-cell count, 8 cells) end to end with the SQLite
# store and reports trials per second and the peak resident memory of the whole process.
# Usage: scripts/bench/engine.sh [trials-per-cell]
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
per_cell="${1:-25000}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
sed "s/^trials: .*/trials: ${per_cell}/" tests/Benchmarks/Specs/engine-tiny.yaml > "${work}/spec.yaml"
dotnet build src/Client -c Release --nologo -v quiet >/dev/null
/usr/bin/time -f "%e %M" -o "${work}/time" dotnet src/Client/bin/Release/net10.0/sweeps.dll run "${work}/spec.yaml" --out "${work}/out" >/dev/null 2>"${work}/stderr"
read -r seconds rss_kb < "${work}/time"
total=$(( per_cell * 8 ))
echo "engine: ${total} trials in ${seconds} s end to end = $(awk "BEGIN {printf \"%.0f\", ${total}/${seconds}}") trials/s; peak RSS $(( rss_kb / 1024 )) MiB"
grep -o '"trials_computed": [0-9]*' "${work}/out/manifest.json"
