"""Rendering: HTML structure of key sections, the PDF (checked with pdftotext/pdfinfo), PDF
variants, and the URL fetcher that keeps vendor text from fetching anything."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import HOSTILE, TODAY, fill_sample, hostile_vendor_name, make_score  # noqa: E402
from trustframe import paths  # noqa: E402
from trustframe.reports import model, pdf  # noqa: E402
from trustframe.reports.safety import (  # noqa: E402
    BundleOnlyFetcher,
    ReportSafetyError,
    logo_data_uri,
    neutralise_cell_text,
)

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def _input(services, assessment, *, vendor_name: str | None = None, hostile: bool = False,
           logo: str = "") -> model.AssessmentReportInput:
    s = services
    fill_sample(s, assessment, hostile=hostile)
    a = s.assessments.get(assessment.id)
    vendor = s.vendors.get_vendor(a.vendor_id)
    if vendor_name is not None:
        a = dataclasses.replace(a, vendor_name=vendor_name)
        vendor = dataclasses.replace(vendor, name=vendor_name)
    answers = s.assessments.answers(a.id)
    return model.AssessmentReportInput(
        assessment=a, vendor=vendor, product=s.vendors.get_product(a.product_id),
        questionnaire=s.assessments.questionnaire(a), score=make_score(a.id, extra_flag_text=""), answers=answers,
        applicable_question_ids=[q.id for q in s.assessments.applicable_questions(a, answers)],
        evidence=s.evidence.list_evidence(a.vendor_id), evidence_links=s.evidence.for_assessment(a.id),
        history=s.history(a.id), generated_on=TODAY, generated_by="tester",
        branding=model.Branding("Ministry of Examples", logo))


class _Sections(HTMLParser):
    """Collects section ids, h1 texts and every tag name (a structural snapshot)."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.h1: list[str] = []
        self.tags: set[str] = set()
        self.srcs: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        attributes = dict(attrs)
        if tag == "section" and attributes.get("id"):
            self.sections.append(attributes["id"] or "")
        if tag in ("img", "link", "image"):
            self.srcs.append(attributes.get("src") or attributes.get("href") or "")
        self._in_h1 = tag == "h1"
        if self._in_h1:
            self.h1.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1[-1] += data


def test_html_structure(services, sample_assessment) -> None:
    report = model.build_assessment_report(_input(services, sample_assessment))
    html = pdf.render_html("assessment.html", report=report)
    parsed = _Sections()
    parsed.feed(html)
    assert parsed.sections == ["brief", "contents", "results", "flags", "explanation", "trend", "evidence",
                               "history", "method", "signoff"]
    assert parsed.h1 == ["Acme Secure Ltd – Acme Gateway", "Contents", "1 Results", "2 Red flags and gaps",
                         "3 Why this rating, and the conditions", "4 Trend since the previous assessment",
                         "5 Evidence register", "6 Change history", "7 Methodology and sources", "8 Sign-off"]
    assert '<html lang="en">' in html
    assert "<title>Vendor trust assessment: Acme Secure Ltd – Acme Gateway</title>" in html
    # Page 1, the decision brief, holds the verdict, what drives it and the numbered conditions.
    brief = html[html.index('id="brief"'):html.index('id="contents"')]
    for text in ("Residual risk", ">High risk<", "Recommendation: Approve with conditions", "Tier 2", "46", "60%",
                 "No vulnerability disclosure policy", "No accountable owner for product security",
                 "What drives the rating", "Conditions for approval", "<b>C1</b>", "→ condition C1",
                 "Evidence expired or expiring within 90 days"):
        assert text in brief, text
    assert "Slow fixes" not in brief  # accepted flags are not headline news
    # Table of contents links every chapter for target-counter page numbers.
    for anchor in ("#brief", "#results", "#flags", "#explanation", "#trend", "#evidence", "#history", "#method",
                   "#signoff", "#answers"):
        assert f'href="{anchor}"' in html
    # Three charts, inline SVG.
    assert html.count("<svg ") >= 3
    # Only the bundled stylesheet is referenced.
    assert parsed.srcs == ["report.css"]
    assert "derived from the themes of" in html
    # Appendix A is a document of its own: every applicable question, its answer, source and score.
    appendix = pdf.render_html("assessment_appendix.html", report=report)
    parsed = _Sections()
    parsed.feed(appendix)
    assert parsed.sections == ["answers"] and parsed.h1 == ["Appendix A: All answers"]
    assert parsed.srcs == ["report.css"] and '<html lang="en">' in appendix
    lines = [line for sec in report.answer_sections for line in sec.lines]
    assert lines and appendix.count('<p class="qa-q">') == len(lines)
    for line in lines:
        assert f"<b>{line.question_id}</b>" in appendix
    assert "Not answered" in appendix and "· Vendor return ·" in appendix or "· Officer ·" in appendix


