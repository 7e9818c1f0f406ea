"""A Sweeps external method (docs/EXTERNAL.md): gradient descent from a small random start on
f(U) = (1/m) sum_i (<A_i, U U^T> - b_i)^2 for symmetric sensing, grad f = (2/m) sum_i r_i (A_i + A_i^T) U.
The instance folder is the last argument; the answer is U.npy (X.npy = U U^T with --matrix) and metrics.json in it.
With --log DIR, every run first leaves a file SEED-PID-PARENTPID in DIR (the tests count runs and see which process ran them)."""
import json
import os
import sys
from pathlib import Path

import numpy as np

folder = Path(sys.argv[-1])
header = json.loads((folder / "instance.json").read_text())
assert header["format"] == "sweeps-instance" and header["version"] == 1 and header["symmetric"]
if "--log" in sys.argv:
    log = Path(sys.argv[sys.argv.index("--log") + 1])
    (log / f"{header['trial_seed']}-{os.getpid()}-{os.getppid()}").touch()
A = np.load(folder / header["files"]["A"])
b = np.load(folder / header["files"]["b"])
m, d, k = header["m"], header["d1"], header["k"]
parameters = header["parameters"]
step = parameters.get("step", header["suggested_step"])
max_iters = int(parameters.get("max_iters", 20000))
alpha = parameters.get("alpha", 1e-3)

rng = np.random.default_rng(header["method_seed"])
U = alpha * rng.standard_normal((d, k))
iterations, status = max_iters, "iteration-limit"
for t in range(max_iters):
    r = np.einsum("ijk,jk->i", A, U @ U.T) - b
    if r @ r / m < 1e-24:
        iterations, status = t, "converged"
        break
    S = np.einsum("i,ijk->jk", r, A)
    U = U - step * (2.0 / m) * (S + S.T) @ U

if "--matrix" in sys.argv:
    np.save(folder / "X.npy", U @ U.T)
else:
    np.save(folder / "U.npy", U)
(folder / "metrics.json").write_text(json.dumps({"iterations": iterations, "status": status}))
