"""The exported vendor workbook: layout, protection, validation, metadata, and no formulas."""

from __future__ import annotations

import dataclasses

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from trustframe.domain.questionnaire import AnswerType, Question
from trustframe.exchange.excel_export import put_text
from trustframe.exchange.excel_import import parse_answer
from trustframe.exchange.excel_model import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    META_SHEET,
    QUESTIONS_SHEET,
    WorkbookMeta,
    join_comment,
    question_checksum,
    split_comment,
)

HOSTILE = "=cmd|' /C calc'!A0"


@pytest.fixture
def workbook(services: Any, sample_assessment: Any, tmp_path: Path) -> tuple[Any, Path]:
    services.set_setting("organisation_name", "-Ministry of Examples")
    services.assessments.set_answer(sample_assessment.id, "GOV-03", "=1+1", source=__import__(
        "trustframe.domain.assessment", fromlist=["AnswerSource"]).AnswerSource.VENDOR, comment="@SUM(A1)")
    path = tmp_path / "out.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, path, deadline=date(2026, 1, 31),
                                           contact=HOSTILE)
    return openpyxl.load_workbook(path), path


def test_sheets_and_their_visibility(workbook: tuple[Any, Path]) -> None:
    wb, _ = workbook
    assert wb.sheetnames == [INSTRUCTIONS_SHEET, QUESTIONS_SHEET, LISTS_SHEET, META_SHEET]
    assert [wb[n].sheet_state for n in wb.sheetnames] == ["visible", "visible", "veryHidden", "veryHidden"]
    assert wb.security.lockStructure
    assert all(wb[n].protection.sheet for n in wb.sheetnames)


def test_questions_sheet_layout_and_protection(workbook: tuple[Any, Path]) -> None:
    wb, _ = workbook
    ws = wb[QUESTIONS_SHEET]
    assert [c.value for c in ws[2]] == ["Question ID", "Section", "Question", "Help and allowed answers",
                                        "Required", "Answer", "Comment / explanation", "Evidence reference"]
    ids = [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)]
    assert ids == ["GOV-01", "GOV-02", "GOV-03", "VUL-01", "VUL-02", "VUL-03"]  # HW-01: not for software
    for row in range(3, ws.max_row + 1):
        locked = {ws.cell(row, col).column_letter: ws.cell(row, col).protection.locked for col in range(1, 9)}
        assert locked == {"A": True, "B": True, "C": True, "D": True, "E": True, "F": False, "G": False, "H": False}
        assert ws.cell(row, 3).alignment.wrap_text
    assert ws.freeze_panes == "B3"
    assert ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "portrait" and ws.page_setup.fitToWidth == 1   # issue 13: portrait A4/Letter
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width >= 35                # the widest column: the question
    assert 'Answer only if VUL-01 is "Yes" or "Partly"' in ws["D7"].value
    assert ws["E3"].value == "Required" and ws["E5"].value == "Optional"


def test_answer_cells_have_validations_for_their_type(workbook: tuple[Any, Path]) -> None:
    wb, _ = workbook
    ws = wb[QUESTIONS_SHEET]
    by_cell: dict[str, Any] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for row in ws[rng.coord] if ":" in rng.coord else [[ws[rng.coord]]]:
                for cell in row:
                    by_cell[cell.coordinate] = dv
    gov1, gov2, gov3, vul1, vul2, vul3 = (by_cell[f"F{r}"] for r in range(3, 9))
    assert gov1.type == "list" and gov1.formula1.startswith(f"{LISTS_SHEET}!$") or gov1.formula1.startswith(
        f"'{LISTS_SHEET}'!$")
    assert not gov1.formula1.startswith("=")
    labels = [c.value for c in wb[LISTS_SHEET]["A"]]
    assert labels == ["Yes, independently verified", "Yes, documented", "Partly", "No", "Declined to answer",
                      "Not applicable"]
    assert gov1.errorStyle == "stop"
    assert gov2.type == "list" and gov2.errorStyle == "information" and "';'" in gov2.prompt
    assert gov3.type == "textLength"
    assert vul1.type == "list" and vul1 is not gov1
    assert vul2.type == "decimal" and "days" in vul2.prompt
    assert vul3.type == "date"
    assert by_cell["G3"].type == "textLength" and by_cell["H8"].type == "textLength"


def test_instructions_say_who_what_when_and_how(workbook: tuple[Any, Path]) -> None:
    wb, _ = workbook
    ws = wb[INSTRUCTIONS_SHEET]
    facts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, 12)}
    # names anyone may have typed start with a visible apostrophe when they look like a formula
    assert facts["Requested by"] == "'-Ministry of Examples"
    assert facts["Vendor"] == "Acme Secure Ltd" and facts["Product or service"] == "Acme Gateway"
    assert facts["Deadline"] == datetime(2026, 1, 31)
    assert facts["Contact for questions"] == "'" + HOSTILE
    assert facts["Reference"].startswith("TF1:")
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "semicolon" in text and ".xlsx" in text and "yellow" in text


