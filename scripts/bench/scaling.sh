#!/usr/bin/env bash
# Scaling: the same CPU-bound sweep on 1 silo, then on 2 silo processes (each computing one trial
# at a time, a fresh Redis each), on this machine. Prints trials/s of each and their ratio.
#   bash scripts/bench/scaling.sh [TRIALS_PER_CELL]   (default 8: 192 trials)
source "$(dirname "$0")/cluster-lib.sh"
trials="${1:-8}"
build
cat >"$work/spec.yaml" <<YAML
name: bench-scaling
problem: symmetric-sensing
fixed: { d: 20, k: 20 }
axes:
  r: [1, 2, 3]
  m: { from: 60, to: 200, step: 20 }
methods: [flat-convex]
trials: $trials
success: { tolerance: 1.0e-3 }
seed: 3
YAML
total=$((3 * 8 * trials))
declare -A rate
for silos in 1 2; do
  start_redis
  for _ in $(seq "$silos"); do start_silo 1; done
  seconds="$(run_sweep "$work/spec.yaml" "$work/out-$silos")"
  rate[$silos]="$(python3 -c "print(f'{$total / $seconds:.2f}')")"
  echo "$silos silo(s): $total trials in $seconds s = ${rate[$silos]} trials/s"
  silo_cpu
  stop_silos
done
python3 -c "print(f'throughput ratio 2 silos / 1 silo: {${rate[2]} / ${rate[1]}:.2f}')"
