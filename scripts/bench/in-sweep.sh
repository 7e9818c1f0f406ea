#!/usr/bin/env bash
# A trial inside a sweep against the same trial standalone (issue 15): runs a sequential embedded
# sweep (--max-concurrent-trials 1) of the d = 50 flat-penalty trial of tests/Benchmarks
# (symmetric sensing, r = 2, m = 500), takes the median of trials.csv's `seconds`, then times the
# sweep's median trial (its seed) with `sweeps trial --repeat N` in one process, and prints both
# medians and their ratio with the load average. Timings on a shared machine are noisy: run it
# several times and compare medians.
# Usage: scripts/bench/in-sweep.sh [trials] [extra sweeps run arguments...]
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-20}"
shift || true
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
cat > "${work}/spec.yaml" <<EOF
name: in-sweep-flat-penalty-d50
problem: symmetric-sensing
fixed: { d: 50, k: 50, r: 2, m: 500 }
methods: [flat-penalty]
trials: ${trials}
seed: 1
EOF
dotnet build src/Client -c Release --nologo -v quiet >/dev/null
sweeps=(dotnet src/Client/bin/Release/net10.0/sweeps.dll)
load_before="$(cut -d' ' -f1 /proc/loadavg)"
"${sweeps[@]}" run "${work}/spec.yaml" --out "${work}/out" --max-concurrent-trials 1 "$@" >/dev/null 2>"${work}/stderr"
# The median row by `seconds` (columns found by name) and its seed.
read -r in_sweep seed < <(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { print $col["seconds"], $col["seed"] }' "${work}/out/trials.csv" | sort -g | awk '{ row[NR] = $0 } END { print row[int((NR + 1) / 2)] }')
standalone="$("${sweeps[@]}" trial --problem symmetric-sensing --d 50 --r 2 --m 500 --method flat-penalty \
    --seed "${seed}" --repeat "${trials}" 2>&1 >/dev/null | sed -n 's/^repeat: .* median \([^ ]*\) s.*/\1/p')"
awk -v a="${in_sweep}" -v b="${standalone}" -v n="${trials}" -v l1="${load_before}" -v l2="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    printf "in-sweep: %d trials, median seconds %.4f; standalone (sweeps trial --repeat %d): median %.4f; ratio %.2f; load %s -> %s\n",
        n, a, n, b, a / b, l1, l2 }'
