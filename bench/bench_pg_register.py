"""The register at 100,000 vendors on PostgreSQL (team mode) against the same on SQLite, in one run.

Builds the bench workspace (``make_big_workspace.py``) as a file, copies it onto PostgreSQL (a
throwaway cluster started like the tests start one, ``tests/pg_cluster.py``, or the empty
database ``--url`` names), then times what an officer waits for, on both engines:

* PostgreSQL: the GUI's paged model (:class:`ServerRegisterModel`) -- from asking until the counts
  and the first page are there (its worker thread runs the SQL);
* SQLite: the local model (:class:`RegisterTableModel`) -- loading every row, then filtering and
  sorting the Python list.

Each operation is timed from the state the previous one left (as an officer clicks them in a
row). Results go to stdout and, with ``--doc``, into docs/performance.md's section "Register on
PostgreSQL at 100,000 vendors" (replaced when there).

    .venv/bin/python bench/bench_pg_register.py [--vendors 100000] [--url postgresql+psycopg://...] [--doc]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SECTION = "## Register on PostgreSQL at 100,000 vendors"


def _cluster() -> Any:
    spec = importlib.util.spec_from_file_location("trustframe_bench_pg_cluster", ROOT / "tests" / "pg_cluster.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    bindir = module.find_bindir()
    if bindir is None:
        raise SystemExit("No PostgreSQL server binaries (initdb, pg_ctl); install 'postgresql' or pass --url.")
    cluster = module.Cluster(bindir)
    cluster.start()
    return cluster


def _timed(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendors", type=int, default=100_000)
    parser.add_argument("--url", help="an empty PostgreSQL database to use instead of a throwaway cluster")
    parser.add_argument("--doc", action="store_true", help="write the results into docs/performance.md")
    args = parser.parse_args()

    from bench.make_big_workspace import build
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from trustframe.domain.assessment import AssessmentStatus
    from trustframe.domain.scoring_model import Rating
    from trustframe.services.context import Services
    from trustframe.storage.copying import copy_workspace
    from trustframe.storage.database import Workspace
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_model import Column, RegisterFilter, RegisterTableModel
    from trustframe.ui.models.server_register_model import ServerRegisterModel

    app = QApplication.instance() or QApplication([])
    cluster = None
    url = args.url
    folder = tempfile.mkdtemp(prefix="trustframe-bench-pg-")
    try:
        path = Path(folder) / "big.tfw"
        start = time.perf_counter()
        build(path, args.vendors)
        built = time.perf_counter() - start
        if url is None:
            cluster = _cluster()
            url = cluster.url(cluster.new_database())
        start = time.perf_counter()
        with Workspace.open(path, create=False, migrate=False, read_only=True) as source, \
                Workspace.open(url, create=True) as target:
            copy_workspace(source, target)
        copied = time.perf_counter() - start
        print(f"built {args.vendors} vendors in {built:.1f} s, copied to PostgreSQL in {copied:.1f} s", flush=True)

        # (label, change to the filter/sort) in the order an officer might click them.
        steps: list[tuple[str, Callable[[Any], None]]] = [
            ("search 'kestrel'", lambda m: m.set_filter(RegisterFilter(text="kestrel"))),
            ("search 'kestrel nimbus'", lambda m: m.set_filter(RegisterFilter(text="kestrel nimbus"))),
            ("clear filters", lambda m: m.clear_filters()),
            ("rating: high", lambda m: m.set_filter(RegisterFilter(rating=Rating.HIGH))),
            ("tier 2", lambda m: m.set_filter(RegisterFilter(tier=2))),
            ("status: decided", lambda m: m.set_filter(RegisterFilter(status=AssessmentStatus.DECIDED))),
            ("overdue reviews only", lambda m: m.set_filter(RegisterFilter(overdue_only=True))),
            ("clear filters", lambda m: m.clear_filters()),
            ("sort by score, descending", lambda m: m.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)),
            ("sort by next review", lambda m: m.sort(Column.NEXT_REVIEW, Qt.SortOrder.AscendingOrder)),
            ("sort by product, descending", lambda m: m.sort(Column.PRODUCT, Qt.SortOrder.DescendingOrder)),
            ("sort by vendor", lambda m: m.sort(Column.VENDOR, Qt.SortOrder.AscendingOrder)),
        ]

        # -- SQLite: the local model over every row ---------------------------------------------
        local_times: dict[str, float] = {}
        with Services.open(path, create=False, user="bench") as services:
            local = RegisterTableModel()
            today = date.today()
            local_times["first rows (open)"] = _timed(
                lambda: local.set_rows(services.scoring.register_rows(today), today))
            rows = local.visible_count
            for label, step in steps:
                local_times[label] = _timed(lambda s=step: s(local))  # type: ignore[misc]
            local_times["row 100,000 on screen"] = _timed(lambda: local.index(min(99_999, rows - 1), 0).data())

        # -- PostgreSQL: the paged model ----------------------------------------------------------
        pg_times: dict[str, float] = {}
        with Services.open(url, create=False, user="bench") as services:
            ctx = UiContext(services, settings=None)
            model = ServerRegisterModel(ctx)
            start = time.perf_counter()
            model.refresh()
            while not model.is_loaded:
                app.processEvents()
                time.sleep(0.001)
            pg_times["first rows (open)"] = time.perf_counter() - start
            assert model.rowCount() == rows, (model.rowCount(), rows)
            # What runs after the first screen: out-of-date scores, then the cache for computed
            # filters (the officer is reading meanwhile).
            warm = _timed(lambda: model.wait(300))
            for label, step in steps:
                pg_times[label] = _timed(lambda s=step: (s(model), model.wait(60)))  # type: ignore[misc]
                assert model.visible_count == model.rowCount()
            last = min(99_999, model.rowCount() - 1)

            def deep() -> None:
                model.index(last, 0).data()     # asks for the page
                model.wait(60)
                assert model.row_at(last) is not None

            pg_times["row 100,000 on screen"] = _timed(deep)
            after = _after_changes(model, services, url)
            model.close()
            ctx.set_services(None)
        load = os.getloadavg()

        lines = [f"| {label} | {pg_times[label] * 1000:,.0f} ms | {local_times[label] * 1000:,.0f} ms | "
                 f"{pg_times[label] / local_times[label] if local_times[label] > 0 else float('inf'):.2f} |"
                 for label in pg_times if label in local_times]
        table = "\n".join(["| operation | PostgreSQL (paged model) | SQLite (local model) | ratio PG/SQLite |",
                           "| --- | ---: | ---: | ---: |", *lines])
        print(table)
        print(f"warm-up after the first screen (scores checked, cache filled): {warm:.1f} s; "
              f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        changes = "\n".join(f"| {label} | {seconds * 1000:,.0f} ms |" for label, seconds in after.items())
        changes = "\n".join(["| after a change (PostgreSQL, filter rating: high) | time |", "| --- | ---: |", changes])
        print(changes)
        if args.doc:
            _write_doc(table, args.vendors, rows, warm, load, built, copied, changes)
    finally:
        if cluster is not None:
            cluster.stop()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)  # this run's own temporary folder only
    del app
    return 0


def _after_changes(model: Any, services: Any, url: str) -> dict[str, float]:
    """What a computed filter waits for after a change: a colleague's answer (its vendor's cached
    rows are refreshed) and a change of unknown extent (the cache is refilled in the background;
    the filter is answered from the old one at once, and again when the new one is there)."""
    from PySide6.QtWidgets import QApplication

    from trustframe.domain.scoring_model import Rating
    from trustframe.services.context import Services
    from trustframe.ui.models.register_model import RegisterFilter

    times: dict[str, float] = {}
    model.set_filter(RegisterFilter(rating=Rating.HIGH))
    model.wait(120)
    services.poll_changes()  # notes where the change log ends
    row = next(r for r in model.rows if r.assessment_id is not None and r.status is not None
               and r.status.value != "decided")
    pages = model._pages_service
    refills = pages.refills
    with Services.open(url, create=False, user="colleague") as colleague:
        questions = colleague.assessments.questionnaire(row.assessment_id).questions_by_id.values()
        question = next(q for q in questions if q.options)
        colleague.assessments.set_answer(row.assessment_id, question.id, question.options[0].id)
    services.poll_changes()  # as the GUI's poll timer does; the model's refresh is then timed
    times["first computed filter after a colleague's answer"] = _timed(
        lambda: (model.refresh(changed=True), model.wait(120)))
    assert pages.refills == refills and not pages._refilling, "a colleague's answer refilled the whole cache"
    # A change naming no vendor (a profile or settings change): answered from the old cache.
    arrived: list[int] = []
    model.refreshed.connect(lambda *_: arrived.append(pages.refills))
    times["first computed filter after a change of unknown extent"] = _timed(
        lambda: (model.refresh(changed=True), model.wait(120)))
    start = time.perf_counter()
    while not any(n > refills for n in arrived) or model.is_busy:
        QApplication.processEvents()
        time.sleep(0.01)
        if time.perf_counter() - start > 300:
            break
    model.wait(120)
    pages.wait_refill(300)  # none should run now; the cluster stops after this
    times["... until the refilled cache is shown (background)"] = time.perf_counter() - start \
        + times["first computed filter after a change of unknown extent"]
    return times


def _write_doc(table: str, vendors: int, rows: int, warm: float, load: tuple[float, float, float], built: float,
               copied: float, changes: str = "") -> None:
    doc = ROOT / "docs" / "performance.md"
    text = doc.read_text(encoding="utf-8")
    section = f"""{SECTION}