def test_hostile_vendor_text_is_escaped_and_fetches_nothing(services, sample_assessment) -> None:
    inp = _input(services, sample_assessment, vendor_name=hostile_vendor_name(), hostile=True)
    report = model.build_assessment_report(inp)
    documents = [pdf.render_html(name, report=report) for name in pdf.assessment_templates(report)]
    assert len(documents) == 2
    for html in documents:
        parsed = _Sections()
        parsed.feed(html)
        assert "script" not in parsed.tags and "style" not in parsed.tags and "image" not in parsed.tags
        assert parsed.srcs == ["report.css"]  # no <img src="file:///etc/passwd"> became a tag
        assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    fetcher = pdf.new_fetcher(report.meta)
    stats = pdf.RenderStats()
    # Both parts, laid out in the worker process and here: the worker's requests are recorded too.
    data = pdf.html_to_pdf(documents, fetcher=fetcher, stats=stats)
    assert data and data.startswith(b"%PDF")
    bundle = (paths.report_templates_dir().resolve().as_uri(), (paths.resources_dir() / "fonts").resolve().as_uri())
    assert fetcher.requests and all(url.startswith(bundle) for url in fetcher.requests), fetcher.requests
    assert not fetcher.refused
    assert not any("evil.example" in url or "passwd" in url for url in fetcher.requests)


@pytest.mark.parametrize("url", [
    "http://evil.example/x.png", "https://evil.example/x.css", "ftp://evil.example/x",
    "file:///etc/passwd", "data:image/svg+xml;base64,PHN2Zy8+", "//evil.example/x.png",
])
def test_fetcher_refuses_everything_outside_the_bundle(url: str, tmp_path: Path) -> None:
    fetcher = BundleOnlyFetcher([tmp_path])
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_fetcher_refuses_path_tricks(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "ok.css").write_text("p {}")
    (tmp_path / "secret.txt").write_text("secret")
    (bundle / "link.txt").symlink_to(tmp_path / "secret.txt")
    fetcher = BundleOnlyFetcher([bundle])
    assert fetcher.fetch((bundle / "ok.css").as_uri()).read() == b"p {}"
    for url in (bundle.as_uri() + "/../secret.txt", (bundle / "link.txt").as_uri(),
                "file://otherhost" + str(bundle / "ok.css")):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 3


def test_logo_must_be_png_or_jpeg() -> None:
    assert logo_data_uri(PNG_1PX).startswith("data:image/png;base64,")
    assert logo_data_uri(b"\xff\xd8\xff\xe0rest").startswith("data:image/jpeg;base64,")
    assert logo_data_uri(None) == ""
    for bad in (b"<svg xmlns='http://www.w3.org/2000/svg'><image href='file:///etc/passwd'/></svg>", b"GIF89a"):
        with pytest.raises(ReportSafetyError):
            logo_data_uri(bad)
    with pytest.raises(ReportSafetyError):
        logo_data_uri(PNG_1PX + b"\0" * (3 * 1024 * 1024))


def test_logo_is_the_only_data_uri_allowed(services, sample_assessment) -> None:
    uri = logo_data_uri(PNG_1PX)
    report = model.build_assessment_report(_input(services, sample_assessment, logo=uri))
    fetcher = pdf.new_fetcher(report.meta)
    pdf.html_to_pdf([pdf.render_html(name, report=report) for name in pdf.assessment_templates(report)],
                    fetcher=fetcher)
    assert fetcher.requests.count(uri) == 1  # the logo is on the cover only
    assert uri in fetcher.requests and not fetcher.refused


def test_neutralise_cell_text() -> None:
    for text in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert neutralise_cell_text(text) == "'" + text
    assert neutralise_cell_text("Plain text = fine") == "Plain text = fine"


