"""GUI start-up: time from launching the process to a usable window, and peak memory.

Three cases, each started in a fresh subprocess with ``QT_QPA_PLATFORM=offscreen`` and a fresh
user folder, interleaved and repeated so machine load hits all of them alike:

* ``bare``: a bare PySide6 QMainWindow with a QTableView (the floor set by Python + Qt);
* ``demo``: TrustFrame on the demo workspace;
* ``big``: TrustFrame on a generated 10,000-vendor workspace (bench/make_big_workspace.py);
* ``huge``: TrustFrame on a generated 100,000-vendor workspace (about 130,000 register rows).

Times from launch: the window shown (the event loop has processed its first events), the first
register rows on screen (a first screenful of a large register), every row on screen, and the
services there (every action enabled). Memory is the child's peak resident set (VmHWM) when every
row is shown and at the end. The child also reports whether a heavy library (WeasyPrint,
openpyxl, Jinja2, Alembic) or SQLAlchemy was imported before the window showed; none should be.

    .venv/bin/python bench/bench_startup.py [--runs 5] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HEAVY = ("weasyprint", "openpyxl", "jinja2", "alembic")
#: Issue 13: the demo register loaded within 3x of a bare window; 100,000 vendors to a usable
#: register in under 2 s and 250 MB.
TARGET_DEMO_RATIO = 3.0
TARGET_HUGE_SECONDS = 2.0
TARGET_HUGE_MB = 250

CHILD = r"""
import sys, time
case, workspace = sys.argv[1], sys.argv[2]

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

def cpu():
    return time.process_time()

if case == "bare":
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1320, 840); w.show()
    app.processEvents()
    print("READY", flush=True)
    print("LOADED", flush=True)
    print("ALL", cpu(), flush=True)
    print("RSSALL", rss_mb(), flush=True)
    print("SERVICES", flush=True)
else:
    from PySide6.QtCore import QEventLoop, QTimer
    from trustframe.app import start_gui

    def wait_for(done, signal):
        # In Qt's event loop, as the app waits (polling every 2 ms cost CPU in proportion to
        # the wall time: 0.1 s of the CPU figure at load average 9); woken by the store's
        # signal, a 50 ms timer as a fallback.
        if done():
            return
        loop = QEventLoop()
        def check(*_):
            if done() or time.monotonic() > deadline:
                loop.quit()
        signal.connect(check)
        timer = QTimer(); timer.timeout.connect(check); timer.start(50)
        loop.exec()
        timer.stop(); signal.disconnect(check)

    app, w = start_gui(workspace)
    app.processEvents()
    print("READY", flush=True)
    heavy = [m for m in %(heavy)r + ("sqlalchemy",) if m in sys.modules]
    deadline = time.monotonic() + 110
    wait_for(lambda: w.store.is_loaded, w.store.loaded)
    app.processEvents()
    # The first rows are on screen (a first screenful on a large workspace).
    print("LOADED", len(w.store.rows), flush=True)
    wait_for(lambda: w.store.is_loaded and w.store.partial_total is None, w.store.loaded)
    app.processEvents()
    # Every row is on screen.
    print("ALL", cpu(), len(w.store.rows), flush=True)
    print("RSSALL", rss_mb(), flush=True)
    while (w.ctx.services is None or w.store.is_loading) and time.monotonic() < deadline:
        app.processEvents(); time.sleep(0.002)
    app.processEvents()
    # The services are there: every action is enabled.
    print("SERVICES", flush=True)
    print("HEAVY", ",".join(heavy) or "-", flush=True)
