#!/usr/bin/python3
"""Independent check of Sweeps' exact l1 (hadamard-sparse, depth 2, method nuclear; issue #12).

Sweeps solves  min ||x||_1 s.t. A x = b  with GLOP. This script draws its own instances of the same
model (x*: s nonzeros at uniform positions, N(0, 1) values, unit norm; A: m x d i.i.d. N(0, 1);
b = A x*), solves the same program with scipy's linprog (HiGHS, formulation min 1^T t,
-t <= x <= t, A x = b), and compares the success rates (relative error <= 1e-6) with those of a
Sweeps run on the same grid. The instances differ (numpy's generator, not Philox), so the rates
agree only within sampling error: the script prints both with Wilson 95% intervals and fails
(exit 1) when the intervals of some m do not overlap.

Usage: /usr/bin/python3 scripts/bench/l1-independent-check.py [--d 128] [--s 6]
       [--m 20,24,28,32,36] [--trials 100] [--sweeps-trials 40]
Needs a Release build of src/Client (dotnet build src/Client -c Release).
"""
import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import linprog

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SWEEPS = os.path.join(ROOT, "src", "Client", "bin", "Release", "net10.0", "sweeps")


def wilson(successes, n, z=1.96):
    if n == 0:
        return 0.0, 1.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def l1_recovers(rng, d, s, m, tolerance=1e-6):
    truth = np.zeros(d)
    support = rng.choice(d, size=s, replace=False)
    truth[support] = rng.standard_normal(s)
    truth /= np.linalg.norm(truth)
    a = rng.standard_normal((m, d))
    b = a @ truth
    # Variables [x, t]: minimize sum t  s.t.  x - t <= 0, -x - t <= 0, A x = b.
    identity = np.eye(d)
    cost = np.concatenate([np.zeros(d), np.ones(d)])
    inequalities = np.block([[identity, -identity], [-identity, -identity]])
    equalities = np.hstack([a, np.zeros((m, d))])
    bounds = [(None, None)] * d + [(0, None)] * d
    result = linprog(cost, A_ub=inequalities, b_ub=np.zeros(2 * d), A_eq=equalities, b_eq=b, bounds=bounds, method="highs")
    if result.status != 0:
        return False
    x = result.x[:d]
    return np.linalg.norm(x - truth) / np.linalg.norm(truth) <= tolerance


def sweeps_rates(d, s, ms, trials):
    with tempfile.TemporaryDirectory() as folder:
        spec = os.path.join(folder, "l1.yaml")
        with open(spec, "w") as f:
            f.write(
                "name: l1-independent-check\nproblem: hadamard-sparse\n"
                f"fixed: {{ d: {d}, r: {s}, depth: 2 }}\naxes:\n  m: [{', '.join(map(str, ms))}]\n"
                f"methods: [nuclear]\ntrials: {trials}\nsuccess: {{ tolerance: 1.0e-6 }}\nseed: 12\n"
            )
        out = os.path.join(folder, "out")
        subprocess.run([SWEEPS, "run", spec, "--out", out], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(out, "trials.csv")) as f:
            rows = list(csv.DictReader(f))
    rates = {}
    for m in ms:
        cell = [r for r in rows if int(r["m"]) == m]
        uncertified = sum(r["certified"] != "true" for r in cell)
        rates[m] = (sum(r["success"] == "true" for r in cell), len(cell), uncertified)
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--d", type=int, default=128)
    parser.add_argument("--s", type=int, default=6)
    parser.add_argument("--m", default="20,24,28,32,36")
    parser.add_argument("--trials", type=int, default=100, help="scipy instances per m")
    parser.add_argument("--sweeps-trials", type=int, default=40, help="Sweeps trials per m")
    args = parser.parse_args()
    ms = [int(v) for v in args.m.split(",")]

    rng = np.random.default_rng(20261204)
    ours = sweeps_rates(args.d, args.s, ms, args.sweeps_trials)
    disagreements = 0
    print(f"d = {args.d}, sparsity {args.s}, success at relative error 1e-6")
    print(f"{'m':>4} {'scipy/HiGHS':>24} {'Sweeps/GLOP':>24} {'uncertified':>12}")
    for m in ms:
        k = sum(l1_recovers(rng, args.d, args.s, m) for _ in range(args.trials))
        low, high = wilson(k, args.trials)
        k2, n2, uncertified = ours[m]
        low2, high2 = wilson(k2, n2)
        overlap = low <= high2 and low2 <= high
        disagreements += not overlap
        print(f"{m:>4} {k:>4}/{args.trials:<4} [{low:.2f}, {high:.2f}]   {k2:>4}/{n2:<4} [{low2:.2f}, {high2:.2f}] {uncertified:>12}"
              + ("" if overlap else "   DISAGREE"))
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
