#!/usr/bin/env bash
# Soak: N tiny trials on 2 silos with Redis. Prints throughput, the peak RSS (VmHWM) of each silo
# and checks nothing is lost: trials.csv holds every (cell, method, trial) exactly once.
#   bash scripts/bench/soak.sh [TRIALS_PER_CELL]   (default 1000; the grid has 201 cells: 201,000 trials)
source "$(dirname "$0")/cluster-lib.sh"
trials="${1:-1000}"
build
cat >"$work/spec.yaml" <<YAML
name: bench-soak
problem: symmetric-sensing
fixed: { d: 2, k: 2, r: 1 }
axes:
  m: [1, 2, 3]
  noise: { from: 0, to: 0.099, step: 0.0015 }
methods: [gd-random-init]
trials: $trials
success: { tolerance: 1.0e-3 }
seed: 11
YAML
start_redis
start_silo 1; start_silo 1
cells="$(dotnet "$client_dll" validate "$work/spec.yaml" 2>&1 | grep -o '[0-9]* cells' | head -1 | cut -d' ' -f1 || true)"
seconds="$(run_sweep "$work/spec.yaml" "$work/out")"
rows=$(( $(wc -l <"$work/out/trials.csv") - 1 ))
unique=$(tail -n +2 "$work/out/trials.csv" | cut -d, -f1,2,4 | sort -u | wc -l)
echo "trials: $rows rows, $unique unique (cell, trial, method) in $seconds s = $(python3 -c "print(f'{$rows / $seconds:.0f}')") trials/s (grid: ${cells:-?} cells x $trials)"
for pid in "${silo_pids[@]}"; do echo "silo $pid peak RSS: $(grep VmHWM /proc/"$pid"/status | awk '{printf "%.0f MiB", $2/1024}')"; done
echo "redis: $(redis-cli -u "redis://$redis" info memory | grep used_memory_human | tr -d '\r'), keys $(redis-cli -u "redis://$redis" dbsize)"
[ "$rows" = "$unique" ] || { echo "duplicate rows" >&2; exit 1; }
stop_silos
