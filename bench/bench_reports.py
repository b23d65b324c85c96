"""Benchmark of the assessment report (PDF) for a 200-question assessment.

    python bench/bench_reports.py [--questions 200] [--repeat 5] [--keep FILE.pdf] [--no-appendix]

The questionnaire is the bundled question bank (realistic texts, red flags, contract clauses),
with questions cloned until it has ``--questions`` of them, all in scope; every question is
answered (a weak-to-middling vendor, so there are many flags and gaps) and evidence is linked.

Measured alternately in one run, after one warm-up of each, all in this one process:

* **ours**: ``ReportService.write("assessment", "pdf", ...)``: reading the data, scoring,
  building the report content and the SVG charts, Jinja2 templating, WeasyPrint writing a tagged
  PDF (PDF/UA-1 structure) with /Scope on every header and /PageLabels, the file. The report and
  its Appendix A are two documents, laid out one after the other and written once.
* **bare, tagged**: WeasyPrint alone on the same final HTML documents (same fonts, same fetcher,
  same process count: one), joined with ``Document.copy`` and written with ``pdf_tags=True``.
* **bare, untagged**: the same written without tags (what tagging costs WeasyPrint itself).
* **brief**: ``ReportService.write("brief", "pdf", ...)``: the one-page decision brief alone.

``--no-appendix`` measures the PDF without Appendix A (every answer), as written by
``trustframe report ID --no-appendix``; most of the layout time is that appendix.

Targets (issue 19): ours at most 1.3x bare WeasyPrint on the same HTML with the same process
count, and the brief under 1.5 s. Ratios are medians of per-round ratios, so machine load hits
both sides alike. Prints a Markdown table row.
"""

from __future__ import annotations

