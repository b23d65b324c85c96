"""No English left in a German report (issue 17).

Every report type is rendered in German for the demo workspace: the assessment report (with its
appendix), the decision brief, the comparison and the portfolio (their HTML, as WeasyPrint lays
it out), the Excel assessment and portfolio reports (every cell, sheet title and table column),
the German vendor workbook and one PDF (its text through ``pdftotext``). Two checks find English:

* the English phrases of the report templates (every run of template text with two or more
  words) must not appear in the German output;
* no text may contain common English words ("the", "and", "with", "answers", ...) once the
  workspace's own data (vendor names, comments, evidence titles, decision notes: what people
  typed, which is never translated) and the bank's source titles (titles of standards and
  reports, quoted as published) are taken out.

A text that fails names the missing entry of ``resources/translations/catalog_de.yaml``.
"""

from __future__ import annotations

import html
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any, Iterator

import openpyxl
import pytest

from trustframe import paths

pytestmark = pytest.mark.slow

#: English words that do not occur in German report text (case-sensitive on purpose: "Status",
#: "Design", "Software" are German words too and are not listed).
ENGLISH_WORDS = re.compile(
    r"\b(the|The|and|of|is|are|with|for|by|By|not|this|This|that|each|every|Every|from|which|would|"
    r"has|have|were|been|than|only|Only|more|answer|answers|Answers|question|questions|score|scores|"
    r"Scores|points|rating|flag|flags|vendor|Vendor|due|None|open|changed|expired|expiring|days|"
    r"months|Since|Not|Yes|No|risk|Risk|low|high|moderate|critical|decided|candidates|Candidate)\b")

