#!/usr/bin/env bash
# Trial time of a straightforward NumPy/SciPy flat-penalty (scripts/bench/reference/flat_penalty.py),
# single-threaded BLAS, to put next to `--filter '*TrialBenchmarks*'` on the same machine.
# Installs Debian's python3-numpy and python3-scipy when missing.
#   bash scripts/bench/reference.sh [d m k repeats]   (default 50 500 50 11)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null; then
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y -q python3-numpy python3-scipy >/dev/null
fi
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 /usr/bin/python3 "$root/scripts/bench/reference/flat_penalty.py" "$@"
