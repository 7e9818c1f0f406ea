#!/usr/bin/env bash
# Peer comparison for scripts/bench/engine.sh (issue 15): Dask distributed (Debian's
# python3-distributed) on a local cluster of 2 worker processes, 1 thread each, runs N no-op tasks
# (no durability, no outputs) and reports tasks per second. Usage: scripts/bench/engine-dask.sh [tasks]
set -euo pipefail
tasks="${1:-50000}"
/usr/bin/python3 -c "import distributed" 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-distributed >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
# A file, not stdin: spawned worker processes re-import the main module.
cat > "${work}/noop.py" <<'PY'
import sys, time
from distributed import Client, LocalCluster

def noop(i):
    return i

if __name__ == "__main__":
    n = int(sys.argv[1])
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        client.gather(client.map(noop, range(100), pure=False))  # warm-up
        start = time.perf_counter()
        results = client.gather(client.map(noop, range(n), pure=False))
        seconds = time.perf_counter() - start
        assert len(results) == n
        print(f"dask: {n} no-op tasks in {seconds:.2f} s = {n / seconds:.0f} tasks/s (2 worker processes, no durability)")
PY
/usr/bin/python3 "${work}/noop.py" "${tasks}" 2>"${work}/stderr" || { cat "${work}/stderr" >&2; exit 1; }
