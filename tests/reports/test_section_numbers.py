"""Report sections are numbered by the templates' outline (trustframe/reports/outline.py), not by hand.

The rendered HTML of the assessment report (English and German, the demo workspace's and one with
regulatory overlays and buyer readiness, each also with those optional sections left out) has its
chapters numbered 1..N and the numbered sub-sections of chapter k numbered k.1..k.M, without gaps
or duplicates; the contents list shows the same numbers as the headings, and every "section N"
cross reference names a section that exists.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from trustframe.reports import pdf
from trustframe.reports.outline import Outline

_HEADING = re.compile(r"<h([12])\b[^>]*>(.*?)</h\1>", re.DOTALL)
_TOC = re.compile(r'<nav class="toc">(.*?)</nav>', re.DOTALL)
_TOC_ENTRY = re.compile(r'<a href="#([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)
_NUMBERED = re.compile(r"(\d+(?:\.\d+)*) (\S.*)")
_TAG = re.compile(r"<[^>]+>")
#: "section 3", "Abschnitt 1.4": a cross reference in the text
_REFERENCE = re.compile(r"\b(?:section|Abschnitt) (\d+(?:\.\d+)*)")


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAG.sub("", fragment)).split())


def numbered_headings(document: str) -> list[tuple[int, str, str]]:
    """(level, number, title) of every numbered h1/h2, in document order."""
    out = []
    for level, inner in _HEADING.findall(document):
        match = _NUMBERED.fullmatch(_text(inner))
        if match:
            out.append((int(level), match[1], match[2]))
    return out


def check_numbering(document: str) -> list[str]:
    """Every way the numbers of ``document`` are wrong (empty when they are right)."""
    problems = []
    headings = numbered_headings(document)
    chapter, sub = 0, 0
    for level, number, title in headings:
        if level == 1:
            chapter, sub = chapter + 1, 0
            expected = str(chapter)
        else:
            sub += 1
            expected = f"{chapter}.{sub}"
        if number != expected:
            problems.append(f"{number} {title}: expected {expected}")
    if not headings:
        problems.append("no numbered heading")
    toc = _TOC.search(document)
    if toc:
        listed = [_text(inner) for _id, inner in _TOC_ENTRY.findall(toc[1])]
        listed_numbers = [m[1] for m in (_NUMBERED.fullmatch(t) for t in listed) if m]
        if listed_numbers != [number for _level, number, _title in headings]:
            problems.append(f"contents {listed_numbers} differ from the headings {[h[1] for h in headings]}")
    existing = {number for _level, number, _title in headings}
    start = document.find("<body")  # the <title> and meta tags are not text
    body = _text(document[max(start, 0):])
    for reference in _REFERENCE.findall(body):
        if reference not in existing:
            problems.append(f"a cross reference to section {reference}, which does not exist")
    return problems


def variants(report: Any) -> Iterator[tuple[str, Any]]:
    """The report as built, and with each optional results section left out."""
    yield "as built", report
    if report.buyer:
        yield "no buyer readiness", replace(report, buyer=None)
    if report.overlays:
        yield "no overlays", replace(report, overlays=())
    if report.buyer or report.overlays:
        yield "neither", replace(report, buyer=None, overlays=())


def _english(report: Any) -> str:
    return pdf.render_html("assessment.html", report=report)


# -- the outline itself ------------------------------------------------------------------------------

def test_outline_counts_levels_and_skips_absent_sections() -> None:
    numbers = Outline([("a", 1, "A"), ("a1", 2, "A1"), ("a2", 2, "A2", False), ("a3", 2, "A3"),
                       ("b", 1, "B", 0), ("c", 1, "C"), ("c1", 2, "C1")])
    assert [(s.id, s.number) for s in numbers.entries] == [("a", "1"), ("a1", "1.1"), ("a3", "1.2"), ("c", "2"),
                                                           ("c1", "2.1")]
    assert numbers.no("a3") == "1.2" and "a2" not in numbers
    with pytest.raises(KeyError, match="left out"):
        numbers.no("a2")
    with pytest.raises(KeyError, match="not declared"):
        numbers.no("zz")


@pytest.mark.parametrize("declared", [
    [("a", 1, "A"), ("a", 1, "again")],       # twice
    [("a1", 2, "A1")],                        # a sub-section before any chapter
    [("a", 4, "A")],                          # too deep
    [("a", 1)],                               # no title
])
def test_outline_refuses_a_wrong_declaration(declared: list[tuple[Any, ...]]) -> None:
    with pytest.raises(ValueError):
        Outline(declared)


def test_the_check_finds_gaps_and_duplicates() -> None:
    good = '<nav class="toc"><a href="#a">1 A</a><a href="#b">2 B</a></nav><h1>1 A</h1><h1>2 B</h1>'
    assert check_numbering(good) == []
    assert check_numbering(good.replace("<h1>2 B</h1>", "<h1>3 B</h1>"))  # a gap
    assert check_numbering(good.replace("<h1>2 B</h1>", "<h1>1 B</h1>"))  # a duplicate
    assert check_numbering(good + "<h2>2.2 Sub</h2>")  # sub-section 2.2 without 2.1
    assert check_numbering(good + "<p>see section 4</p>")  # a reference to nothing


# -- the assessment report with overlays and buyer readiness ----------------------------------------

def _with_overlays(services: Any) -> Any:
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = services.assessments.create(vendor.id, product.id, tier=1, overlays=["eu-nis2", "us-far-889"])
    module = services.buyer.module(a.id)
    first = module.sections[0].questions[0]
    services.buyer.set_answer(a.id, first.id, first.options[0].id)
    return services.reports.assessment_report(a.id, date(2026, 6, 1))


def test_sections_are_numbered_with_and_without_the_optional_sections(services: Any) -> None:
    report = _with_overlays(services)
    assert report.buyer and report.overlays
    seen = {}
    for name, variant in variants(report):
        document = _english(variant)
        assert check_numbering(document) == [], name
        seen[name] = {title: number for _level, number, title in numbered_headings(document)}
    assert seen["as built"]["Buyer readiness (your own duties)"] == "1.4"
    assert seen["as built"]["Regulatory overlays"] == "1.5"
    assert seen["no buyer readiness"]["Regulatory overlays"] == "1.4"  # moved up, no gap
    assert "Regulatory overlays" not in seen["no overlays"] and "Regulatory overlays" not in seen["neither"]
    assert seen["neither"]["Red flags and gaps"] == "2"


# -- the demo workspace's report, in English and German ----------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo_workspace

    target = tmp_path_factory.mktemp("demo") / "demo.tfw"
    build_demo_workspace(target)
    services = Services.open(target, read_only=True)
    yield services
    services.close()


@pytest.mark.slow
def test_demo_assessment_report_is_numbered_in_english_and_german(demo: Any) -> None:
    from trustframe.services.reports import _report_translator

    # the portfolio names the decided assessments (no service listing needed)
    assessment_id = demo.reports.portfolio_report().decided[0].assessment_id
    english = demo.reports.assessment_report(assessment_id)
    german = demo.reports.assessment_report(assessment_id, language="de")
    translator = _report_translator(demo, "de", "assessment", [assessment_id])
    assert translator is not None
    for name, variant in variants(english):
        document = _english(variant)
        assert check_numbering(document) == [], f"English, {name}"
        assert [n for _l, n, _t in numbered_headings(document)][:2] == ["1", "1.1"]
    for name, variant in variants(german):
        document = translator.html(_english(variant))
        assert check_numbering(document) == [], f"German, {name}"
        titles = {title: number for _level, number, title in numbered_headings(document)}
        assert titles["Ergebnisse"] == "1" and titles["Warnsignale und Lücken"] == "2", titles
        assert "1,1" not in " ".join(titles.values())  # a section number is never a decimal


@pytest.mark.slow
def test_portfolio_and_comparison_are_numbered(demo: Any) -> None:
    report = demo.reports.portfolio_report()
    portfolio = pdf.render_html("portfolio.html", report=report)
    assert check_numbering(portfolio) == []
    assert [n for _l, n, _t in numbered_headings(portfolio)] == ["1", "2", "3"]
    ids = [row.assessment_id for row in report.decided + report.in_progress][:2]
    comparison = pdf.render_html("comparison.html", report=demo.reports.comparison_report(ids))
    assert check_numbering(comparison) == []
    assert [n for _l, n, _t in numbered_headings(comparison)] == ["1", "2", "3", "4"]


def test_no_template_writes_a_section_number_by_hand() -> None:
    templates = Path(pdf.__file__).resolve().parents[2] / "report_templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<h[12]\b[^>]*>\s*\d", text), template.name
        assert not re.search(r"\bsection \d", text), template.name
