"""Issue 19 §4-5: the default PDF is tagged (PDF/UA-1 structure) and labelled; the PDF/A-3b variant
embeds the machine-readable results. Checked with pypdf on the files as written."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from reports_support import fill_sample  # noqa: E402
from trustframe.reports import pdf  # noqa: E402


def _elements(reader: PdfReader) -> Iterator[dict[str, Any]]:
    """Every structure element of the tagged PDF, depth first."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    stack: list[Any] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        if node.get("/Type") == "/StructElem":
            yield node
        kids = node.get("/K")
        if kids is not None:
            kids = kids.get_object()
            stack.extend(kids if isinstance(kids, list) else [kids])


@pytest.fixture
def written(services, sample_assessment, tmp_path: Path) -> tuple[Path, Any]:
    fill_sample(services, sample_assessment)
    target = tmp_path / "r.pdf"
    services.reports.write("assessment", "pdf", target, [sample_assessment.id])
    return target, services.reports.assessment_report(sample_assessment.id)


def test_default_pdf_is_tagged_with_lang_and_scoped_headers(written) -> None:
    target, report = written
    reader = PdfReader(target)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en" and "/StructTreeRoot" in root
    elements = list(_elements(reader))
    kinds = [e["/S"] for e in elements]
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Figure", "/Link"} <= set(kinds)
    headers = [e for e in elements if e["/S"] == "/TH"]
    assert headers and all("/Scope" in e["/A"].get_object() for e in headers), "every TH needs /Scope"
    scopes = {e["/A"].get_object()["/Scope"] for e in headers}
    assert scopes == {"/Column", "/Row"}  # column headers, and the row headers of the facts table
    # Every figure (chart) has a text alternative that states its numbers.
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert len(figures) >= 3 and all(e.get("/Alt") for e in figures)
    alts = " ".join(str(e["/Alt"]) for e in figures)
    for group in report.sections:
        assert f"{group.title} {group.score_text if group.score is not None else 'no scored answers'}" in alts


def test_layout_is_not_tagged_as_data_tables(written) -> None:
    """Only the data tables of the HTML become /Table: the brief, tiles, the chart beside the pillar
    table and the sign-off are laid out with divs."""
    target, report = written
    html = "".join(pdf.render_html(t, report=report) for t in pdf.assessment_templates(report))
    data_tables = len(re.findall(r'<table class="(?:data|facts)', html))
    assert html.count("<table") == data_tables
    reader = PdfReader(target)
    tables = [e for e in _elements(reader) if e["/S"] == "/Table"]
    assert len(tables) >= data_tables  # a table split over pages may be tagged per page


def test_page_labels_links_and_fonts(written) -> None:
    target, report = written
    reader = PdfReader(target)
    labels = list(reader.page_labels)
    # Front matter (brief, contents) in roman numerals, then the printed numbers, then A-1, …
    assert labels[:3] == ["i", "ii", "3"]
    appendix = labels.index("A-1")
    assert labels[appendix - 1] == str(appendix) and labels[-1] == f"A-{len(labels) - appendix}"
    uris = {annot.get_object()["/A"].get("/URI") for page in reader.pages for annot in page.get("/Annots", [])
            if annot.get_object().get("/A") is not None}
    assert "https://docs.example/iso" in uris and "https://vendor.example/vdp" in uris  # clickable evidence
    if shutil.which("pdftotext"):
        # Running headers: the brief and the contents name themselves; a body page names the chapter
        # in force at its top (a chapter starting lower down on the page does not take it over).
        pages = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        heads = [page.strip().splitlines()[0] if page.strip() else "" for page in pages]
        assert heads[0].endswith("Decision brief") and heads[1].endswith("Contents")
        assert heads[2].endswith("1 Results")
        # Every page of the report names its document and its chapter (none left blank).
        assert all(len(re.split(r"\s{3,}", head)) == 2 for head in heads[:appendix]), heads
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
        names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
        assert sorted(names) == sorted(set(names)), f"a font embedded twice in the joined report: {names}"


def test_pdf_a3b_embeds_results_json_and_excel(services, sample_assessment, tmp_path: Path) -> None:
    fill_sample(services, sample_assessment)
    target = tmp_path / "a.pdf"
    services.reports.write("assessment", "pdf", target, [sample_assessment.id], pdf_variant="pdf/a-3b")
    reader = PdfReader(target)
    files = reader.attachments
    stem = f"assessment-{sample_assessment.id}"
    assert set(files) == {f"{stem}-results.json", f"{stem}.xlsx"}
    data = json.loads(files[f"{stem}-results.json"][0])
    score = services.scoring.score(sample_assessment.id)
    assert data["assessment_id"] == sample_assessment.id and data["score"]["rating"] == score.rating.value
    assert files[f"{stem}.xlsx"][0][:2] == b"PK"
    associated = [a.get_object() for a in reader.trailer["/Root"]["/AF"]]
    assert sorted(a["/F"] for a in associated) == sorted(files)  # each listed once, as associated file
    assert all(a["/AFRelationship"] == "/Data" for a in associated)
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    # The default PDF embeds nothing.
    services.reports.write("assessment", "pdf", tmp_path / "d.pdf", [sample_assessment.id])
    assert PdfReader(tmp_path / "d.pdf").attachments == {}


def test_link_url_only_allows_http_and_https() -> None:
    from trustframe.reports.model import link_url

    assert link_url("https://vendor.example/vdp") == "https://vendor.example/vdp"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "http:///x", "https://a b", "", None, "ftp://x.example"):
        assert link_url(bad) == ""
