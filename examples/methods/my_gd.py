"""A method of your own for Sweeps (README "Bring your own method", docs/EXTERNAL.md): gradient descent from a
small random start on f(U) = (1/m) sum_i (<A_i, U U^T> - b_i)^2, symmetric sensing. Sweeps appends the instance
folder as the last argument; the method writes its answer, U.npy, and optional metrics.json into it."""
import json
import sys
from pathlib import Path

import numpy as np

folder = Path(sys.argv[-1])
h = json.loads((folder / "instance.json").read_text())
A, b = np.load(folder / "A.npy"), np.load(folder / "b.npy")      # A: m x d x d, b: m
m, d, k = h["m"], h["d1"], h["k"]
step = h["parameters"].get("step", h["suggested_step"])           # a spec's `step:` arrives here
U = 1e-3 * np.random.default_rng(h["method_seed"]).standard_normal((d, k))  # seeded: trials are reproducible
status = "iteration-limit"
for t in range(20000):
    r = np.einsum("ijk,jk->i", A, U @ U.T) - b                     # residuals <A_i, U U^T> - b_i
    if r @ r / m < 1e-24:
        status = "converged"
        break
    S = np.einsum("i,ijk->jk", r, A)
    U -= step * (2 / m) * (S + S.T) @ U
np.save(folder / "U.npy", U)
(folder / "metrics.json").write_text(json.dumps({"iterations": t + 1, "status": status}))
