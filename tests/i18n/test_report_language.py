"""Reports in German: words from the catalogue and the bank overlay, German dates and numbers,
/Lang de in the PDF; vendor text is never altered, and an unknown language is refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from trustframe.exchange import i18n
from trustframe.exchange.questionnaire_translations import in_language
from trustframe.exchange.reports_language import ReportTranslator


@pytest.fixture
def bank_assessment(services: Any) -> Any:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=3)
    questions = services.assessments.scoped_questions(assessment)
    for question in questions[:12]:
        if question.type.has_options and question.type.value != "multiple_choice":
            services.assessments.set_answer(assessment.id, question.id, question.options[-1].id)
    return assessment


def test_translator_uses_catalogue_bank_dates_and_numbers(services: Any, bank_assessment: Any) -> None:
    questionnaire = services.assessments.questionnaire(bank_assessment)
    translator = ReportTranslator("de", [questionnaire])
    german = in_language(questionnaire, "de")
    question, shown = next(questionnaire.iter_questions()), next(german.iter_questions())
    assert translator.text("Residual risk") == "Restrisiko"
    assert translator.text(question.text) == shown.text
    assert translator.text(f"Action: {question.red_flags[0].mitigation}" if question.red_flags else "x") != (
        f"Action: {question.red_flags[0].mitigation}" if question.red_flags else "")
    assert translator.text("2026-12-06") == i18n.format_date(date(2026, 12, 6), "de") == "06.12.2026"
    assert translator.text("71.9") == "71,9"
    assert translator.text("TLS 1.2 only") == "TLS 1.2 only"  # not a bare number: dots kept
    assert translator.text("Our own wording, Residual risk") == "Our own wording, Residual risk"


def test_html_is_translated_escaped_and_marked_german(services: Any, bank_assessment: Any) -> None:
    translator = ReportTranslator("de", [services.assessments.questionnaire(bank_assessment)])
    page = ('<html lang="en"><head><style>p::after { content: "Residual risk"; }</style></head>'
            '<body><h2>Residual risk</h2><p>&lt;script&gt;Residual risk</p><img alt="Score"></body></html>')
    out = translator.html(page)
    assert out.startswith('<html lang="de">')
    assert "<h2>Restrisiko</h2>" in out and 'alt="Punktwert"' in out
    assert 'content: "Residual risk"' in out  # style blocks are left alone
    assert "&lt;script&gt;Residual risk" in out  # vendor-like text that is not an exact entry is kept, escaped
    assert "Seite" in out  # the running page footer


@pytest.mark.slow
def test_german_pdf_report_has_lang_de_and_no_english_chrome(services: Any, bank_assessment: Any,
                                                             tmp_path: Path) -> None:
    import pypdf

    def text_of(language: str) -> str:
        target = tmp_path / f"report-{language}.pdf"
        services.reports.write("assessment", "pdf", target, [bank_assessment.id], include_appendix=False,
                               language=language)
        reader = pypdf.PdfReader(target)
        if language == "de":
            assert reader.trailer["/Root"]["/Lang"] == "de"
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    english, german = text_of("en"), text_of("de")
    catalogue = i18n.catalogue("de")
    # Every heading and sentence of ours that the English report shows (and the catalogue has)
    # is gone from the German one: translated, not left beside it.
    ours = [m for m, t in catalogue.messages.items() if len(m) >= 12 and m != t and m in english]
    assert len(ours) >= 10
    left = [m for m in ours if m in german and catalogue.messages[m] not in german]
    assert not left, left[:10]
    assert "Seite" in german and "Warnsignal" in german


@pytest.mark.slow
def test_german_pdf_starts_with_a_german_decision_brief(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    import pypdf

    target = tmp_path / "report.pdf"
    services.reports.write("assessment", "pdf", target, [bank_assessment.id], include_appendix=False, language="de")
    reader = pypdf.PdfReader(target)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    text = "\n".join(page.extract_text() for page in reader.pages[:3])
    # Page 1 is the decision brief (issue 19), which replaced the executive summary.
    low = text.lower()
    assert "entscheidungsvorlage" in low and "Was die Einstufung bestimmt" in text and "restrisiko" in low
    assert "decision brief" not in low and "residual risk" not in low


def test_german_excel_report(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    services.reports.write("assessment", "xlsx", target, [bank_assessment.id], language="de")
    english = tmp_path / "report-en.xlsx"
    services.reports.write("assessment", "xlsx", english, [bank_assessment.id])
    de, en = openpyxl.load_workbook(target), openpyxl.load_workbook(english)
    assert de.properties.language == "de"
    catalogue = i18n.catalogue("de")
    changed = known = 0
    for ws_en, ws_de in zip(en.worksheets, de.worksheets):
        for row in ws_en.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and catalogue.knows(cell.value):
                    known += 1
                    changed += ws_de[cell.coordinate].value != cell.value
    assert known and changed == known


def test_unknown_report_language_is_refused(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    from trustframe.services.reports import ReportError

    with pytest.raises(ReportError, match="not available"):
        services.reports.write("assessment", "xlsx", tmp_path / "r.xlsx", [bank_assessment.id], language="xx")
    assert not (tmp_path / "r.xlsx").exists()


def test_joined_shortened_and_typed_texts(services: Any, bank_assessment: Any) -> None:
    """Lists of bank texts, shortened conditions and numbers are translated; vendor text that
    only looks like them is left whole."""
    questionnaire = services.assessments.questionnaire(bank_assessment)
    translator = ReportTranslator("de", [questionnaire])
    flags = [f for q in questionnaire.iter_questions() for f in q.red_flags][:3]
    german = {f.id: f for q in in_language(questionnaire, "de").iter_questions() for f in q.red_flags}
    joined = "; ".join(f.title for f in flags) + "."
    assert translator.text(joined) == "; ".join(german[f.id].title for f in flags) + "."
    # A vendor's own list with one known part is not partly translated.
    assert translator.text(f"{flags[0].title}; our own words") == f"{flags[0].title}; our own words"
    # "{n#} of {m#}" matches numbers only.
    assert translator.text("2 of 3") == "2 von 3"
    assert translator.text("Part of the plan") == "Part of the plan"
    # A condition the brief shortened keeps its translated start.
    flag, question = flags[0], next(q for q in questionnaire.iter_questions() if flags[0] in q.red_flags)
    condition = f"{question.id} – {flag.title}: {flag.mitigation}"
    shortened = condition[: len(question.id) + len(flag.title) + 20] + "…"
    out = translator.text(shortened)
    assert out.startswith(f"{question.id} – {german[flag.id].title}: ") and out.endswith("…")
    assert flag.mitigation[:12] not in out
    # Thresholds get the German decimal mark, a version number keeps its dots.
    assert translator.text("Weighted exposure 0.98 gives tier 1 (thresholds 0.7 / 0.55 / 0.4).") == \
        "Gewichtete Exposition 0,98 ergibt Stufe 1 (Schwellen 0,7 / 0,55 / 0,4)."
    assert translator.text("Acme Gateway, version 7.4 · Cloud service") == "Acme Gateway, Version 7.4 · Cloud-Dienst"
    assert "TrustFrame 0.1.0 am" in translator.text(
        "Confidential – for procurement decision-making. Generated with TrustFrame 0.1.0 on 2026-12-06.")


def test_german_excel_report_tables_and_lists_stay_consistent(services: Any, bank_assessment: Any,
                                                              tmp_path: Path) -> None:
    """Sheet titles are German, each table's column names equal its header cells (else Excel
    repairs the file) and the plan's status list offers the German words the cells use."""
    target = tmp_path / "report.xlsx"
    services.reports.write("assessment", "xlsx", target, [bank_assessment.id], language="de")
    workbook = openpyxl.load_workbook(target)
    assert "Zusammenfassung" in workbook.sheetnames and "Maßnahmenplan" in workbook.sheetnames
    for ws in workbook.worksheets:
        for table in ws.tables.values():
            header = [cell.value for cell in ws[table.ref][0]]
            assert [c.name for c in table.tableColumns] == header
    plan = workbook["Maßnahmenplan"]
    lists = [v.formula1 for v in plan.data_validations.dataValidation if v.type == "list"]
    assert lists and all("Offen" in formula and "Open" not in formula for formula in lists)
