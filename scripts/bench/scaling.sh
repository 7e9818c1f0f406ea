#!/usr/bin/env bash
# Scaling: the same CPU-bound sweep on 1 silo, then on 2 silo processes (each computing one trial
# at a time; a fresh Redis each). Each cluster is first warmed by a small sweep of the same kind
# (JIT, connections, Redis), then the timed sweep's throughput comes from the coordinator's own
# clock (its start to its end, as `sweeps export` writes them in manifest.json): what the cluster
# sustains, not the client's start-up. Prints trials/s of each, their ratio, and each silo's CPU
# seconds (to show how the work spread).
#   bash scripts/bench/scaling.sh [TRIALS_PER_CELL] [METHOD]
# Default: 4 trials a cell (96 trials) of sam with 8000 steps, about 0.2 s each: CPU-bound trials.
# METHOD is a spec method entry; `bash scripts/bench/scaling.sh 24 flat-convex` runs 576 short
# trials (10-30 ms), where the engine's own work per trial (messages, two Redis writes) shows.
source "$(dirname "$0")/cluster-lib.sh"
trials="${1:-4}"
method="${2:-"{ name: sam, max_iters: 8000 }"}"
build

# spec FILE SEED TRIALS: symmetric sensing at d = 20, whose data fit in one core's L2, so two
# trials at once do not compete for cache.
spec() {
  cat >"$1" <<YAML
name: bench-scaling-$2
problem: symmetric-sensing
fixed: { d: 20, k: 20 }
axes:
  r: [1, 2, 3]
  m: { from: 60, to: 200, step: 20 }
methods: [$method]
trials: $3
success: { tolerance: 1.0e-3 }
seed: $2
YAML
}
spec "$work/warm.yaml" 1 1
spec "$work/spec.yaml" 3 "$trials"
total=$((3 * 8 * trials))
declare -A rate
for silos in 1 2; do
  start_redis
  for _ in $(seq "$silos"); do start_silo 1; done
  run_sweep "$work/warm.yaml" "$work/warm-$silos" >/dev/null
  cpu_before="$(silo_cpu)"
  client_seconds="$(run_sweep "$work/spec.yaml" "$work/out-$silos")"
  id="$(grep -o "sweep '[^']*'" "$work/client.log" | head -1 | cut -d"'" -f2)"
  dotnet "$client_dll" export "$id" --cluster "$redis" --out "$work/export-$silos" >/dev/null 2>&1
  seconds="$(python3 -c "import json; m = json.load(open('$work/export-$silos/manifest.json')); print(next(v for k, v in m.items() if k.lower().replace('_', '') == 'wallseconds'))")"
  rate[$silos]="$(python3 -c "print(f'{$total / $seconds:.2f}')")"
  echo "$silos silo(s): $total trials in $seconds s on the coordinator's clock = ${rate[$silos]} trials/s (client wall $client_seconds s)"
  paste <(echo "$cpu_before") <(silo_cpu) | awk '{printf "  silo %s %.1f CPU s during the timed sweep\n", $2, $8 - $3}'
  stop_silos
done
python3 -c "print(f'throughput ratio 2 silos / 1 silo: {${rate[2]} / ${rate[1]}:.2f}')"