print("RSS", rss_mb(), flush=True)
"""


#: Compiled bytecode for the children, outside the source tree. An installed TrustFrame has its
#: modules compiled at install time; with PYTHONDONTWRITEBYTECODE set (as on some CI machines) an
#: editable checkout would recompile every module on every start and the bench would measure the
#: compiler. The warm-up round fills this folder.
PYCACHE = Path(tempfile.gettempdir()) / "trustframe-bench-pycache"


def run_child(case: str, workspace: str, home: Path) -> dict[str, float | str]:
    # TRUSTFRAME_USER names the user, so the first start does not stop at the name prompt (a
    # modal dialog would stall the child's event loop and the measurement with it).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRUSTFRAME_HOME=str(home), TRUSTFRAME_USER="bench",
               PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD % {"heavy": HEAVY}, case, workspace], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=str(home))
    result: dict[str, float | str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word, _, rest = line.strip().partition(" ")
        if word == "READY":
            result["ready"] = time.perf_counter() - start
        elif word == "LOADED":
            result["loaded"] = time.perf_counter() - start
            result["first_rows"] = rest
        elif word == "ALL":
            result["all"] = time.perf_counter() - start
            cpu, _, rows = rest.partition(" ")
            result["cpu_all"] = float(cpu)
            result["rows"] = rows
        elif word == "RSSALL":
            result["rss_all"] = float(rest)
        elif word == "SERVICES":
            result["services"] = time.perf_counter() - start
        elif word == "HEAVY":
            result["heavy"] = rest.strip()
        elif word == "RSS":
            result["rss"] = float(rest)
    proc.wait(timeout=120)
    if "ready" not in result:
        raise RuntimeError(f"{case}: the child did not start (exit code {proc.returncode})")
    return result


CASES = ("bare", "demo", "big", "huge")


def prepare(folder: Path, cases: tuple[str, ...] = CASES, huge: Path | None = None) -> dict[str, str]:
    """The workspace of each case: the demo, the 10,000-vendor and the 100,000-vendor ones
    (only those ``cases`` need; ``huge``: an existing 100,000-vendor workspace to reuse)."""
    from bench.make_big_workspace import build

    os.environ["TRUSTFRAME_HOME"] = str(folder / "home-prepare")
    out = {"bare": ""}
    if "demo" in cases:
        from trustframe.services.context import Services
        from trustframe.services.demo import build_demo

        demo = folder / "demo.tfw"
        with Services.open(demo, user="bench") as services:
            build_demo(services)
            services.scoring.rescore_all()
        out["demo"] = str(demo)
    if "big" in cases:
        build(folder / "big.tfw", 10_000)
        out["big"] = str(folder / "big.tfw")
    if "huge" in cases:
        if huge is None:
            huge = folder / "huge.tfw"
            build(huge, 100_000)
        out["huge"] = str(huge)
    return {case: out[case] for case in cases}


def write_section(text: str) -> None:
    """Replace (or add) the "## GUI start-up" section of docs/performance.md."""
    doc = ROOT / "docs" / "performance.md"
    current = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    heading = "## GUI start-up"
    if heading in current:
        before, _, after = current.partition(heading)
        rest = after.split("\n## ", 1)
        tail = ("\n## " + rest[1]) if len(rest) > 1 else ""
        current = before + text.rstrip() + "\n" + tail
    else:
        current = current.rstrip() + "\n\n" + text.rstrip() + "\n"
    doc.write_text(current, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="GUI start-up benchmark")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update docs/performance.md")
    parser.add_argument("--cases", default=",".join(CASES),
                        help="comma-separated cases to run (default: all; docs/performance.md is updated only "
                             "when all run); e.g. bare,huge")
    parser.add_argument("--huge", type=Path, default=None,
                        help="reuse this 100,000-vendor workspace (bench/make_big_workspace.py) instead of "
                             "generating one")
    args = parser.parse_args()
    chosen = tuple(c for c in CASES if c in args.cases.split(","))
    if "bare" not in chosen:
        parser.error("the cases must include bare (the ratios are measured against it)")
    if chosen != CASES:
        args.no_write = True
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="trustframe-bench-") as tmp:
        folder = Path(tmp)
        print("Preparing the workspaces of: " + ", ".join(chosen) + "…")
        cases = prepare(folder, chosen, args.huge)
        results: dict[str, list[dict[str, float | str]]] = {c: [] for c in cases}
        # One warm-up round (file cache, .pyc files), not counted.
        for case, workspace in cases.items():
            run_child(case, workspace, Path(tempfile.mkdtemp(dir=folder)))
        load_start = os.getloadavg()
        for i in range(args.runs):
            for case, workspace in cases.items():
                results[case].append(run_child(case, workspace, Path(tempfile.mkdtemp(dir=folder))))
            print(f"  round {i + 1}/{args.runs}: " + ", ".join(
                f"{c} {float(results[c][-1]['loaded']):.2f}s (all {float(results[c][-1]['all']):.2f}s, "
                f"CPU {float(results[c][-1]['cpu_all']):.2f}s)" for c in cases), f"(load {os.getloadavg()[0]:.1f})")
        load_end = os.getloadavg()

    def med(case: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in results[case])

    bare = med("bare", "ready")
    bare_loaded = med("bare", "loaded")
    lines = [
        "## GUI start-up",
        "",
        "`python bench/bench_startup.py` starts each case in a fresh process (`QT_QPA_PLATFORM=offscreen`, "
        "fresh user folder) and measures, from the parent, the wall time until the main window is shown and "
        "has processed its first events, until the first register rows are on screen (a first screenful on a "
        "large workspace), until every row is on screen, and until the services are there (every action "
        "enabled); the child's CPU time until every row is shown, and its peak memory (VmHWM) then and at "
        "the end. The cases are interleaved; medians of "
        f"{args.runs} runs after one warm-up round. The bare case is a PySide6 QMainWindow with an empty "
        "QTableView, measured in the same run, so the ratio shows TrustFrame's own cost.",
        "",
        "Targets (issues 13 and 22): the demo register loaded within 3x of the bare window; 100,000 vendors "
        f"to a usable register in under {TARGET_HUGE_SECONDS:.0f} s and {TARGET_HUGE_MB} MB; no heavy library "
        "(WeasyPrint, openpyxl, Jinja2, Alembic) and not SQLAlchemy imported before the window shows.",
        "",
        f"Run on {platform.machine()} Linux, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')} UTC; load average (1 min) "
        f"{load_before[0]:.1f} before preparing, {load_start[0]:.1f} at the first round, {load_end[0]:.1f} at the end "
        "(the machine is shared: absolute times are inflated accordingly; the ratios are measured together).",
        "",
        "| case | window shown | vs bare | first rows shown | vs bare | every row shown | CPU to every row | "
        "actions ready | rows | peak RSS, every row shown | peak RSS at the end | imported before the window |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    names = {"bare": "bare PySide6 window", "demo": "demo workspace", "big": "10,000 vendors",
             "huge": "100,000 vendors"}
    verdicts = []
    for case in cases:
        ready, loaded, every = med(case, "ready"), med(case, "loaded"), med(case, "all")
        services, cpu = med(case, "services"), med(case, "cpu_all")
        rss_all, rss = med(case, "rss_all"), med(case, "rss")
        rows = results[case][-1].get("rows", "") or "–"
        heavy = results[case][-1].get("heavy", "–") or "-"
        ratio = f"{ready / bare:.2f}x" if case != "bare" else "1.00x"
        loaded_ratio = f"{loaded / bare_loaded:.2f}x" if case != "bare" else "1.00x"
        lines.append(f"| {names[case]} | {ready * 1000:,.0f} ms | {ratio} | {loaded * 1000:,.0f} ms | {loaded_ratio} | "
                     f"{every * 1000:,.0f} ms | {cpu * 1000:,.0f} ms | {services * 1000:,.0f} ms | {rows} | "
                     f"{rss_all:.0f} MB | {rss:.0f} MB | {heavy} |")
        if case == "demo":
            met = every / bare_loaded <= TARGET_DEMO_RATIO
            verdicts.append(f"demo register loaded within {TARGET_DEMO_RATIO:.0f}x of the bare window: "
                            f"{'met' if met else 'NOT met'} ({every / bare_loaded:.2f}x; every action ready at "
                            f"{services / bare_loaded:.2f}x)")
        if case == "huge":
            first = loaded < TARGET_HUGE_SECONDS
            whole = every < TARGET_HUGE_SECONDS
            memory = rss < TARGET_HUGE_MB
            verdicts.append(f"100,000 vendors, first screenful under {TARGET_HUGE_SECONDS:.0f} s: "
                            f"{'met' if first else 'NOT met'} ({loaded:.2f} s); every row under "
                            f"{TARGET_HUGE_SECONDS:.0f} s: {'met' if whole else 'NOT met'} ({every:.2f} s wall, "
                            f"{cpu:.2f} s CPU); peak RSS under {TARGET_HUGE_MB} MB including the services: "
                            f"{'met' if memory else 'NOT met'} ({rss:.0f} MB)")
    lines += [
        "",
        *(f"- {v}" for v in verdicts),
        "",
        "How start-up stays fast:",
        "",
        "- `trustframe/app.py` imports only Qt and the window; the report, exchange and scoring code and "
        "the assessment screens are imported on first use.",
        "- A workspace at this code's schema revision is shown before SQLAlchemy and the services load "
        "(`ui/startup.py`): its register is read with the standard library's sqlite3, read-only "
        "(`storage/light.py`, the same query as the services), while the services open on a worker thread; "
        "the actions that need them are disabled until then and the status bar says so. A large register "
        "shows the first 200 vendors by name first (a few milliseconds), then every row. Any other file "
        "(older, newer, damaged, foreign) is opened the normal way before the window, with its usual message.",
        "- The rows are built by one function for both paths (`services/register_build.py`) and kept as plain "
        "tuples (`RegisterRows`): a row object is built only for a row that is read (the few on screen). Dates, "
        "countries, a vendor's name and repeated scores are shared objects, the order is computed per vendor, "
        "and the cycle collector is paused while the rows are built.",
        "- The query counts each vendor's expired and soon-expiring evidence in one pass, from the index on "
        "evidence (vendor, expiry date) alone (schema 0013).",
        "- The register table has fixed row heights; its model sorts and filters the tuples itself (one "
        "pass and one reset per change, counts cached, no proxy model); the vendor order needs no sort, the "
        "rows arrive in it.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        write_section(text)
        print("Updated docs/performance.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
