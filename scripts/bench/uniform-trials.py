#!/usr/bin/python3
"""Trials a uniform grid needs for the precision an adaptive run reached (issue 13 benchmark).

For each line of DIR/transitions.csv, the fitted probit curve p(m) = Phi((m - m50) / s), s = width / (2 * 1.2816),
is taken as the truth. On a uniform grid of integer m with spacing STEP over [FROM, TO] and n trials per cell, the
maximum-likelihood m50 has asymptotic variance [I^{-1}]_{m50,m50} / n, I the per-trial Fisher information of
(m50, s) summed over the grid; the 95% interval is about 2 * 1.96 standard errors wide. The smallest n with a width
of at most PRECISION * m50 on that line, times the grid's cells, is the uniform grid's cost; it is compared with the
trials the adaptive run actually used (summary.json). Independent of Sweeps' code: numpy only.
Usage: uniform-trials.py DIR PRECISION FROM TO STEP
"""
import csv, json, math, sys
import numpy as np

Z90 = 1.2815515655446004  # the standard normal's 90% quantile: width (10%-90%) = 2 * Z90 * s


def cdf(z):
    return 0.5 * (1 + np.vectorize(math.erf)(z / math.sqrt(2)))


def pdf(z):
    return np.exp(-z * z / 2) / math.sqrt(2 * math.pi)

folder, precision, lo, hi, step = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
lines = list(csv.DictReader(open(f"{folder}/transitions.csv")))
summary = json.load(open(f"{folder}/summary.json"))
grid = np.arange(lo, hi + 1, step, dtype=float)
total = reached_total = 0
print(f"uniform grid m = {lo}..{hi} step {step} ({len(grid)} cells per line), target width {precision:.0%} of m50")
for line in lines:
    if line["fit"] != "ok":
        print(f"r={line.get('r', '?')}: fit {line['fit']}, skipped")
        continue
    m50, width = float(line["m50"]), float(line["width"])
    s = width / (2 * Z90)
    z = (grid - m50) / s
    p = np.clip(cdf(z), 1e-12, 1 - 1e-12)
    w = pdf(z) ** 2 / (p * (1 - p)) / s**2
    info = np.array([[w.sum(), (w * z).sum()], [(w * z).sum(), (w * z * z).sum()]])
    variance = np.linalg.inv(info)[0, 0]
    relative = (float(line["m50_high"]) - float(line["m50_low"])) / m50
    n = math.ceil((2 * 1.96) ** 2 * variance / (precision * m50) ** 2)
    # The same, for the width the adaptive run reached where it stopped short of the target.
    reached = math.ceil((2 * 1.96) ** 2 * variance / (max(precision, relative) * m50) ** 2)
    total += n * len(grid)
    reached_total += reached * len(grid)
    print(f"r={line.get('r', '?')}: m50 {m50:.1f}, adaptive width {relative:.1%}; uniform needs {n} trials per cell = {n * len(grid)}"
          f" ({reached * len(grid)} for the adaptive run's width)")
adaptive = summary["adaptive"]["trials"]
print(f"adaptive: {adaptive} trials (stopped: {summary['adaptive']['stopped']}); uniform: {total} for the target "
      f"({total / adaptive:.1f}x), {reached_total} for the widths the adaptive run reached ({reached_total / adaptive:.1f}x)")
