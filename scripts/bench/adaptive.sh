#!/usr/bin/env bash
# Adaptive refinement against a uniform grid (issue 13): runs tests/Benchmarks/Specs/adaptive-d20.yaml
# (symmetric sensing d = 20, r = 1..4, flat-convex, 2% precision) embedded, prints its m50 per line against
# `sweeps theory` and the trials it used, then what a uniform grid (m = 20..140 step 4) needs for the same
# precision on the same fitted curves (scripts/bench/uniform-trials.py). About 3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-$(mktemp -d)/adaptive}"
dotnet build src/Client -c Release --nologo -v quiet >/dev/null
sweeps=(dotnet src/Client/bin/Release/net10.0/sweeps.dll)
start=$(date +%s)
"${sweeps[@]}" run tests/Benchmarks/Specs/adaptive-d20.yaml --out "${out}" >/dev/null
echo "adaptive run: $(( $(date +%s) - start )) s, output in ${out}"
"${sweeps[@]}" transitions "${out}"
for r in 1 2 3 4; do
  "${sweeps[@]}" theory --problem symmetric-sensing --d 20 --r "${r}" | sed -n 's/.*statistical dimension[^:]*: */r='"${r}"' statistical dimension /p'
done
/usr/bin/python3 scripts/bench/uniform-trials.py "${out}" 0.02 20 140 4
