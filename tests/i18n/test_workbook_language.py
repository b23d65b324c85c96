"""The vendor workbook in German (and bilingual): German questions, answers and instructions;
a German (or mixed) return imports with no errors, with German labels read as the same option ids."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from exchange_support import fill, row_of  # noqa: E402
from trustframe.domain.questionnaire import AnswerType  # noqa: E402
from trustframe.exchange import i18n  # noqa: E402
from trustframe.exchange.excel_model import COLUMN_INDEX, COLUMNS, HEADER_ROW, INSTRUCTIONS_SHEET, QUESTIONS_SHEET  # noqa: E402
from trustframe.exchange.questionnaire_translations import in_language  # noqa: E402
from trustframe.services.vendors import InvalidInput  # noqa: E402


@pytest.fixture
def bank_assessment(services: Any) -> Any:
    """A tier-3 software assessment against the bundled question bank."""
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    return services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=3)


def strings(path: Path, sheet: str) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


def test_german_workbook_has_no_english_chrome(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    english = services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "en.xlsx").path
    german = services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "de.xlsx", language="de").path
    catalogue = i18n.catalogue("de")
    for sheet in (INSTRUCTIONS_SHEET, QUESTIONS_SHEET):
        before, after = strings(english, sheet), strings(german, sheet)
        # Every text of ours (one the catalogue knows) is translated, cell by cell.
        ours = {k: v for k, v in before.items() if catalogue.knows(v)}
        assert ours, sheet
        for coordinate, text in ours.items():
            assert after[coordinate] != text, (sheet, coordinate, text)
    ws = openpyxl.load_workbook(german)[QUESTIONS_SHEET]
    shown = in_language(services.assessments.questionnaire(bank_assessment), "de")
    for qid in (q.id for q in services.assessments.scoped_questions(bank_assessment)):
        row = row_of(ws, qid)
        assert ws.cell(row, COLUMN_INDEX["text"]).value == shown.question(qid).text
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, len(COLUMNS) + 1)] == [
        catalogue.text(header) for _key, header in COLUMNS]


def _german_answers(services: Any, assessment: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Cell values typed in German for every scoped question, and the answers they must give."""
    shown = in_language(services.assessments.questionnaire(assessment), "de")
    typed: dict[str, Any] = {}
    expected: dict[str, Any] = {}
    for question in services.assessments.scoped_questions(assessment):
        german = shown.question(question.id)
        if question.type.has_options:
            option = german.options[-1]
            typed[question.id] = option.label
            expected[question.id] = [option.id] if question.type is AnswerType.MULTIPLE_CHOICE else option.id
        elif question.type is AnswerType.NUMBER:
            typed[question.id], expected[question.id] = 12, 12
        elif question.type is AnswerType.DATE:
            typed[question.id], expected[question.id] = date(2026, 11, 1), "2026-11-01"
        else:
            typed[question.id] = expected[question.id] = "Siehe Anlage"
    return typed, expected


@pytest.mark.parametrize("bilingual", [False, True])
def test_german_return_imports_with_no_errors(services: Any, bank_assessment: Any, tmp_path: Path,
                                              bilingual: bool) -> None:
    path = services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "de.xlsx", language="de",
                                                  bilingual=bilingual).path
    typed, expected = _german_answers(services, bank_assessment)
    returned = fill(path, typed)
    preview = services.exchange.preview_import(returned)
    assert not [i for i in preview.issues if i.severity == "error"], preview.issues[:5]
    services.exchange.apply_import(preview)
    answers = services.assessments.answers(bank_assessment.id)
    def plain(value: Any) -> Any:
        return list(value) if isinstance(value, (list, tuple)) else value

    assert {qid: plain(answers[qid].value) for qid in expected} == expected


def test_bilingual_workbook_puts_the_english_text_beside_each_question(services: Any, bank_assessment: Any,
                                                                       tmp_path: Path) -> None:
    path = services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "bi.xlsx", language="de",
                                                  bilingual=True).path
    ws = openpyxl.load_workbook(path)[QUESTIONS_SHEET]
    english_col = len(COLUMNS) + 1
    assert ws.cell(HEADER_ROW, english_col).value == "Frage (Englisch)"
    questionnaire = services.assessments.questionnaire(bank_assessment)
    for question in services.assessments.scoped_questions(bank_assessment):
        row = row_of(ws, question.id)
        assert ws.cell(row, english_col).value == questionnaire.question(question.id).text
        assert ws.cell(row, COLUMN_INDEX["text"]).value != question.text


def test_english_workbook_answered_with_german_labels_is_accepted(services: Any, bank_assessment: Any,
                                                                  tmp_path: Path) -> None:
    path = services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "en.xlsx").path
    typed, _expected = _german_answers(services, bank_assessment)
    preview = services.exchange.preview_import(fill(path, typed))
    assert not [i for i in preview.issues if i.severity == "error"], preview.issues[:5]


def test_an_unknown_language_is_refused(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not available"):
        services.exchange.export_questionnaire(bank_assessment.id, tmp_path / "xx.xlsx", language="xx")
    assert not (tmp_path / "xx.xlsx").exists()
