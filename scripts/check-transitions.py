#!/usr/bin/python3
"""Independent check of transitions.csv: refits every line of DIR/cells.csv with scipy.

The probit log likelihood sum s log Phi((x - m50)/w) + (n - s) log Phi(-(x - m50)/w) is maximized
with scipy.optimize (Nelder-Mead on (m50, log w), then BFGS), and the 95% profile-likelihood
interval is found with brentq on 2 (L_max - max_w L(m50, w)) = chi2(1).ppf(0.95). Only lines whose
fit is 'ok' are compared. Usage: /usr/bin/python3 scripts/check-transitions.py DIR [--axis m]
Prints one line per line of the grid and the largest differences; exits 1 when any exceeds 1e-3
(relative to m50).
"""
import csv
import sys

import numpy as np
from scipy import optimize, stats


def loglik(x, n, s, m50, w):
    z = (x - m50) / w
    return float(np.sum(s * stats.norm.logcdf(z) + (n - s) * stats.norm.logcdf(-z)))


def fit(x, n, s):
    start = [np.average(x, weights=n), np.log((x.max() - x.min()) / 4)]
    f = lambda p: -loglik(x, n, s, p[0], np.exp(p[1]))
    p = optimize.minimize(f, start, method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000}).x
    p = optimize.minimize(f, p, method="BFGS", options={"gtol": 1e-9}).x
    return p[0], np.exp(p[1]), -f(p)


def profile(x, n, s, m50, w):
    r = optimize.minimize_scalar(lambda lw: -loglik(x, n, s, m50, np.exp(lw)), bounds=(np.log(w) - 15, np.log(w) + 15), method="bounded",
                                 options={"xatol": 1e-10})
    return -r.fun


def main():
    folder = sys.argv[1]
    axis = sys.argv[sys.argv.index("--axis") + 1] if "--axis" in sys.argv else "m"
    cells = list(csv.DictReader(open(f"{folder}/cells.csv")))
    ours = list(csv.DictReader(open(f"{folder}/transitions.csv")))
    cut = stats.chi2.ppf(0.95, 1)
    worst = 0.0
    for row in ours:
        if row["fit"] != "ok":
            print(f"{row['method']:16} {row['fit']}")
            continue
        keys = [k for k in row if k not in ("method", "axis", "m50", "m50_low", "m50_high", "width", "trials", "successes", "theory", "fit")]
        line = [c for c in cells if c["method"] == row["method"] and all(c[k] == row[k] for k in keys)]
        x = np.array([float(c[axis]) for c in line])
        n = np.array([float(c["trials"]) for c in line])
        s = np.array([float(c["successes"]) for c in line])
        m50, w, top = fit(x, n, s)
        ends = []
        for direction in (-1, 1):
            g = lambda m: 2 * (top - profile(x, n, s, m, w)) - cut
            far = m50 + direction * (x.max() - x.min())
            ends.append(optimize.brentq(g, m50, far, xtol=1e-10) if g(far) > 0 else float("nan"))
        width = 2 * stats.norm.ppf(0.9) * w
        mine = [float(row[k]) for k in ("m50", "m50_low", "m50_high", "width")]
        theirs = [m50, ends[0], ends[1], width]
        diff = max(abs(a - b) / m50 for a, b in zip(mine, theirs))
        worst = max(worst, diff)
        print(f"{row['method']:16} {' '.join(f'{k}={row[k]}' for k in keys)}  sweeps m50 {mine[0]:.4f} [{mine[1]:.4f}, {mine[2]:.4f}] width {mine[3]:.4f}"
              f" | scipy {m50:.4f} [{ends[0]:.4f}, {ends[1]:.4f}] width {width:.4f}")
    print(f"largest difference relative to m50: {worst:.2e}")
    sys.exit(1 if worst > 1e-3 else 0)


if __name__ == "__main__":
    main()
