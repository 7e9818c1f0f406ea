"""A straightforward NumPy/SciPy flat-penalty trial of symmetric sensing, to compare trial times with
Sweeps on the same machine (issue 2). Same model and algorithm shape as Sweeps' flat-penalty
(SCIENCE.md 2.2, 3.3): A_i = (G + G^T)/2, b = A(M) with M = Z Z^T / ||Z Z^T||_F;
f(U) = (1/m) ||A(U U^T) - b||^2, pen(U) = 8 <D2, U U^T> with D2 = (1/m) sum A_i^2; L-BFGS on
f + lambda pen for lambda0 = 0.5 f(0) / (pen(U0) / ||U0||^2) and lambda0 * 1e-3, then on f alone.
Written plainly, as a researcher would, with dense d x d matrices and batched matmul.

  bash scripts/bench/reference.sh [d m k repeats]   (default 50 500 50 11)
"""
import sys
import time

import numpy as np
from scipy.optimize import minimize


def trial(d, m, k, r, seed):
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((d, r))
    truth = z @ z.T
    truth /= np.linalg.norm(truth)
    g = rng.standard_normal((m, d, d))
    a = (g + g.transpose(0, 2, 1)) / 2
    b = np.einsum("ijk,jk->i", a, truth)
    d2 = np.matmul(a, a).sum(axis=0) / m

    def objective(theta, lam):
        u = theta.reshape(d, k)
        x = u @ u.T
        res = np.einsum("ijk,jk->i", a, x) - b
        s = np.tensordot(res, a, axes=1)
        value = res @ res / m + lam * 8 * np.sum(d2 * x)
        grad = (4 / m) * s @ u + lam * 16 * d2 @ u
        return value, grad.ravel()

    u0 = rng.standard_normal(d * k) / np.sqrt(d * k)
    f0 = b @ b / m
    lam0 = 0.5 * f0 / (8 * np.sum(d2 * (u0.reshape(d, k) @ u0.reshape(d, k).T)) / (u0 @ u0))
    theta = u0
    for lam, gtol in ((lam0, 1e-5), (lam0 * 1e-3, 1e-5), (0.0, 1e-9)):
        theta = minimize(objective, theta, args=(lam,), jac=True, method="L-BFGS-B",
                         options={"gtol": gtol, "maxiter": 5000}).x
    u = theta.reshape(d, k)
    return np.linalg.norm(u @ u.T - truth)


def main():
    args = [int(v) for v in sys.argv[1:]]
    d, m, k, repeats = args if len(args) == 4 else (50, 500, 50, 11)
    times, errors = [], []
    for seed in range(repeats):
        start = time.perf_counter()
        errors.append(trial(d, m, k, 2, seed))
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"numpy/scipy flat-penalty d={d} m={m} k={k}: median {1000 * times[len(times) // 2]:.1f} ms "
          f"over {repeats} trials (min {1000 * times[0]:.1f} ms); max error {max(errors):.1e}")


if __name__ == "__main__":
    main()
