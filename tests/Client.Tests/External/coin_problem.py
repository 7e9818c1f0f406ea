"""A Sweeps external-command problem (docs/EXTERNAL.md): the whole trial is this script. Method "coin" succeeds with
probability p = 1 / (1 + exp(-(m - 20) / 2)) from its own seeded draw; "crash" fails. trial.json is read from the
trial folder (the last argument) and result.json written into it."""
import json
import math
import sys
from pathlib import Path

import numpy as np

folder = Path(sys.argv[-1])
trial = json.loads((folder / "trial.json").read_text())
assert trial["format"] == "sweeps-trial" and trial["version"] == 1
if trial["method"] == "crash":
    raise RuntimeError("this problem crashes on purpose")
m = trial["parameters"]["m"]
p = 1 / (1 + math.exp(-(m - 20) / 2))
draw = np.random.default_rng(trial["method_seed"]).random()
result = {"success": bool(draw < p), "rel_error": draw, "iterations": 1, "metrics": {"p_success": p, "draw": draw}}
(folder / "result.json").write_text(json.dumps(result))