#: Texts that are English in German too: names of standards, programmes and organisations.
ALLOWED = (
    "Buyers Guide", "Weathering TechNationalism", "EastWest Institute", "Secure by Design",
    "Secure by Demand", "Common Criteria", "Open Trusted Technology Provider Standard", "Trust Center",
    "Known Exploited Vulnerabilities", "Follow-the-Sun", "Single Sign-on", "Hold Your Own Key",
    "Security Operations Center", "U.S. Chamber of Commerce", "The Open Group", "Software bill of materials",
    "SOC 2 Type II", "Type II", "Call-Home", "Release Notes", "Just-in-time", "Shared-Service", "Secure-by-Design",
    "Purchasing Secure ICT Products and Services – A Buyers Guide",
    "A Security and Trustworthiness Framework to Manage Cyber Supply Chain Risk",
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "demo.tfw"
    build_demo_workspace(target)
    services = Services.open(target, read_only=True)
    yield services
    services.close()


@pytest.fixture(scope="module")
def people_wrote(demo: Any) -> list[str]:
    """Every text the workspace stores (what people and vendors typed), longest first; values
    TrustFrame writes as JSON (score snapshots, logged values) are left out."""
    texts: set[str] = set()
    connection = sqlite3.connect(f"file:{demo.workspace.path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str) and len(value.strip()) > 5 and value.strip()[:1] not in "[{\"":
                        texts.add(" ".join(value.split()))
    finally:
        connection.close()
    for info in demo.catalog.list_questionnaires():
        for source in demo.catalog.get(info.id, info.version).sources:
            texts.update(" ".join(t.split()) for t in (source.title, source.url) if t)
    return sorted(texts, key=len, reverse=True)


def english_left(text: str, people_wrote: list[str]) -> str:
    """``text`` without what people typed and allowed names; what remains should be German."""
    text = " ".join(text.split())
    for typed in people_wrote:
        if typed in text:
            text = text.replace(typed, " ")
    for name in sorted(ALLOWED, key=len, reverse=True):
        text = text.replace(name, " ")
    text = re.sub(r"https?://\S+", " ", text)
    return text if ENGLISH_WORDS.search(text) else ""


def template_phrases() -> set[str]:
    """Runs of visible English text in the report templates, two words or more."""
    phrases: set[str] = set()
    for template in (paths.resources_dir().parent / "report_templates").glob("*.html"):
        source = template.read_text(encoding="utf-8")
        source = re.sub(r"\{#.*?#\}|<(style|script)\b.*?</\1>", " ", source, flags=re.DOTALL)
        source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "\x00", source, flags=re.DOTALL)
        for run in re.split(r"<[^>]*>|\x00", source):
            run = " ".join(html.unescape(run).split()).strip(" ·,;:()–-.")
            if len(re.findall(r"[A-Za-z]{2,}", run)) >= 2 and not any(name in run for name in ALLOWED):
                phrases.add(run)
    return phrases


def german_documents(services: Any, kind: str, ids: list[int]) -> list[str]:
    """The HTML documents of a report in German, as the PDF is laid out from them."""
    from trustframe.reports import pdf
    from trustframe.services.reports import _report_translator

    reports = services.reports
    if kind == "assessment":
        report = reports.assessment_report(ids[0], language="de")
        names = list(pdf.assessment_templates(report))
    elif kind == "brief":
        report, names = reports.assessment_report(ids[0], include_appendix=False, language="de"), ["brief.html"]
    elif kind == "comparison":
        report, names = reports.comparison_report(ids, language="de"), ["comparison.html"]
    else:
        report, names = reports.portfolio_report(), ["portfolio.html"]
    translator = _report_translator(services, "de", kind, ids)
    assert translator is not None
    return [translator.html(pdf.render_html(name, report=report)) for name in names]


def visible_texts(document: str) -> list[str]:
    """Text nodes and the attributes people see or hear (alt, title, aria-label, running headers)."""
    body = re.sub(r"<(style|script)\b.*?</\1>", " ", document, flags=re.DOTALL | re.IGNORECASE)
    body = re.sub(r"<(title|meta)\b[^>]*>", " ", body)
    found = re.findall(r">([^<>]+)<", body) + re.findall(r'\s(?:alt|title|aria-label|data-running)="([^"]*)"', body)
    return [" ".join(html.unescape(t).split()) for t in found if t.strip()]


def demo_ids(services: Any) -> dict[str, list[int]]:
    """Assessments that exercise every part of the report: a decided reassessment (trend,
    decision), one in review (no decision, open flags), a comparison across tenders."""
    assessments = services.assessments.list_assessments()
    decided = [a for a in assessments if a.decision is not None and a.previous_assessment_id]
    open_ones = [a for a in assessments if a.decision is None]
    assert decided and open_ones
    by_product: dict[int, list[int]] = {}
    for a in assessments:
        by_product.setdefault(a.product_id, []).append(a.id)
    return {"decided": [decided[0].id], "open": [open_ones[0].id],
            "comparison": [ids[-1] for ids in by_product.values()][:3]}


REPORTS = [("assessment", "decided"), ("assessment", "open"), ("brief", "decided"), ("brief", "open"),
           ("comparison", "comparison"), ("portfolio", "")]


@pytest.mark.parametrize(("kind", "which"), REPORTS)
def test_german_report_html_has_no_english(demo: Any, people_wrote: list[str], kind: str, which: str) -> None:
    ids = demo_ids(demo)[which] if which else []
    texts = [t for document in german_documents(demo, kind, ids) for t in visible_texts(document)]
    assert texts
    leaks = sorted({t for t in texts if english_left(t, people_wrote)})
    assert not leaks, f"{len(leaks)} English texts in the German {kind} report, e.g. {leaks[:8]}"
    joined = " ".join(texts)
    phrases = sorted(p for p in template_phrases() if p in joined and english_left(p, people_wrote))
    assert not phrases, f"English template phrases in the German {kind} report: {phrases[:8]}"


def test_german_buyer_readiness_section_has_no_english(demo: Any, people_wrote: list[str], tmp_path: Path) -> None:
    """Section 1.4 with the buyer's own answers (the demo leaves them empty): duty titles, weak
    points and the sentences around them are German."""
    from trustframe.services.context import Services

    copy = tmp_path / "buyer.tfw"
    copy.write_bytes(Path(demo.workspace.path).read_bytes())
    services = Services.open(copy)
    try:
        assessment_id = demo_ids(services)["open"][0]
        for question in services.buyer.questions(assessment_id)[:24]:
            scored = [o for o in question.options if o.score is not None]
            if scored and question.type.value != "multiple_choice":  # the weakest answer: weak points
                services.buyer.set_answer(assessment_id, question.id, min(scored, key=lambda o: o.score).id)
        documents = german_documents(services, "assessment", [assessment_id])
    finally:
        services.close()
    texts = [t for document in documents for t in visible_texts(document)]
    assert "1.4 Bereitschaft des Auftraggebers (Ihre eigenen Pflichten)" in texts
    assert any(t == "Schwachpunkte:" for t in texts)
    leaks = sorted({t for t in texts if english_left(t, people_wrote)})
    assert not leaks, leaks[:8]


def test_template_phrases_are_found_in_an_english_report(demo: Any) -> None:
    """The phrase check can fail: the English report shows many of the phrases it looks for."""
    from trustframe.reports import pdf

    report = demo.reports.assessment_report(demo_ids(demo)["decided"][0])
    english = " ".join(t for name in pdf.assessment_templates(report)
                       for t in visible_texts(pdf.render_html(name, report=report)))
    assert len([p for p in template_phrases() if p in english]) >= 40


def _cells(path: Path) -> Iterator[tuple[str, str]]:
    workbook = openpyxl.load_workbook(path)
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        yield ws.title, ws.title
        for table in ws.tables.values():
            for column in table.tableColumns:
                yield ws.title, column.name
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    yield f"{ws.title}!{cell.coordinate}", cell.value


@pytest.mark.parametrize("kind", ["assessment", "portfolio"])
def test_german_excel_report_has_no_english(demo: Any, people_wrote: list[str], kind: str,
                                           tmp_path: Path) -> None:
    target = tmp_path / f"{kind}.xlsx"
    ids = demo_ids(demo)["open"] if kind == "assessment" else []
    demo.reports.write(kind, "xlsx", target, ids, language="de")
    leaks = sorted({f"{where}: {text}" for where, text in _cells(target) if english_left(text, people_wrote)})
    assert not leaks, f"{len(leaks)} English cells, e.g. {leaks[:8]}"


def test_german_vendor_workbook_has_no_english(demo: Any, people_wrote: list[str], tmp_path: Path) -> None:
    from trustframe.services.context import Services

    # Exporting records the export: a writable copy of the demo workspace.
    copy = tmp_path / "copy.tfw"
    copy.write_bytes(Path(demo.workspace.path).read_bytes())
    services = Services.open(copy)
    try:
        target = tmp_path / "vendor.xlsx"
        services.exchange.export_questionnaire(demo_ids(services)["open"][0], target, language="de")
    finally:
        services.close()
    # The sheet names are identifiers the import reads ("Questions"), named as such in the German
    # instructions; everything else is German.
    leaks = sorted({f"{where}: {text}" for where, text in _cells(target)
                    if where not in ("Instructions", "Questions") and english_left(text, people_wrote)})
    assert not leaks, f"{len(leaks)} English cells, e.g. {leaks[:8]}"


def test_german_pdf_text_has_no_english_template_phrase(demo: Any, people_wrote: list[str],
                                                        tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    demo.reports.write("brief", "pdf", target, demo_ids(demo)["decided"], language="de")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                              check=True).stdout
    else:  # no poppler on this machine: pypdf's text, one line per text line all the same
        import pypdf

        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    squashed = " ".join(text.split())
    assert "Entscheidungsvorlage" in squashed
    phrases = sorted(p for p in template_phrases() if p in squashed and english_left(p, people_wrote))
    assert not phrases, phrases[:8]
    lines = [line for line in text.splitlines() if english_left(line, people_wrote)]
    assert not lines, lines[:8]


def test_english_leak_is_detected(people_wrote: list[str]) -> None:
    """The detector itself: an untranslated sentence is found, German text and typed data are not."""
    assert english_left("No decision is recorded yet.", people_wrote)
    assert english_left("Punktwert 71 · 5 answers changed", people_wrote)
    assert not english_left("Noch keine Entscheidung erfasst. Punktwert 71 von 100.", people_wrote)
    typed = next(t for t in people_wrote if ENGLISH_WORDS.search(t))
    assert not english_left(f"Kommentar: {typed}", people_wrote)
