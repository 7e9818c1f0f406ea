#!/usr/bin/env bash
# Shared by the cluster benchmarks (sourced): a private redis-server and sweeps-silo processes on
# free loopback ports, all killed on exit. Needs a Release build of src/Silo and src/Client.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
silo_dll="$root/src/Silo/bin/Release/net10.0/sweeps-silo.dll"
client_dll="$root/src/Client/bin/Release/net10.0/sweeps.dll"
work="$(mktemp -d /tmp/sweeps-bench-XXXXXX)"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# free_ports N: N distinct free loopback ports on one line (all bound at once, then released).
free_ports() { python3 -c 'import socket, sys; s = [socket.socket() for _ in range(int(sys.argv[1]))]; [x.bind(("127.0.0.1", 0)) for x in s]; print(*[x.getsockname()[1] for x in s])' "$1"; }
free_port() { free_ports 1; }

build() {
  dotnet build "$root/src/Silo" -c Release -v quiet --nologo >/dev/null
  dotnet build "$root/src/Client" -c Release -v quiet --nologo >/dev/null
}

# start_redis: a fresh append-only redis-server; sets $redis (the connection string).
start_redis() {
  local port; port="$(free_port)"
  mkdir -p "$work/redis-$port"
  redis-server --port "$port" --bind 127.0.0.1 --appendonly yes --dir "$work/redis-$port" --save "" >"$work/redis-$port.log" 2>&1 &
  pids+=($!)
  redis="127.0.0.1:$port"
  for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "redis-server did not start" >&2; exit 1
}

# start_silo TRIALS: one silo computing TRIALS trials at once; appends its pid to silo_pids.
silo_pids=()
start_silo() {
  local silo gateway http; read -r silo gateway http <<<"$(free_ports 3)"
  dotnet "$silo_dll" --redis "$redis" --silo-port "$silo" --gateway-port "$gateway" --http-port "$http" \
    --max-concurrent-trials "$1" >"$work/silo-$http.log" 2>&1 &
  pids+=($!); silo_pids+=($!)
  for _ in $(seq 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/health/ready")" = 200 ] && return
    sleep 0.5
  done
  echo "silo did not become ready: $(tail -5 "$work/silo-$http.log")" >&2; exit 1
}

# silo_cpu: the CPU seconds (user + system) each silo has used so far, to see how the work spread.
silo_cpu() {
  for pid in "${silo_pids[@]}"; do
    awk -v pid="$pid" -v hz="$(getconf CLK_TCK)" '{printf "silo %s: %.1f CPU s\n", pid, ($14 + $15) / hz}' "/proc/$pid/stat"
  done
}

# stop_silos: SIGTERM every silo, wait for them.
stop_silos() {
  for pid in "${silo_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${silo_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  silo_pids=()
}

# run_sweep SPEC OUT: runs the spec on the cluster; prints the wall seconds.
run_sweep() {
  local start end
  start=$(date +%s.%N)
  timeout "${SWEEP_TIMEOUT:-1800}" dotnet "$client_dll" run "$1" --cluster "$redis" --out "$2" >"$work/client.log" 2>&1 || { tail -20 "$work/client.log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.1f}')"
}
