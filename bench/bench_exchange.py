"""Benchmark of the Excel exchange on a synthetic 200-question questionnaire.

    python bench/bench_exchange.py [--questions 200] [--repeat 7]

Measures, in one run on the same file: the export; a bare ``openpyxl.load_workbook`` of the
filled workbook (the yardstick); our ``preview_import`` (package checks, streaming read,
validation of every row and the preview against the database); and ``apply_import``.
Target: preview within 1.5x of the bare load and under 0.5 s. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TYPES = ("single_choice", "yes_no", "multiple_choice", "text", "number", "date")


def synthetic_questionnaire(count: int) -> str:
    """YAML of a questionnaire with ``count`` questions over 10 sections, cycling through the
    answer types, with help texts of realistic length."""
    lines = [
        "format: trustframe-questionnaire/1", "id: bench-200", "version: 1.0.0",
        "title: Benchmark questionnaire", "kind: assessment",
        "option_sets:", "  graded:",
        '    - {id: verified, label: "Yes, independently verified", score: 1.0}',
        '    - {id: documented, label: "Yes, documented", score: 0.75}',
        "    - {id: partial, label: Partly, score: 0.4}",
        '    - {id: "no", label: "No", score: 0.0}',
        "    - {id: na, label: Not applicable, not_applicable: true}",
        "sections:",
    ]
    per_section = max(1, count // 10)
    for s in range(10):
        lines += [f"  - id: S{s:02d}", f"    title: Section {s} of the benchmark", "    questions:"]
        for i in range(per_section):
            n = s * per_section + i
            if n >= count:
                break
            qtype = TYPES[n % len(TYPES)]
            lines += [f"      - id: Q-{n:03d}",
                      f'        text: "Question {n} - describe how your organisation handles control number {n} '
                      'across the product lifecycle?"',
                      "        help: Give the policy name, the owner and the date of the last review.",
                      f"        type: {qtype}"]
            if qtype == "single_choice":
                lines.append("        option_set: graded")
            elif qtype == "multiple_choice":
                lines += ["        options:", "          - {id: a, label: ISO/IEC 27001, score: 0.6}",
                          "          - {id: b, label: SOC 2 Type II, score: 0.5}",
                          "          - {id: c, label: None, score: 0.0}"]
            elif qtype == "number":
                lines += ["        unit: days", "        bands:", "          - {max: 30, score: 1.0}",
                          "          - {min: 30, score: 0.2}"]
            lines += ["        trace: {buyers_guide: [governance], pillar: [assurance], actor: [vendor]}",
                      "        references: [{standard: ISO/IEC 27001:2022}]"]
    return "\n".join(lines) + "\n"


def vendor_answer(n: int) -> Any:
    """What the vendor types for question n."""
    qtype = TYPES[n % len(TYPES)]
    return {"single_choice": "Yes, documented", "yes_no": "Yes", "multiple_choice": "ISO/IEC 27001; SOC 2 Type II",
            "text": f"Our policy P-{n} is owned by the CISO and reviewed every year; last review in March.",
            "number": 14 + n % 30, "date": date(2025, 1 + n % 12, 1 + n % 28)}[qtype]


def paired_times(first: Callable[[], Any], second: Callable[[], Any], repeat: int) -> tuple[float, float, float]:
    """Median times of two calls measured alternately (after a warm-up of each), and the median
    of their per-round ratio. Alternating keeps both under the same machine load, so the ratio
    is fair even on a busy machine."""
    first(), second()
    a_times, b_times, ratios = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        first()
        a = time.perf_counter() - start
        start = time.perf_counter()
        second()
        b = time.perf_counter() - start
        a_times.append(a)
        b_times.append(b)
        ratios.append(b / a)
    return statistics.median(a_times), statistics.median(b_times), statistics.median(ratios)


def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall time of ``repeat`` calls (after one warm-up call) and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(questions: int, repeat: int, work: Path) -> dict[str, Any]:
    """Run the benchmark in ``work``; returns the measurements."""
    os.environ.setdefault("TRUSTFRAME_HOME", str(work / "home"))
    import openpyxl

    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    sys.path.insert(0, str(ROOT / "tests"))
    from exchange_support import fill

    extra = work / "questionnaires"
    extra.mkdir(parents=True, exist_ok=True)
    (extra / "bench.yaml").write_text(synthetic_questionnaire(questions))
    workspace = Workspace.open(work / "bench.tfw")
    services = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(extra,)), user="bench")
    try:
        vendor = services.vendors.add_vendor("Bench Vendor", "DE")
        product = services.vendors.add_product(vendor.id, "Bench Product", "software")
        assessment = services.assessments.create(vendor.id, product.id, "bench-200")
        sent = work / "sent.xlsx"
        start = time.perf_counter()
        export = services.exchange.export_questionnaire(assessment.id, sent, deadline=date(2026, 6, 30))
        export_seconds = time.perf_counter() - start
        assert export.question_count == questions, export.question_count
        returned = fill(sent, {f"Q-{n:03d}": vendor_answer(n) for n in range(questions)},
                        comments={f"Q-{n:03d}": "See the attached policy." for n in range(0, questions, 3)},
                        out=work / "returned.xlsx")

        bare, preview_seconds, ratio = paired_times(lambda: openpyxl.load_workbook(returned),
                                                    lambda: services.exchange.preview_import(returned), repeat)
        preview = services.exchange.preview_import(returned)
        assert preview.counts["new"] == questions, preview.counts
        start = time.perf_counter()
        result = services.exchange.apply_import(preview)
        apply_seconds = time.perf_counter() - start
        assert len(result.applied) == questions
        second, again = median_time(lambda: services.exchange.preview_import(returned), 1)
        assert again.counts["unchanged"] == questions
        return {"questions": questions, "file_kb": returned.stat().st_size / 1024, "export": export_seconds,
                "bare_load": bare, "preview": preview_seconds, "ratio": ratio,
                "apply": apply_seconds, "repeat": repeat}
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tf-bench-exchange-"))
    try:
        r = run(args.questions, args.repeat, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import openpyxl

    print(f"Excel exchange, {r['questions']} questions, returned file {r['file_kb']:.0f} kB; "
          f"median of {r['repeat']} runs; Python {platform.python_version()}, openpyxl {openpyxl.__version__}, "
          f"defusedxml {openpyxl.DEFUSEDXML}\n")
    print("| step | time |")
    print("|---|---|")
    print(f"| export (write workbook + record) | {r['export'] * 1000:.0f} ms |")
    print(f"| bare `openpyxl.load_workbook` of the returned file | {r['bare_load'] * 1000:.0f} ms |")
    print(f"| our `preview_import` (checks, read, validate, preview) | {r['preview'] * 1000:.0f} ms |")
    print(f"| ratio preview / bare load (median of per-round ratios) | {r['ratio']:.2f}x |")
    print(f"| `apply_import` ({r['questions']} answers, one transaction) | {r['apply'] * 1000:.0f} ms |")
    ok = r["ratio"] <= 1.5 and r["preview"] < 0.5
    print(f"\nTarget (<= 1.5x bare load and < 0.5 s): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
