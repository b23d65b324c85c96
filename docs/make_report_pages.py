"""Regenerate docs/report-pages/: pages of the demo workspace's reports as PNG images.

    .venv/bin/python docs/make_report_pages.py [--dpi 70]

Builds the demo workspace in a temporary folder, writes the worst assessment's report (most open
flags), the best assessment's decision brief, a comparison across tenders and the portfolio,
and converts the pages named below with pdftoppm (poppler-utils). Look at the images after
running it: they are what the README links to.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "report-pages"


def _png(pdf: Path, page: int, name: str, dpi: int) -> None:
    stem = OUT / name
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)


def _page_of(pdf: Path, text: str, first: int = 1) -> int:
    """The first page (1-based, from ``first``) whose text contains ``text``."""
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    return next(i + 1 for i, page in enumerate(pages) if i + 1 >= first and text in page)


def main(argv: list[str] | None = None) -> int:
    """Write the images."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dpi", type=int, default=70)
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services = Services.open(folder / "demo.tfw", user="demo")
        build_demo(services, today=date(2026, 11, 23))
        services.set_setting("organisation_name", "Ministry of Examples")
        scored = [(services.scoring.score(a.id), a) for a in services.assessments.list_assessments()]
        # The worst reassessment (so the trend section has something to show), else the worst overall.
        again = [p for p in scored if p[1].previous_assessment_id is not None] or scored
        worst = max(again, key=lambda p: (p[0].rating.rank, len(p[0].open_flags)))[1]
        best = min(scored, key=lambda p: (p[0].rating.rank, -(p[0].overall or 0.0)))[1]
        report = folder / "assessment.pdf"
        services.reports.write("assessment", "pdf", report, [worst.id], author="Alex Officer")
        for page in (1, 2, 3, 4):
            _png(report, page, f"assessment-p{page:02d}", args.dpi)
        for label, text in (("flags", "2 Red flags and gaps"), ("why", "3 Why this rating"),
                            ("trend", "4 Trend since the previous assessment"), ("evidence", "5 Evidence register"),
                            ("signoff", "8 Sign-off"), ("appendix-A1", "Appendix A: All answers")):
            _png(report, _page_of(report, text, first=3), f"assessment-{label}", args.dpi)
        brief = folder / "brief.pdf"
        services.reports.write("brief", "pdf", brief, [best.id], author="Alex Officer")
        _png(brief, 1, "brief-best", args.dpi)
        by_tender: dict[str, int] = {}
        for a in services.assessments.list_assessments():
            if a.procurement and a.decision is not None:
                by_tender.setdefault(a.procurement, a.id)
        comparison = folder / "comparison.pdf"
        services.reports.write("comparison", "pdf", comparison, list(by_tender.values())[:3], author="Alex Officer")
        for page in (1, 2, 3):
            _png(comparison, page, f"comparison-p{page:02d}", args.dpi)
        _png(comparison, _page_of(comparison, "Where the answers differ", first=2), "comparison-differences", args.dpi)
        portfolio = folder / "portfolio.pdf"
        services.reports.write("portfolio", "pdf", portfolio, author="Alex Officer")
        for page in (2, 3, 4):
            _png(portfolio, page, f"portfolio-p{page:02d}", args.dpi)
        services.close()
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
