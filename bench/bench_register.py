"""Benchmark of the vendor register read on the 10,000-vendor workspace of make_big_workspace.py.

    .venv/bin/python bench/bench_register.py [--vendors 10000] [--repeat 5]

Builds the workspace (13,024 register rows), opens it as the application does, and measures
``ScoringService.register_rows()``: the first call (what the GUI waits for after start-up) and
the best of ``--repeat`` further calls, wall and CPU time. Target: well under 1 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendors", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import make_big_workspace

    from trustframe.services.context import Services

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.tfw"
        make_big_workspace.build(path, args.vendors)
        with Services.open(path, user="bench") as services:
            assert services.scoring.profile is not None  # loaded at start-up in the application
            t0, c0 = time.perf_counter(), time.process_time()
            rows = services.scoring.register_rows()
            first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
            walls, cpus = [], []
            for _ in range(args.repeat):
                t0, c0 = time.perf_counter(), time.process_time()
                services.scoring.register_rows()
                walls.append(time.perf_counter() - t0)
                cpus.append(time.process_time() - c0)
    load = os.getloadavg()[0]
    print(f"register_rows on {args.vendors} vendors: {len(rows)} rows; first call {first:.3f} s wall "
          f"({first_cpu:.3f} s CPU); best of {args.repeat} {min(walls):.3f} s wall ({min(cpus):.3f} s CPU); "
          f"load average {load:.1f}")
    print("target (< 1 s):", "met" if first < 1.0 and min(walls) < 1.0 else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