import argparse
import copy
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bench_questionnaire(count: int) -> str:
    """YAML of the bundled bank with questions cloned (new ids) until there are ``count``."""
    import yaml

    from trustframe import paths

    data = yaml.safe_load((paths.questionnaires_dir() / "ict-supply-chain-trust.yaml").read_text(encoding="utf-8"))
    data["id"] = "bench-reports"
    questions = [(si, q) for si, s in enumerate(data["sections"]) for q in s["questions"]]
    total = len(questions)
    n = 0
    while total < count:
        si, q = questions[n % len(questions)]
        clone = copy.deepcopy(q)
        clone["id"] = f"{q['id']}-B{n}"
        clone.pop("show_if", None)
        for rule in clone.get("red_flags", []):
            rule["id"] = f"{rule['id']}-B{n}"
        data["sections"][si]["questions"].append(clone)
        total += 1
        n += 1
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def build(folder: Path, count: int) -> tuple[Any, int]:
    """A workspace with one fully answered assessment of ``count`` questions."""
    from trustframe.domain.questionnaire import AnswerType
    from trustframe.services.assessments import AnswerInput
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    extra = folder / "questionnaires"
    extra.mkdir()
    (extra / "bench-reports.yaml").write_text(bench_questionnaire(count), encoding="utf-8")
    workspace = Workspace.open(folder / "bench.tfw")
    s = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(extra,)), user="bench")
    s.set_setting("organisation_name", "Ministry of Examples – Procurement Risk Team")
    vendor = s.vendors.add_vendor("Benchmark Networks Oy", "FI", website="https://bench.example")
    product = s.vendors.add_product(vendor.id, "BN-9000 Edge Router", "network_equipment", "9.1")
    a = s.assessments.create(vendor.id, product.id, "bench-reports", assessor="Alex Officer")
    s.assessments.override_tier(a.id, 1, "Benchmark: everything applies")
    questionnaire = s.assessments.questionnaire(a.id)
    all_ids = [q.id for q in questionnaire.iter_questions()]
    s.assessments.set_scope(a.id, added=all_ids)
    rng = random.Random(7)
    items = []
    for q in questionnaire.iter_questions():
        if q.type.has_options:
            scored = [o for o in q.options if o.score is not None] or list(q.options)
            pick = scored[min(len(scored) - 1, int(rng.random() * len(scored)))]
            value: Any = [pick.id] if q.type is AnswerType.MULTIPLE_CHOICE else pick.id
        elif q.type is AnswerType.NUMBER:
            value = rng.randint(1, 120)
        elif q.type is AnswerType.DATE:
            value = "2025-06-30"
        else:
            value = "Described in our security whitepaper, section 3; available under NDA."
        comment = "Confirmed in the vendor call on 12 February." if rng.random() < 0.2 else None
        items.append(AnswerInput(q.id, value, comment=comment))
    s.assessments.set_answers(a.id, items)
    evidence = [s.evidence.add(vendor.id, title, kind, url=f"https://docs.bench.example/{i}", issuer="Lab",
                               independent=True)
                for i, (title, kind) in enumerate([("ISO/IEC 27001 certificate", "certificate"),
                                                   ("SOC 2 Type II report", "audit_report"),
                                                   ("SBOM (CycloneDX)", "sbom")])]
    for i, q in enumerate(questionnaire.iter_questions()):
        if q.evidence and i % 3 == 0:
            s.evidence.link(a.id, q.id, evidence[i % len(evidence)].id)
    return s, a.id


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the results."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also save the report here")
    parser.add_argument("--no-appendix", dest="include_appendix", action="store_false",
                        help="leave Appendix A (every answer) out of the PDF")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from trustframe.reports import pdf
    import_time = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services, assessment_id = build(folder, args.questions)
        applicable = len(services.assessments.applicable_questions(assessment_id))
        appendix = args.include_appendix
        # The same final HTML for the bare render.
        html = services.reports.assessment_documents(assessment_id, include_appendix=appendix)

        def ours() -> tuple[float, int]:
            start = time.perf_counter()
            result = services.reports.write("assessment", "pdf", folder / "ours.pdf", [assessment_id],
                                            include_appendix=appendix)
            return time.perf_counter() - start, result.pages

        def brief() -> tuple[float, int]:
            start = time.perf_counter()
            result = services.reports.write("brief", "pdf", folder / "brief.pdf", [assessment_id])
            return time.perf_counter() - start, result.pages

        templates = pdf.paths.report_templates_dir().as_uri() + "/"

        def bare(tagged: bool) -> tuple[float, int]:
            # WeasyPrint's own API only: same HTML, fonts and fetcher, parts laid out one after the
            # other in this one process and joined with Document.copy; tagged or not.
            start = time.perf_counter()
            fonts = FontConfiguration()
            fetcher = pdf.new_fetcher()
            css = [CSS(string=pdf.font_face_css(), font_config=fonts, url_fetcher=fetcher, base_url=templates)]
            docs = [HTML(string=h, base_url=templates, url_fetcher=fetcher).render(stylesheets=css, font_config=fonts)
                    for h in html]
            joined = docs[0].copy([page for d in docs for page in d.pages])
            joined.write_pdf(folder / "bare.pdf", **({"pdf_tags": True} if tagged else {}))
            return time.perf_counter() - start, len(joined.pages)

        ours(), brief(), bare(True), bare(False)  # warm-up: fonts, templates, lazy imports
        # Where our share goes, measured separately once.
        start = time.perf_counter()
        score = services.scoring.score(assessment_id)
        t_score = time.perf_counter() - start
        start = time.perf_counter()
        report = services.reports.assessment_report(assessment_id, score=score)
        t_context = time.perf_counter() - start
        start = time.perf_counter()
        for name in ("assessment.html", "assessment_appendix.html"):
            pdf.render_html(name, report=report)
        t_template = time.perf_counter() - start

        rows = []
        for i in range(args.repeat):
            # Alternate the order so no side always runs on a warmer cache.
            if i % 2:
                b, pages_b = bare(True)
                u, _ = bare(False)
                o, pages_o = ours()
                t_brief, brief_pages = brief()
            else:
                t_brief, brief_pages = brief()
                o, pages_o = ours()
                u, _ = bare(False)
                b, pages_b = bare(True)
            rows.append((o, b, u, t_brief))
        if args.keep:
            args.keep.write_bytes((folder / "ours.pdf").read_bytes())
        services.close()

    ours_med = statistics.median(r[0] for r in rows)
    bare_med = statistics.median(r[1] for r in rows)
    untagged_med = statistics.median(r[2] for r in rows)
    brief_med = statistics.median(r[3] for r in rows)
    ratio = statistics.median(o / b for o, b, _, _ in rows)
    ratio_untagged = statistics.median(o / u for o, _, u, _ in rows)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"questions: {applicable} applicable, {pages_o} pages (bare {pages_b}), brief {brief_pages} page(s); "
          f"HTML {' + '.join(f'{len(h) // 1024} KB' for h in html)}; "
          f"appendix {'included' if args.include_appendix else 'left out'}")
    print(f"import of the report stack (WeasyPrint, Jinja2, openpyxl): {import_time * 1000:.0f} ms (once per process)")
    print(f"our share, measured apart: scoring {t_score * 1000:.0f} ms, report content + charts "
          f"{t_context * 1000:.0f} ms (includes a second scoring), templating {t_template * 1000:.0f} ms")
    print("rounds (ours / bare tagged / bare untagged / brief, s): "
          + ", ".join(f"{o:.2f}/{b:.2f}/{u:.2f}/{t:.2f}" for o, b, u, t in rows))
    print()
    print("| run | bare WeasyPrint, tagged | ours (tagged, page labels, whole report) | ours / bare | "
          "bare untagged (ours / it) | brief alone | pages |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average {load:.1f}{'' if args.include_appendix else ', --no-appendix'} "
          f"| {bare_med:.2f} s | {ours_med:.2f} s | **{ratio:.2f}x** | {untagged_med:.2f} s ({ratio_untagged:.2f}x) "
          f"| **{brief_med:.2f} s** | {pages_o} |")
    ok = ratio <= 1.3 and brief_med < 1.5
    print()
    print("targets (ours <= 1.3x bare WeasyPrint on the same HTML in one process, brief < 1.5 s):",
          "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
