"""External methods that fail (docs/EXTERNAL.md): the first argument says how."""
import sys
import time
from pathlib import Path

mode, folder = sys.argv[1], Path(sys.argv[-1])
if mode == "crash":
    raise RuntimeError("this method crashes on purpose")
if mode == "hang":
    time.sleep(3600)
if mode == "garbage":
    print("lots of garbage " * 10000)
    (folder / "U.npy").write_bytes(b"not an npy file at all")
if mode == "nan":
    import numpy as np
    import json
    header = json.loads((folder / "instance.json").read_text())
    np.save(folder / "U.npy", np.full((header["d1"], header["k"]), np.nan))