Measured {date.today().isoformat()} by `bench/bench_pg_register.py` on {platform.machine()} ({os.cpu_count()} cores,
Python {platform.python_version()}), {vendors:,} vendors ({rows:,} register rows), PostgreSQL a throwaway
cluster on the same machine (`tests/pg_cluster.py`, fsync off). Load average at the end of the run
{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min; the machine was shared with other jobs, so the
absolute times are pessimistic; the ratios compare both engines under the same load). Building the
workspace took {built:.0f} s as a file and {copied:.0f} s to copy onto the server (`make_big_workspace.py URL`).

Each time is what the officer waits for: PostgreSQL, from asking until the paged model
(`ui/models/server_register_model.py`) has the counts and the first page (the SQL runs in its worker
thread; the GUI thread never waits); SQLite, the local model loading every row once, then
filtering and sorting the Python list. Steps run in order, each from the state the previous left.

{table}

After the first screen the paged model checks for out-of-date stored scores and fills a
temporary table on the server with the computed register rows, which filters and sorts on
computed columns read ({warm:.1f} s in this run, in the background). A change that names its
vendor, product, assessment, answer or evidence (every save) replaces that vendor's rows in the
table before the next query; any other change (profile, settings) refills the table in the
background while the filters are answered from the old one (the page's rows computed anew, so
what they show is exact; which rows pass and their order follow when the new table is there).
Search text and the vendor, product and category sorts never wait for it: they read it while it
is current, and otherwise pick the page from vendors and products and compute only that page's
rows.

{changes}
"""
    if SECTION in text:
        head, rest = text.split(SECTION, 1)
        tail = rest.split("\n## ", 1)
        text = head + section + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        # After the other register sections, before the generated "Latest make bench run" ones.
        anchors = ("## Command line and import speed", "## Latest `make bench` run")
        anchor = next((a for a in anchors if a in text), None)
        if anchor is None:
            text = text.rstrip("\n") + "\n\n" + section
        else:
            head, rest = text.split(anchor, 1)
            text = head + section + "\n" + anchor + rest
    doc.write_text(text, encoding="utf-8")
    print(f"wrote {doc}")


if __name__ == "__main__":
    raise SystemExit(main())
