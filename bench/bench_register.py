"""Benchmark of the vendor register at scale: the rows read, and every broad filter change on
the GUI thread, at 10,000 and 100,000 vendors (bench/make_big_workspace.py).

    .venv/bin/python bench/bench_register.py [--vendors 10000 100000] [--repeat 3]

For each size: builds the workspace, opens it as the application does, and measures
``ScoringService.register_rows()`` (first call, what the GUI waits for after start-up, and the
best of ``--repeat`` further calls, wall and CPU time, and the Python memory it allocates at
its peak). Then it shows a RegisterView (``QT_QPA_PLATFORM=offscreen``) over those rows and
times each of ten broad filter changes and two sorts on the GUI thread, including the repaint
(``processEvents``): the time the UI is blocked.

Targets (issue 13): any filter change < 100 ms at 10,000 vendors and < 500 ms at 100,000.
The machine may be shared: ratios within one run are what compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
TARGETS_MS = {10_000: 100.0, 100_000: 500.0}


def measure_rows(path: Path, repeat: int) -> tuple[list[Any], dict[str, float]]:
    """register_rows() timings and peak allocation."""
    from trustframe.services.context import Services

    with Services.open(path, user="bench") as services:
        assert services.scoring.profile is not None  # loaded at start-up in the application
        t0, c0 = time.perf_counter(), time.process_time()
        rows = services.scoring.register_rows()
        first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
        walls, cpus = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            services.scoring.register_rows()
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        tracemalloc.start()
        services.scoring.register_rows()
        kept_and_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # What the GUI's store loads (ui/models/register_model.load_register_rows): the same rows
        # kept as tuples, a RegisterRow built only for a row the view shows.
        rows = services.scoring.register_table()
    return rows, {"first": first, "first_cpu": first_cpu, "best": min(walls), "best_cpu": min(cpus),
                  "peak_mb": kept_and_peak[1] / 1e6}


def measure_filters(rows: list[Any]) -> list[tuple[str, float, float, int]]:
    """(change, wall ms and CPU ms on the GUI thread, rows shown) for ten broad filter changes
    and two sorts. CPU time is this process's: on a loaded machine the wall time also holds
    the time the thread waited for a core."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from trustframe.domain.assessment import AssessmentStatus
    from trustframe.domain.scoring_model import Rating
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.settings import AppSettings
    from trustframe.ui.views.register_view import RegisterView

    app = QApplication.instance() or QApplication([])
    store = RegisterStore(UiContext(None, AppSettings()))
    store.rows, store.is_loaded = rows, True
    view = RegisterView(UiContext(None, AppSettings()), store)
    view.resize(1320, 840)
    view.show()
    t0, c0 = time.perf_counter(), time.process_time()
    store.loaded.emit(rows)  # what the store does when a load finishes
    app.processEvents()
    results = [("rows shown after load", (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000,
                view.visible_row_count())]
    view.table.selectRow(3)  # a selection to keep across changes

    def search(text: str) -> None:
        view.search.setText(text)
        view.apply_search_now()  # what the debounce timer does once typing pauses

    def pick(combo: Any, value: object) -> None:
        combo.setCurrentIndex(combo.findData(value))

    changes: list[tuple[str, Callable[[], None]]] = [
        ("search 'a' (nearly all rows)", lambda: search("a")),
        ("search 'networks'", lambda: search("networks")),
        ("search cleared", lambda: search("")),
        ("rating = high", lambda: pick(view.rating_filter, Rating.HIGH)),
        ("+ tier 2", lambda: pick(view.tier_filter, 2)),
        ("rating = any", lambda: view.rating_filter.setCurrentIndex(0)),
        ("+ status decided", lambda: pick(view.status_filter, AssessmentStatus.DECIDED)),
        ("+ overdue only", lambda: view.overdue_filter.setChecked(True)),
        ("clear filters", view.clear_filters),
        ("status = draft", lambda: pick(view.status_filter, AssessmentStatus.DRAFT)),
        ("sort by score (first time)", lambda: view.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)),
        ("sort by score, other way", lambda: view.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)),
    ]
    for name, change in changes:
        app.processEvents()
        t0, c0 = time.perf_counter(), time.process_time()
        change()
        app.processEvents()  # the repaint is part of the blocked time
        results.append((name, (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000,
                        view.visible_row_count()))
    view.close()
    return results


def main() -> int:
    """Build, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vendors", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import make_big_workspace

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRUSTFRAME_HOME"] = str(Path(tmp) / "home")
        for vendors in args.vendors:
            path = Path(tmp) / f"big-{vendors}.tfw"
            make_big_workspace.build(path, vendors)
            load = os.getloadavg()[0]
            rows, r = measure_rows(path, args.repeat)
            print(f"register_rows on {vendors:,} vendors: {len(rows):,} rows; first call {r['first']:.3f} s wall "
                  f"({r['first_cpu']:.3f} s CPU); best of {args.repeat} {r['best']:.3f} s wall "
                  f"({r['best_cpu']:.3f} s CPU); peak Python allocation {r['peak_mb']:.0f} MB; load average {load:.1f}")
            timings = measure_filters(rows)
            print(f"GUI thread on {vendors:,} vendors ({len(rows):,} rows), blocked per change, incl. repaint:")
            for name, ms, cpu, shown in timings:
                print(f"  {name:<30} {ms:8.1f} ms wall {cpu:8.1f} ms CPU  {shown:>8,} rows shown")
            walls = [ms for _, ms, _, _ in timings[1:]]
            cpus = [cpu for _, _, cpu, _ in timings[1:]]
            target = TARGETS_MS.get(vendors)
            print(f"  worst change {max(walls):.1f} ms wall ({max(cpus):.1f} ms CPU), median {statistics.median(walls):.1f} "
                  f"ms wall ({statistics.median(cpus):.1f} ms CPU)")
            if target is not None:
                print(f"  target < {target:.0f} ms: {'met' if max(walls) < target else 'NOT met'} in wall time, "
                      f"{'met' if max(cpus) < target else 'NOT met'} in CPU time")
            del rows
    print(f"load average at the end {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
