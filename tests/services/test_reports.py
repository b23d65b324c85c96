"""The report service with the real scoring engine: branding, all kinds and formats, hostile
vendor text end to end, and the demo workspace's reports checked with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import HOSTILE, fill_sample, hostile_vendor_name  # noqa: E402
from trustframe.services.reports import ReportError  # noqa: E402

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_branding_from_settings(services, tmp_path: Path) -> None:
    s = services
    assert s.reports.branding().logo_data_uri == ""
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_1PX)
    s.set_setting("organisation_name", "Ministry of Examples")
    s.set_setting("organisation_logo", str(logo))
    branding = s.reports.branding()
    assert branding.organisation == "Ministry of Examples"
    assert branding.logo_data_uri.startswith("data:image/png;base64,")
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>')
    s.set_setting("organisation_logo", str(svg))
    with pytest.raises(ReportError, match="PNG or JPEG"):
        s.reports.branding()
    s.set_setting("organisation_logo", str(tmp_path / "missing.png"))
    with pytest.raises(ReportError, match="cannot be read"):
        s.reports.branding()


def test_write_checks_its_arguments(services, sample_assessment, tmp_path: Path) -> None:
    r = services.reports
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ReportError):
        r.write("comparison", "xlsx", out / "x.xlsx", [1, 2])
    with pytest.raises(ReportError):
        r.write("comparison", "pdf", out / "x.pdf", [sample_assessment.id])
    with pytest.raises(ReportError):
        r.write("assessment", "pdf", out / "x.pdf", [sample_assessment.id], pdf_variant="pdf/x-1a")
    with pytest.raises(ReportError):
        r.write("assessment", "pdf", out / "missing-folder" / "x.pdf", [sample_assessment.id])
    assert list(out.iterdir()) == []  # nothing half-written


@needs_poppler
def test_hostile_vendor_text_end_to_end(services, sample_assessment, tmp_path: Path) -> None:
    s = services
    vendor = s.vendors.get_vendor(sample_assessment.vendor_id)
    from dataclasses import replace

    s.vendors.update_vendor(replace(vendor, name=hostile_vendor_name(), website=HOSTILE["url"]))
    fill_sample(s, sample_assessment, hostile=True)
    target = tmp_path / "hostile.pdf"
    result = s.reports.write("assessment", "pdf", target, [sample_assessment.id])
    assert result.refused_urls == ()
    text = " ".join(_text(target).split())
    assert "<script>alert('x')</script>" in text  # shown as text, not run or dropped
    # Shown as text; a narrow cell may wrap it after "file:///etc/", so compare without spaces.
    assert 'ISOcert<imgsrc="file:///etc/passwd">' in text.replace(" ", "")
    assert HOSTILE["url"] in text
    xlsx = tmp_path / "hostile.xlsx"
    s.reports.write("assessment", "xlsx", xlsx, [sample_assessment.id])
    wb = openpyxl.load_workbook(xlsx)
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)


@pytest.fixture(scope="module")
def demo(demo_location: str):
    """This module's copy of the demo workspace (built as of 2026-03-02, tests/conftest.py)."""
    from trustframe.services.context import Services

    services = Services.open(demo_location, user="tester")
    services.set_setting("organisation_name", "Ministry of Examples")
    yield services
    services.close()


@needs_poppler
@pytest.mark.slow
def test_demo_assessment_reports(demo, tmp_path: Path) -> None:
    """The demo's worst assessment (most open flags): vendor, rating, flags, page count, and the
    decision brief that still fits on page 1."""
    scored = [(demo.scoring.score(a.id), a) for a in demo.assessments.list_assessments()]
    score, assessment = max(scored, key=lambda pair: len(pair[0].open_flags))
    assert len(score.open_flags) > 10  # far more than the summary can list: it must still fit
    target = tmp_path / "worst.pdf"
    result = demo.reports.write("assessment", "pdf", target, [assessment.id])
    text = _text(target)
    # Reading order (not -layout) keeps a wrapped table cell's lines together.
    plain = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(plain.split())
    assert assessment.vendor_name in text and assessment.product_name in text
    assert f"{score.rating.label} risk" in text and score.recommendation.label in text
    for flag in score.open_flags[:5]:
        assert flag.title[:30] in flat, flag.title
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {result.pages}" in info and result.pages >= 10
    pages = text.split("\f")
    assert "What drives the rating" in pages[0] and ("Conditions for approval" in pages[0]
                                                    or "What the vendor would have to resolve" in pages[0]), \
        "page 1 is the brief"
    assert "Contents" in pages[1] and "What drives the rating" not in pages[1]


@needs_poppler
@pytest.mark.slow
def test_demo_comparison_and_portfolio(demo, tmp_path: Path) -> None:
    ids = [a.id for a in demo.assessments.list_assessments() if a.status.value in ("in_review", "decided")][:3]
    result = demo.reports.write("comparison", "pdf", tmp_path / "c.pdf", ids)
    text = _text(tmp_path / "c.pdf")
    assert result.pages >= 3 and "Side by side" in text and "Key differences" in text
    for aid in ids:
        assert demo.assessments.get(aid).vendor_name in text
    result = demo.reports.write("portfolio", "pdf", tmp_path / "p.pdf")
    text = _text(tmp_path / "p.pdf")
    for expected in ("Vendor portfolio", "Where the risk sits", "Open critical red flags", "Overdue reviews",
                     "Evidence expired or expiring", "Tundra Telecom Oy", "Northwind Networks AG"):
        assert expected in text, expected
    demo.reports.write("portfolio", "xlsx", tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "p.xlsx")
    # Every product is on one of the two sheets: decided (counted) or not yet decided.
    counted, apart = wb["Portfolio"], wb["Not yet decided"]
    assert (counted.max_row - 1) + (apart.max_row - 1) == len(demo.vendors.list_products())
    assert {r[5] for r in counted.iter_rows(min_row=2, values_only=True)} == {"Decided"}


@needs_poppler
def test_assessment_pdf_without_appendix(services, sample_assessment, tmp_path: Path) -> None:
    s = services
    fill_sample(s, sample_assessment)
    full = s.reports.write("assessment", "pdf", tmp_path / "full.pdf", [sample_assessment.id])
    short = s.reports.write("assessment", "pdf", tmp_path / "short.pdf", [sample_assessment.id],
                            include_appendix=False)
    assert short.pages < full.pages
    text = " ".join(_text(tmp_path / "short.pdf").split())
    assert "Appendix A" not in text and "in the Excel report of this assessment" in text
    assert "Appendix A: All answers" in _text(tmp_path / "full.pdf")
    # The Excel report always lists every answer.
    s.reports.write("assessment", "xlsx", tmp_path / "a.xlsx", [sample_assessment.id], include_appendix=False)
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames
