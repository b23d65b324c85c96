"""Command-line and import speed against the bare libraries (issue 22), as whole processes.

Each case runs as a fresh process, the way a user runs it (interpreter start-up included), and
the cases are interleaved and repeated so machine load hits all of them alike; the median is
reported. Ratios to the bare library measured in the same run are what to compare (this machine
is shared; absolute times move with its load).

* ``--version`` and ``--help``: absolute times (target < 0.15 s each).
* ``vendor list`` on the demo workspace vs a bare ``sqlite3`` process running the same query on
  the same file (target <= 8x).
* ``import-response --dry-run`` of a complete return of the bundled questionnaire (tier 1) vs a
  bare process loading the same workbook with openpyxl (read-only, every cell read; target <= 2x).
* Applying a return of 200 answers in one transaction, in process (target < 100 ms).

    .venv/bin/python bench/bench_cli.py [--repeat 7] [--no-write]

Writes the "## Command line and import speed" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "reliability"))
DOC = ROOT / "docs" / "performance.md"
HEADING = "## Command line and import speed"
TRUSTFRAME = str(Path(sys.executable).with_name("trustframe"))

BARE_SQLITE = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
               "rows = c.execute('SELECT id, name, country, website FROM vendors ORDER BY lower(name)').fetchall(); "
               "contacts = c.execute('SELECT vendor_id, name, role, email, phone FROM contacts').fetchall(); "
               "print('\\n'.join(str(r) for r in rows))")
BARE_OPENPYXL = ("import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=False); "
                 "n = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None); "
                 "print(n)")


def _timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env)
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{argv} failed: {proc.stderr.decode()[-500:]}")
    return took


def _questionnaire_of(size: int, folder: Path) -> Path:
    """A custom questionnaire with ``size`` single-choice questions (the bank has fewer than 200)."""
    import yaml

    data = yaml.safe_load((ROOT / "tests" / "data" / "sample-questionnaire.yaml").read_text())
    template = next(q for s in data["sections"] for q in s["questions"] if q.get("type") == "single_choice"
                    and "show_if" not in q)
    section = dict(data["sections"][0])
    template = {k: v for k, v in template.items() if k not in ("red_flags", "show_if")}
    section["questions"] = [dict(template, id=f"BEN-{i:03d}", text=f"Benchmark question {i}?") for i in range(size)]
    section["id"] = "BEN"
    data.update(id="bench-200", version="1.0.0", title="Benchmark questionnaire", sections=[section])
    data.pop("red_flags", None)
    path = folder / "bench-200.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def prepare(folder: Path) -> dict[str, Path]:
    """The demo workspace, a tier-1 return of the bundled bank, and a 200-answer return."""
    from exchange_support import fill  # type: ignore[import-not-found]
    from fuzz_returns import _valid_value  # type: ignore[import-not-found]
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo

    demo = folder / "demo.tfw"
    with Services.open(demo, user="bench") as services:
        build_demo(services)
    work = folder / "import.tfw"
    with Services.open(work, user="bench") as services:
        vendor = services.vendors.add_vendor("Bench Vendor", "GB")
        product = services.vendors.add_product(vendor.id, "Bench Product", "software")
        assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=1)
        exported = folder / "bank.xlsx"
        services.exchange.export_questionnaire(assessment.id, exported)
        questions = services.assessments.scoped_questions(assessment)
        bank_return = fill(exported, {q.id: _valid_value(q) for q in questions}, out=folder / "bank-returned.xlsx")
        custom = services.catalog.add_file(_questionnaire_of(200, folder))
        assessment2 = services.assessments.create(vendor.id, product.id, custom.id)
        exported2 = folder / "two-hundred.xlsx"
        services.exchange.export_questionnaire(assessment2.id, exported2)
        questions2 = services.assessments.scoped_questions(assessment2)
        return200 = fill(exported2, {q.id: _valid_value(q) for q in questions2}, out=folder / "two-hundred-returned.xlsx")
    return {"demo": demo, "work": work, "bank_return": bank_return, "return200": return200,
            "bank_rows": Path(str(len(questions))), "rows200": Path(str(len(questions2)))}


def apply_200(folder: Path, files: dict[str, Path], repeat: int) -> list[float]:
    """Milliseconds to apply the 200-answer return (preview outside the timing), fresh copy each time."""
    from trustframe.services.context import Services

    times = []
    for i in range(repeat):
        copy = folder / f"apply-{i}.tfw"
        shutil.copyfile(files["work"], copy)
        with Services.open(copy, user="bench", create=False) as services:
            preview = services.exchange.preview_import(files["return200"])
            assert len(preview.default_accepted) == 200, preview.counts
            start = time.perf_counter()
            result = services.exchange.apply_import(preview)
            times.append((time.perf_counter() - start) * 1000)
            assert len(result.applied) == 200
    return times


def main() -> int:
    """Run the cases and write the section."""
    parser = argparse.ArgumentParser(description="CLI and import speed")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    env = {**os.environ, "TRUSTFRAME_HOME": tempfile.mkdtemp(prefix="tf-bench-home-")}
    # An installed application runs from compiled .pyc files (pip writes them for every package);
    # with PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images do) TrustFrame's own modules
    # would be compiled from source in every process while the bare libraries' are not. The
    # warm-up run below writes them, so every case is measured as installed.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["TRUSTFRAME_HOME"] = env["TRUSTFRAME_HOME"]
    folder = Path(tempfile.mkdtemp(prefix="tf-bench-cli-"))
    try:
        files = prepare(folder)
        cases = {
            "bare python": [sys.executable, "-c", "pass"],
            "version": [TRUSTFRAME, "--version"],
            "help": [TRUSTFRAME, "--help"],
            "vendor list": [TRUSTFRAME, "--workspace", str(files["demo"]), "vendor", "list"],
            "bare sqlite3": [sys.executable, "-c", BARE_SQLITE, str(files["demo"])],
            "import dry run": [TRUSTFRAME, "--workspace", str(files["work"]), "import-response",
                               str(files["bank_return"]), "--dry-run"],
            "bare openpyxl": [sys.executable, "-c", BARE_OPENPYXL, str(files["bank_return"])],
        }
        for argv in cases.values():  # warm the file cache and the .pyc files
            _timed(argv, env)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name, argv in cases.items():
                samples[name].append(_timed(argv, env))
        load_after = os.getloadavg()[0]
        applied = apply_200(folder, files, max(3, args.repeat // 2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(env["TRUSTFRAME_HOME"], ignore_errors=True)
    med = {name: statistics.median(values) for name, values in samples.items()}
    list_ratio = med["vendor list"] / med["bare sqlite3"]
    import_ratio = med["import dry run"] / med["bare openpyxl"]
    apply_ms = statistics.median(applied)
    lines = [
        f"Whole processes, median of {args.repeat} interleaved runs (load {load_before:.1f} -> {load_after:.1f}; "
        f"{platform.system()}, {os.cpu_count()} CPUs, Python {platform.python_version()}). One run, ratios "
        "measured together; the machine was shared with other work, so absolute times are inflated.",
        "",
        "| case | median | target | result |",
        "|---|---|---|---|",
        f"| bare `python -c pass` (interpreter start-up, for scale) | {med['bare python']:.3f} s | | |",
        f"| `trustframe --version` | {med['version']:.3f} s | < 0.15 s | {'met' if med['version'] < 0.15 else 'NOT met'} |",
        f"| `trustframe --help` | {med['help']:.3f} s | < 0.15 s | {'met' if med['help'] < 0.15 else 'NOT met'} |",
        f"| `vendor list` (demo) / bare sqlite3 process | {med['vendor list']:.3f} s / {med['bare sqlite3']:.3f} s "
        f"= **{list_ratio:.1f}x** | <= 8x | {'met' if list_ratio <= 8 else 'NOT met'} |",
        f"| `import-response --dry-run` ({files['bank_rows']} rows) / bare openpyxl load | "
        f"{med['import dry run']:.3f} s / {med['bare openpyxl']:.3f} s = **{import_ratio:.2f}x** | <= 2x | "
        f"{'met' if import_ratio <= 2 else 'NOT met'} |",
        f"| apply 200 answers, one transaction (in process) | {apply_ms:.0f} ms | < 100 ms | "
        f"{'met' if apply_ms < 100 else 'NOT met'} |",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section(text)
    return 0


def write_section(body: str) -> None:
    """Replace (or add before the generated run) this benchmark's section of docs/performance.md."""
    doc = DOC.read_text(encoding="utf-8")
    section = (f"{HEADING}\n\nMeasured by `bench/bench_cli.py` (also run by `make bench`). Start-up work was "
               "cut by importing only what a command needs: `--version` answers before the parser is built, "
               "`--help` builds the parser without SQLAlchemy or the services, and `vendor list` reads the "
               "workspace with `sqlite3` alone when the file is a TrustFrame workspace at a schema revision "
               "this code knows (otherwise the normal path opens it). Bundled questionnaires are parsed once "
               "per process and kept parsed (JSON, checked by SHA-256) in the user cache folder.\n\n"
               "`import-response --dry-run` reads the workspace the same way (sqlite3 alone, no SQLAlchemy, "
               "ORM models or services) and shares the preview and the binding rules (keyed seal, export "
               "records) with the normal path, which a test compares on valid and refused returns; the "
               "bundled translation overlay and message catalogue are parsed once into the same kind of "
               "JSON cache as the questionnaires, and the preview loads only the questionnaire it needs. "
               "Cell values are still read with openpyxl (read-only, streamed) behind the existing "
               "structure checks; python-calamine (a 0.9.1 wheel installs here) was not needed for the target, "
               "and keeping one reader avoids proving a second one's cell types (dates, formulas) identical. "
               "Processes run from "
               "compiled .pyc files, as an installed application does (the bench drops "
               "PYTHONDONTWRITEBYTECODE for its child processes).\n\n"
               "Not yet at target on every run, and why: `--help` and applying 200 answers were met on a quiet "
               "machine but not under heavy load. "
               "Applying 200 answers issues one INSERT per answer and one per change-log entry (on SQLite the "
               "ORM does not batch inserts whose keys it reads back); a Core executemany for both is the next "
               "step. `--help` builds about 35 argparse parsers (about 0.1 s in process on a quiet run); "
               "building sub-command parsers only when asked for is the next step.\n\n"
               f"{body}\n")
    if HEADING in doc:
        head, _, rest = doc.partition(HEADING)
        index = rest.find("\n## ")
        tail = rest[index + 1:] if index >= 0 else ""
        doc = head + section + ("\n" + tail if tail else "")
    else:
        marker = "## Latest `make bench` run"
        doc = doc.replace(marker, section + "\n" + marker, 1) if marker in doc else doc + "\n" + section
    DOC.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