@needs_poppler
@pytest.mark.parametrize("variant", [None, "pdf/a-3b", "pdf/ua-1"])
def test_pdf_text_metadata_and_variants(services, sample_assessment, tmp_path: Path, variant: str | None) -> None:
    report = model.build_assessment_report(_input(services, sample_assessment))
    target = tmp_path / "report.pdf"
    stats = pdf.RenderStats()
    pdf.render_pdf(pdf.assessment_templates(report), {"report": report}, report.meta, target, pdf_variant=variant,
                   stats=stats)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    for expected in ("Decision brief", "Acme Secure Ltd", "High", "Approve with conditions",
                     "No vulnerability disclosure policy", "What drives the rating", "Evidence register",
                     "Appendix A: All answers"):
        assert expected in text, expected
    # The report is numbered "Page x of y", its appendix (a document of its own) "Page A-x of A-y".
    main_pages = int(re.search(r"Page 3 of (\d+)", text).group(1))
    appendix_pages = int(re.search(r"Page A-1 of A-(\d+)", text).group(1))
    assert main_pages + appendix_pages == stats.pages and appendix_pages >= 1
    assert f"Page {main_pages} of {main_pages}" in text and f"Page A-{appendix_pages} of A-{appendix_pages}" in text
    # The contents entry of the appendix links to its first page, whichever way the parts were joined.
    reader = PdfReader(target)
    assert _link_targets(reader, 1).count(main_pages) >= 1
    assert reader.trailer["/Root"]["/Lang"] == "en"
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Title:           Vendor trust assessment: Acme Secure Ltd – Acme Gateway" in info
    assert "Author:          tester" in info  # the person (Preferences), not the OS login
    assert "Subject:         Residual risk High" in info
    assert f"Pages:           {stats.pages}" in info
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    # Bold is a real face (not synthesised "Emb-Bold"), every font embedded and subset.
    assert "DejaVu-Sans-Bold" in fonts and "DejaVu-Sans-Italic" in fonts and "Emb" not in fonts
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts.splitlines()[2:])
    assert "Decision brief" in stats.bookmarks and "1.1 By domain" in stats.bookmarks  # h1/h2 bookmarks
    assert stats.bookmarks[-len(report.answer_sections) - 1] == "Appendix A: All answers"
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[-1] == "Appendix A: All answers" and "1 Results" in outline
    if variant == "pdf/a-3b":
        meta = subprocess.run(["pdfinfo", "-meta", str(target)], capture_output=True, text=True, check=True).stdout
        assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    if variant == "pdf/ua-1":
        assert "Tagged:          yes" in info


def _link_targets(reader: PdfReader, page: int) -> list[int]:
    """The page indexes the internal links on ``page`` lead to (named or explicit destinations)."""
    named = reader.named_destinations
    out = []
    for annot in reader.pages[page].get("/Annots", []):
        dest = annot.get_object().get("/Dest")
        if dest is None:
            continue
        if isinstance(dest, str):
            out.append(reader.get_destination_page_number(named[dest]))
        else:
            out.append(reader.get_page_number(dest[0].get_object()))
    return out


def test_unknown_variant_is_refused() -> None:
    with pytest.raises(ValueError):
        pdf.html_to_pdf("<p>x</p>", pdf_variant="pdf/a-9")


def test_templates_autoescape_and_strict_undefined() -> None:
    env = pdf.environment()
    assert env.autoescape is True
    import jinja2

    assert env.undefined is jinja2.StrictUndefined
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing.here }}").render()
    assert HOSTILE["script"] not in env.from_string("{{ x }}").render(x=HOSTILE["script"])


def test_a_long_rating_plan_is_cut_in_the_pdf(services, sample_assessment) -> None:
    """A weak vendor can need a hundred changes to reach the next rating: the PDF prints the first
    dozen and points to the Excel report's Rating plan sheet, which has them all."""
    from trustframe.domain.scoring_model import Improvement

    inp = _input(services, sample_assessment)
    many = tuple(Improvement("GOV-01", "No", f"Yes, variant {n}", 20.0 - n / 10) for n in range(30))
    report = model.build_assessment_report(dataclasses.replace(inp, score=dataclasses.replace(inp.score,
                                                                                                improvements=many)))
    assert len(report.improvements) == 30
    html = pdf.render_html("assessment.html", report=report)
    start = html.index("What would raise the rating")
    plan = html[start:html.index("Conditions for approval (", start)]
    assert plan.count('<p class="item-q">') == 12
    assert "30 changes together would lift the score" in plan and "Rating plan" in plan
    assert "Yes, variant 11" in plan and "Yes, variant 12" not in plan
    assert "And 18 more changes" in plan
    # A short plan is printed whole, without the pointer.
    short = pdf.render_html("assessment.html", report=model.build_assessment_report(inp))
    start = short.index("What would raise the rating")
    plan = short[start:short.index("Conditions for approval (", start)]
    assert plan.count('<p class="item-q">') == len(inp.score.improvements) and "Rating plan" not in plan
    assert "+28.6 points" in plan and "++" not in plan
