#!/usr/bin/env bash
# Matrix-completion flat-convex trial times (issue 12 point 3): `sweeps trial` single-threaded on
# d x d, rank 2, for SEEDS seeds at each (d, p); prints status, iterations, error and seconds per trial
# and the median seconds per size. Usage: scripts/bench/completion.sh [seeds] ("50:0.3 100:0.2" by SIZES).
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds="${1:-5}"
sizes="${SIZES:-50:0.3 100:0.2}"
dotnet build src/Client -c Release --nologo -v quiet >/dev/null
for size in ${sizes}; do
  d="${size%%:*}" p="${size##*:}"
  times=()
  for seed in $(seq 1 "${seeds}"); do
    line=$(dotnet src/Client/bin/Release/net10.0/sweeps.dll trial --problem matrix-completion --d "${d}" --r 2 --p "${p}" \
      --method flat-convex --seed "${seed}" | awk '$1 ~ /^(status|iterations|rel_error|seconds|certified)$/ {printf "%s=%s ", $1, $2}')
    echo "d=${d} p=${p} seed=${seed}: ${line}"
    times+=("$(sed -E 's/.*seconds=([^ ]+).*/\1/' <<<"${line}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v d="${d}" -v p="${p}" '{a[NR]=$1} END {print "d=" d " p=" p ": median " a[int((NR+1)/2)] " s over " NR " trials"}'
done