def test_metadata_identifies_the_export(workbook: tuple[Any, Path], services: Any, sample_assessment: Any) -> None:
    wb, _ = workbook
    ws = wb[META_SHEET]
    fields = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 9)}
    assert fields["format"] == "trustframe-exchange/2"
    assert fields["workspace_id"] == services.workspace.workspace_id
    assert fields["assessment_uid"] == services.assessments.uid(sample_assessment.id)
    (export,) = services.exchange.exports(sample_assessment.id)
    assert fields["export_uid"] == export.uid
    assert (fields["questionnaire_id"], fields["questionnaire_version"]) == ("sample-trust", "1.2.0")
    checksums = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(11, ws.max_row + 1)}
    q = services.assessments.questionnaire(sample_assessment.id)
    assert checksums == {qid: question_checksum(q.question(qid).text) for qid in export.question_ids}
    meta = WorkbookMeta(fields["workspace_id"], fields["assessment_uid"], fields["export_uid"],
                        fields["questionnaire_id"], fields["questionnaire_version"], fields["exported_at"], checksums)
    # keyed with the workspace's secret (which is not in the file): the old unkeyed seal does not match
    from trustframe.exchange.workbook_identity import keyed_seal, legacy_seal
    from trustframe.storage.export_bindings import ExportBindingRepository

    with services.workspace.reading() as session:
        key = ExportBindingRepository(session).seal_key()
    meta = dataclasses.replace(meta, format=fields["format"])
    assert fields["seal"] == keyed_seal(meta, key) != legacy_seal(meta)
    assert f"TF1:{fields['assessment_uid']}:{fields['export_uid']}" == meta.reference


def test_no_text_is_ever_written_as_a_formula(workbook: tuple[Any, Path]) -> None:
    wb, path = workbook
    formulas = [f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.data_type == "f"]
    assert formulas == []
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in z.namelist()
                       if n.startswith("xl/worksheets/"))
    ws = wb[QUESTIONS_SHEET]
    # the vendor's earlier text stays inert even as CSV: a visible apostrophe, removed again on import
    assert ws["F5"].value == "'=1+1" and ws["G5"].value == "'@SUM(A1)"


def test_put_text_neutralises_every_trigger() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for i, text in enumerate(["=A1", "+1", "-1", "@x", "\tx", "\rx", "plain", "bell\x07"], start=1):
        put_text(ws.cell(i, 1), text)
    assert [ws.cell(i, 1).data_type for i in range(1, 9)] == ["s"] * 8
    assert [ws.cell(i, 1).quotePrefix for i in range(1, 8)] == [True] * 6 + [False]
    assert ws.cell(8, 1).value == "bell"


def test_comment_and_evidence_are_kept_apart() -> None:
    for comment, evidence in [("a", "b"), ("", "b"), ("a", ""), ("line1\nline2", "ISO cert 123")]:
        assert split_comment(join_comment(comment, evidence)) == (comment, evidence)


def _q(qtype: AnswerType, **kw: Any) -> Question:
    from trustframe.domain.questionnaire import Option

    options = (Option("yes", "Yes", 1.0), Option("no", "No", 0.0), Option("a", "Yes, audited, annually", 1.0))
    return Question("Q-1", "S", "text?", qtype, options=options if qtype.has_options else (), **kw)


@pytest.mark.parametrize("qtype, cell, expected", [
    (AnswerType.SINGLE_CHOICE, "yes", "yes"),
    (AnswerType.SINGLE_CHOICE, " Yes, audited, annually ", "a"),
    (AnswerType.MULTIPLE_CHOICE, "Yes; Yes, audited, annually", ["yes", "a"]),
    (AnswerType.MULTIPLE_CHOICE, "Yes, No", ["yes", "no"]),
    (AnswerType.MULTIPLE_CHOICE, "Yes, audited, annually", ["a"]),
    (AnswerType.NUMBER, 3.0, 3),
    (AnswerType.NUMBER, "2.5", 2.5),
    (AnswerType.DATE, datetime(2024, 2, 29), "2024-02-29"),
    (AnswerType.DATE, 45000, "2023-03-15"),
    (AnswerType.TEXT, 12.0, "12"),
    (AnswerType.TEXT, "  padded  ", "padded"),
    (AnswerType.TEXT, None, None),
])
def test_parse_answer(qtype: AnswerType, cell: Any, expected: Any) -> None:
    assert parse_answer(_q(qtype), cell) == expected


@pytest.mark.parametrize("qtype, cell", [
    (AnswerType.SINGLE_CHOICE, "maybe"),
    (AnswerType.MULTIPLE_CHOICE, "Yes; perhaps"),
    (AnswerType.NUMBER, "a few"),
    (AnswerType.NUMBER, datetime(2024, 1, 1)),
    (AnswerType.DATE, "31/12/2024"),
])
def test_parse_answer_refuses(qtype: AnswerType, cell: Any) -> None:
    from trustframe.domain.answers import AnswerValueError

    with pytest.raises(AnswerValueError):
        parse_answer(_q(qtype), cell)
