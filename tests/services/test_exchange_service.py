"""The Excel exchange service end to end: export, fill as a vendor would, preview, apply."""

from __future__ import annotations

import shutil
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

# tests/ holds helpers shared by the exchange tests of several folders (tests is not a package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from exchange_support import edit, fill, rewrite_meta, row_of  # noqa: E402
from trustframe.domain.assessment import AnswerSource, AssessmentStatus
from trustframe.errors import ExchangeError
from trustframe.exchange.excel_model import META_SHEET, QUESTIONS_SHEET, RowCategory
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

ALL = {
    "GOV-01": "Yes, documented",
    "GOV-02": "ISO/IEC 27001; SOC 2 Type II",
    "GOV-03": "A CISO and a product security team of 6.",
    "VUL-01": "Yes",
    "VUL-02": 30,
    "VUL-03": date(2025, 5, 1),
}
CANONICAL = {
    "GOV-01": "documented",
    "GOV-02": ["iso27001", "soc2"],
    "GOV-03": "A CISO and a product security team of 6.",
    "VUL-01": "yes",
    "VUL-02": 30,
    "VUL-03": "2025-05-01",
}


@pytest.fixture
def exported(services: Any, sample_assessment: Any, tmp_path: Path) -> Path:
    path = tmp_path / "to-vendor.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, path, deadline=date(2026, 1, 31),
                                           contact="Jane Buyer <jane@example.org>")
    return path


def snapshot(services: Any, assessment_id: int) -> tuple[Any, ...]:
    """Everything an import could change."""
    return (services.assessments.answers(assessment_id), services.assessments.get(assessment_id).status,
            services.exchange.imports(assessment_id), len(services.history(assessment_id)))


# -- round trip ------------------------------------------------------------------------------------


def test_round_trip_every_answer_type(services: Any, sample_assessment: Any, exported: Path) -> None:
    returned = fill(exported, ALL, comments={"GOV-01": "The CISO."}, evidence={"GOV-01": "Org chart 2025"})
    preview = services.exchange.preview_import(returned)
    assert preview.assessment_id == sample_assessment.id and preview.identified_by == "metadata"
    assert preview.counts["new"] == 6 and preview.counts["rejected"] == 0
    result = services.exchange.apply_import(preview)
    assert sorted(result.applied) == sorted(ALL)
    answers = services.assessments.answers(sample_assessment.id)
    assert {qid: a.value for qid, a in answers.items()} == CANONICAL
    assert answers["GOV-01"].comment == "The CISO.\nEvidence: Org chart 2025"
    assert all(a.source is AnswerSource.VENDOR and a.import_id == result.import_id for a in answers.values())


def test_numbers_and_dates_typed_as_text_are_accepted(services: Any, sample_assessment: Any,
                                                      exported: Path) -> None:
    returned = fill(exported, {"VUL-01": "yes", "VUL-02": "14 days", "VUL-03": "2024-12-31",
                               "GOV-02": "iso27001", "GOV-01": "  partly "})
    preview = services.exchange.preview_import(returned)
    values = {r.question_id: r.new_value for r in preview.rows if r.category is RowCategory.NEW}
    assert values == {"VUL-01": "yes", "VUL-02": 14, "VUL-03": "2024-12-31", "GOV-02": ["iso27001"],
                      "GOV-01": "partial"}


def test_provenance_and_status(services: Any, sample_assessment: Any, exported: Path) -> None:
    services.assessments.set_status(sample_assessment.id, AssessmentStatus.SENT)
    returned = fill(exported, {"VUL-01": "No"})
    preview = services.exchange.preview_import(returned)
    result = services.exchange.apply_import(preview)
    assert result.status_changed and result.status == "returned"
    assert services.assessments.get(sample_assessment.id).status is AssessmentStatus.RETURNED
    (record,) = services.exchange.imports(sample_assessment.id)
    assert record.file_name == returned.name and record.importer == "tester"
    import hashlib

    assert record.sha256 == hashlib.sha256(returned.read_bytes()).hexdigest()
    assert record.summary["applied"] == ["VUL-01"] and record.summary["counts"]["new"] == 1
    assert isinstance(record.imported_at, datetime)
    answer = services.assessments.answers(sample_assessment.id)["VUL-01"]
    assert answer.import_id == record.id and answer.source is AnswerSource.VENDOR and answer.vendor_value == "no"


def test_importing_the_same_file_twice_changes_nothing(services: Any, sample_assessment: Any,
                                                       exported: Path) -> None:
    returned = fill(exported, ALL)
    services.exchange.apply_import(services.exchange.preview_import(returned))
    before = snapshot(services, sample_assessment.id)
    again = services.exchange.preview_import(returned)
    assert again.counts["unchanged"] == 6 and not again.default_accepted
    assert again.already_imported_at is not None
    result = services.exchange.apply_import(again)
    assert result.applied == () and result.import_id is None
    assert snapshot(services, sample_assessment.id) == before


def test_export_records_what_was_sent(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    services.assessments.set_answer(sample_assessment.id, "VUL-01", "yes")
    result = services.exchange.export_questionnaire(sample_assessment.id, tmp_path / "x.xlsx")
    (record,) = services.exchange.exports(sample_assessment.id)
    assert record.uid == result.export_uid and record.file_name == "x.xlsx"
    assert record.answers == {"VUL-01": {"value": "yes", "comment": "", "prefilled": True}}
    assert record.question_ids == ("GOV-01", "GOV-02", "GOV-03", "VUL-01", "VUL-02", "VUL-03")
    assert result.prefilled_count == 1


# -- export options ----------------------------------------------------------------------------------


def test_prefill_only_open_and_no_prefill(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    sid = sample_assessment.id
    services.assessments.set_answer(sid, "VUL-01", "yes", comment="internal: call them")
    services.assessments.set_answer(sid, "GOV-01", "partial", to_confirm=True)
    full = services.exchange.export_questionnaire(sid, tmp_path / "full.xlsx")
    ws = openpyxl.load_workbook(full.path)[QUESTIONS_SHEET]
    assert ws.cell(row_of(ws, "VUL-01"), 6).value == "Yes"
    # the officer's comment is an internal note: never sent to the vendor
    assert ws.cell(row_of(ws, "VUL-01"), 7).value is None
    assert "please confirm" in ws.cell(row_of(ws, "GOV-01"), 4).value
    open_only = services.exchange.export_questionnaire(sid, tmp_path / "open.xlsx", only_open=True)
    ws = openpyxl.load_workbook(open_only.path)[QUESTIONS_SHEET]
    ids = {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)}
    assert "VUL-01" not in ids and "GOV-01" in ids  # to-confirm answers are still open
    assert open_only.question_count == 5
    bare = services.exchange.export_questionnaire(sid, tmp_path / "bare.xlsx", prefill=False)
    ws = openpyxl.load_workbook(bare.path)[QUESTIONS_SHEET]
    assert all(ws.cell(r, 6).value is None for r in range(3, ws.max_row + 1)) and bare.prefilled_count == 0


def test_vendor_confirming_a_prefilled_answer_clears_to_confirm(services: Any, sample_assessment: Any,
                                                               tmp_path: Path) -> None:
    sid = sample_assessment.id
    services.assessments.set_answer(sid, "GOV-01", "partial", to_confirm=True)
    exported = services.exchange.export_questionnaire(sid, tmp_path / "c.xlsx").path
    returned = fill(exported, {})  # returned as sent: the pre-filled answer is confirmed
    preview = services.exchange.preview_import(returned)
    row = next(r for r in preview.rows if r.question_id == "GOV-01")
    assert row.category is RowCategory.UNCHANGED and row.confirms
    services.exchange.apply_import(preview)
    assert services.assessments.answers(sid)["GOV-01"].to_confirm is False
    assert services.exchange.preview_import(returned).default_accepted == set()


def test_export_refuses_other_extensions_and_nothing_to_send(services: Any, sample_assessment: Any,
                                                              tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        services.exchange.export_questionnaire(sample_assessment.id, tmp_path / "x.xls")
    services.assessments.set_answers(sample_assessment.id, [
        __import__("trustframe.services.assessments", fromlist=["AnswerInput"]).AnswerInput(qid, v)
        for qid, v in CANONICAL.items()])
    with pytest.raises(InvalidInput, match="nothing to send"):
        services.exchange.export_questionnaire(sample_assessment.id, tmp_path / "y.xlsx", only_open=True)
    assert not (tmp_path / "y.xlsx").exists()


# -- preview categories ------------------------------------------------------------------------------


def test_preview_categories(services: Any, sample_assessment: Any, tmp_path: Path) -> None:
    sid = sample_assessment.id
    services.assessments.set_answer(sid, "GOV-01", "partial")      # will be changed by the vendor
    services.assessments.set_answer(sid, "VUL-01", "yes")          # returned as is: unchanged
    services.assessments.set_answer(sid, "GOV-03", "Old text")     # officer edits after export: conflict
    exported = services.exchange.export_questionnaire(sid, tmp_path / "cat.xlsx").path
    services.assessments.set_answer(sid, "GOV-03", "Officer's newer text")
    returned = fill(exported, {"GOV-01": "Yes, independently verified", "GOV-02": "Banana",
                               "GOV-03": "Vendor's text", "VUL-02": 12})
    preview = services.exchange.preview_import(returned)
    cats = {r.question_id: r.category for r in preview.rows}
    assert cats == {"GOV-01": RowCategory.CHANGED, "GOV-02": RowCategory.REJECTED,
                    "GOV-03": RowCategory.CONFLICT, "VUL-01": RowCategory.UNCHANGED,
                    "VUL-02": RowCategory.NEW, "VUL-03": RowCategory.EMPTY}
    changed = next(r for r in preview.rows if r.question_id == "GOV-01")
    assert (changed.old_display, changed.new_display) == ("Partly", "Yes, independently verified")
    conflict = next(r for r in preview.rows if r.question_id == "GOV-03")
    assert (conflict.base_display, conflict.old_display, conflict.new_display) == (
        "Old text", "Officer's newer text", "Vendor's text")
    assert preview.default_accepted == {"GOV-01", "VUL-02"}
    data = preview.to_dict()
    assert data["counts"] == {"new": 1, "changed": 1, "unchanged": 1, "conflicting": 1, "rejected": 1, "empty": 1}
    assert data["conflicting"][0]["question_id"] == "GOV-03"
    # the officer keeps their own answer by default...
    services.exchange.apply_import(preview)
    assert services.assessments.answers(sid)["GOV-03"].value == "Officer's newer text"
    # ...and takes the vendor's when choosing the row explicitly
    services.exchange.apply_import(services.exchange.preview_import(returned), {"GOV-03"})
    assert services.assessments.answers(sid)["GOV-03"].value == "Vendor's text"


def test_vendor_returning_the_sent_value_keeps_the_officers_later_edit(services: Any, sample_assessment: Any,
                                                                      tmp_path: Path) -> None:
    sid = sample_assessment.id
    services.assessments.set_answer(sid, "VUL-01", "yes")
    exported = services.exchange.export_questionnaire(sid, tmp_path / "k.xlsx").path
    services.assessments.set_answer(sid, "VUL-01", "partial")
    preview = services.exchange.preview_import(fill(exported, {}))
    row = next(r for r in preview.rows if r.question_id == "VUL-01")
    assert row.category is RowCategory.UNCHANGED and "your change stays" in row.note


def test_accepting_chosen_rows_only(services: Any, sample_assessment: Any, exported: Path) -> None:
    preview = services.exchange.preview_import(fill(exported, ALL))
    result = services.exchange.apply_import(preview, {"VUL-01", "VUL-02"})
    assert set(result.applied) == {"VUL-01", "VUL-02"}
    assert set(services.assessments.answers(sample_assessment.id)) == {"VUL-01", "VUL-02"}


def test_rejected_rows_cannot_be_accepted(services: Any, sample_assessment: Any, exported: Path) -> None:
    preview = services.exchange.preview_import(fill(exported, {"VUL-01": "Maybe"}))
    with pytest.raises(InvalidInput, match="rejected"):
        services.exchange.apply_import(preview, {"VUL-01"})


def test_stale_preview_is_refused_with_nothing_written(services: Any, sample_assessment: Any,
                                                       exported: Path) -> None:
    preview = services.exchange.preview_import(fill(exported, {"VUL-01": "Yes", "GOV-01": "Partly"}))
    services.assessments.set_answer(sample_assessment.id, "VUL-01", "no")
    before = snapshot(services, sample_assessment.id)
    from trustframe.errors import ConflictError

    with pytest.raises(ConflictError, match="preview"):
        services.exchange.apply_import(preview)
    assert snapshot(services, sample_assessment.id) == before


# -- validation problems with locations ------------------------------------------------------------


def problems(preview: Any) -> dict[str, str]:
    return {i.where: i.message for i in preview.issues if i.where}


def test_every_validation_problem_is_reported_with_its_cell(services: Any, sample_assessment: Any,
                                                           exported: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    ws = wb[QUESTIONS_SHEET]
    ws.protection.sheet = False  # a vendor who removes the protection can do anything
    r_gov1, r_gov2, r_gov3 = row_of(ws, "GOV-01"), row_of(ws, "GOV-02"), row_of(ws, "GOV-03")
    r_vul1, r_vul2, r_vul3 = row_of(ws, "VUL-01"), row_of(ws, "VUL-02"), row_of(ws, "VUL-03")
    ws.cell(r_gov1, 6).value = "Absolutely"                   # not an option
    ws.cell(r_gov2, 3).value = "Which certifications do you plan?"  # edited question text
    ws.cell(r_gov2, 6).value = "ISO/IEC 27001"
    ws.cell(r_gov3, 6).value = "x" * 10_001                   # text too long
    ws.cell(r_vul1, 6).value = '=IF(1,"Yes","No")'            # formula
    ws.cell(r_vul2, 6).value = "soon"                         # not a number
    ws.cell(r_vul3, 1).value = "VUL-01"                       # duplicated id
    extra = ws.max_row + 1
    ws.cell(extra, 1).value = "ZZZ-99"                        # unknown id
    ws.cell(extra, 6).value = "Yes"
    out = tmp_path / "bad.xlsx"
    wb.save(out)
    preview = services.exchange.preview_import(out)
    found = problems(preview)
    assert "is not an option of GOV-01; choose one of" in found[f"Questions!F{r_gov1}"]
    assert "text of question GOV-02 was changed" in found[f"Questions!C{r_gov2}"]
    assert "limit is 10000" in found[f"Questions!F{r_gov3}"]
    assert "Formula" in found[f"Questions!F{r_vul1}"]
    assert "number" in found[f"Questions!F{r_vul2}"]
    assert "appears 2 times" in found[f"Questions!A{r_vul3}"]
    assert "Unknown question id 'ZZZ-99'" in found[f"Questions!A{extra}"]
    assert "VUL-03 was sent but its row is missing" in " ".join(i.message for i in preview.issues)
    assert all(r.category is RowCategory.REJECTED for r in preview.rows)
    # nothing can be applied and nothing was written
    assert services.exchange.apply_import(preview).applied == ()
    assert services.assessments.answers(sample_assessment.id) == {}


def test_missing_required_answers_are_warnings(services: Any, sample_assessment: Any, exported: Path) -> None:
    preview = services.exchange.preview_import(fill(exported, {"GOV-03": "text only"}))
    # each row keeps its own warning with its cell ...
    row_issues = [i for r in preview.rows for i in r.issues if "has no answer" in i.message]
    required = {i.where for i in row_issues}
    ws = openpyxl.load_workbook(exported)[QUESTIONS_SHEET]
    assert required == {f"Questions!F{row_of(ws, q)}" for q in ("GOV-01", "GOV-02", "VUL-01", "VUL-02")}
    assert all(i.severity == "warning" for i in row_issues)
    # ... and the problems list has one grouped warning instead of one line per question
    assert not any("has no answer" in i.message for i in preview.issues)
    grouped = [i for i in preview.issues if "required questions are unanswered" in i.message]
    assert [(i.severity, i.message) for i in grouped] == [
        ("warning", "4 required questions are unanswered: GOV-01, GOV-02, VUL-01, VUL-02.")]
    assert preview.counts["new"] == 1


def test_one_missing_required_answer_keeps_its_cell(services: Any, sample_assessment: Any, exported: Path) -> None:
    preview = services.exchange.preview_import(fill(exported, {"GOV-01": "Yes, documented",
                                                               "GOV-02": "ISO/IEC 27001", "VUL-01": "No"}))
    ws = openpyxl.load_workbook(exported)[QUESTIONS_SHEET]
    assert [(i.where, i.message) for i in preview.issues if "answer" in i.message] == [
        (f"Questions!F{row_of(ws, 'VUL-02')}", "Required question VUL-02 has no answer.")]


def test_grouped_warning_names_15_questions_then_a_count() -> None:
    from trustframe.domain.questionnaire import AnswerType, Question, Questionnaire, QuestionnaireKind, Section
    from trustframe.exchange.excel_import import build_rows
    from trustframe.exchange.excel_model import CellValue, ParsedRow, ParsedWorkbook

    questions = tuple(Question(id=f"Q-{n:02d}", section_id="S", text=f"Question {n}", type=AnswerType.TEXT)
                      for n in range(1, 41))
    questionnaire = Questionnaire(id="q", version="1", title="Q", kind=QuestionnaireKind.ASSESSMENT,
                                  sections=(Section(id="S", title="S", questions=questions),))
    rows = tuple(ParsedRow(sheet="Questions", row=n + 2, question_id=CellValue("Questions", f"A{n + 2}", q.id),
                           question_text=CellValue("Questions", f"C{n + 2}", q.text),
                           answer=CellValue("Questions", f"F{n + 2}", "=1+1" if n == 40 else None, n == 40),
                           formulas=(CellValue("Questions", f"F{n + 2}", "=1+1", True),) if n == 40 else ())
                 for n, q in enumerate(questions, start=1))
    parsed = ParsedWorkbook(file_name="r.xlsx", sha256="0", size=1, sheet_names=("Questions",),
                            questions_sheet="Questions", rows=rows)
    previews, issues = build_rows(parsed, questionnaire, {q.id for q in questions}, {}, None)
    grouped = [i.message for i in issues if "unanswered" in i.message]
    assert grouped == ["39 required questions are unanswered: " + ", ".join(f"Q-{n:02d}" for n in range(1, 16))
                       + " and 24 more."]
    assert sum(1 for p in previews for i in p.issues if "has no answer" in i.message) == 39
    assert issues[0].severity == "error" and "Formula" in issues[0].message


def test_problems_list_errors_before_warnings(services: Any, sample_assessment: Any, exported: Path) -> None:
    # VUL-02 (late in the sheet) is wrong; GOV-01 and GOV-02 (earlier) are unanswered
    preview = services.exchange.preview_import(fill(exported, {"VUL-01": "Yes", "VUL-02": "soon"}))
    severities = [i.severity for i in preview.issues]
    assert severities[0] == "error" and "warning" in severities
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_text_cut_at_excels_cell_limit_is_reported_as_such(services: Any, sample_assessment: Any, exported: Path,
                                                           tmp_path: Path) -> None:
    # The vendor pasted 40,000 characters; the spreadsheet program (here openpyxl, as Excel does)
    # keeps 32,767 of them, so the file cannot tell the real length.
    returned = fill(exported, {"VUL-01": "Yes"}, comments={"VUL-01": "z" * 40_000})
    ws = openpyxl.load_workbook(returned)[QUESTIONS_SHEET]
    cell = f"Questions!G{row_of(ws, 'VUL-01')}"
    preview = services.exchange.preview_import(returned)
    assert [i.where for i in preview.issues].count(cell) == 1  # not also "together exceed"
    message = problems(preview)[cell]
    assert "32767 characters long" not in message
    assert "Excel's cell limit of 32,767 characters" in message and "may have been cut" in message
    assert "limit is 10000" in message
    # below the cell limit the real length is known and given
    returned = fill(exported, {"VUL-01": "Yes"}, comments={"VUL-01": "z" * 12_345}, out=tmp_path / "r2.xlsx")
    message = problems(services.exchange.preview_import(returned))[cell]
    assert message.startswith("The text is 12,345 characters long") and "limit is 10000" in message


def test_formula_in_a_comment_is_rejected(services: Any, sample_assessment: Any, exported: Path,
                                          tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    ws = wb[QUESTIONS_SHEET]
    ws.cell(row_of(ws, "VUL-01"), 6).value = "Yes"
    ws.cell(row_of(ws, "VUL-01"), 7).value = '=HYPERLINK("http://evil","click")'
    wb.save(tmp_path / "f.xlsx")
    preview = services.exchange.preview_import(tmp_path / "f.xlsx")
    row = next(r for r in preview.rows if r.question_id == "VUL-01")
    assert row.category is RowCategory.REJECTED and row.issues[0].where == f"Questions!G{row_of(ws, 'VUL-01')}"


# -- identity -----------------------------------------------------------------------------------------


def test_refuses_a_file_from_another_workspace(services: Any, exported: Path, tmp_path: Path,
                                               sample_dir: Path) -> None:
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    other_ws = Workspace.open(tmp_path / "other.tfw")
    other = Services(other_ws, QuestionnaireCatalog(other_ws, extra_dirs=(sample_dir,)), user="x")
    try:
        with pytest.raises(ExchangeError, match="another workspace"):
            other.exchange.preview_import(fill(exported, {"VUL-01": "Yes"}))
    finally:
        other.close()


def test_refuses_a_file_of_another_assessment(services: Any, sample_assessment: Any, exported: Path) -> None:
    second = services.assessments.create(sample_assessment.vendor_id, sample_assessment.product_id, "sample-trust")
    with pytest.raises(ExchangeError, match=f"belongs to assessment {sample_assessment.id}.*not to assessment "
                                            f"{second.id}"):
        services.exchange.preview_import(fill(exported, {"VUL-01": "Yes"}), second.id)


def test_refuses_another_questionnaire_version(services: Any, sample_assessment: Any, exported: Path,
                                               tmp_path: Path) -> None:
    # Only someone holding the workspace key can re-seal the version (the assessment's own
    # questionnaire never changes under an export); the version check still stands behind the seal.
    from trustframe.exchange.workbook_identity import keyed_seal
    from trustframe.storage.export_bindings import ExportBindingRepository

    with services.workspace.reading() as session:
        key = ExportBindingRepository(session).seal_key()
    forged = rewrite_meta(exported, tmp_path / "v13.xlsx", lambda m: keyed_seal(m, key), questionnaire_version="1.3.0")
    with pytest.raises(ExchangeError, match=r"version 1\.3\.0.*uses sample-trust@1\.2\.0"):
        services.exchange.preview_import(forged)


def _drop_meta(path: Path, out: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    del wb[META_SHEET]
    wb.save(out)
    return out


def test_dropped_metadata_needs_the_assessment_chosen_and_warns(services: Any, sample_assessment: Any,
                                                                exported: Path, tmp_path: Path) -> None:
    # Formerly the visible reference was trusted instead; it can be edited, so never again.
    from trustframe.exchange.workbook_identity import AssessmentChoiceNeeded

    returned = _drop_meta(fill(exported, {"VUL-01": "Yes"}), tmp_path / "nometa.xlsx")
    with pytest.raises(AssessmentChoiceNeeded, match="--assessment"):
        services.exchange.preview_import(returned)
    preview = services.exchange.preview_import(returned, sample_assessment.id)
    assert preview.identified_by == "argument" and preview.assessment_id == sample_assessment.id
    assert preview.verification == "unverified" and not preview.identity_verified
    assert any("could not be verified" in i.message and i.severity == "warning" for i in preview.issues)
    assert preview.counts["new"] == 1
    # the reference still names a recorded export of this assessment: conflicts are found against it
    assert preview.export_uid == services.exchange.exports(sample_assessment.id)[0].uid


def test_recovers_with_assessment_argument_when_reference_is_gone_too(services: Any, sample_assessment: Any,
                                                                     exported: Path, tmp_path: Path) -> None:
    returned = _drop_meta(fill(exported, {"VUL-01": "Yes"}), tmp_path / "nometa.xlsx")
    wb = openpyxl.load_workbook(returned)
    del wb["Instructions"]
    wb.save(returned)
    with pytest.raises(ExchangeError, match="--assessment"):
        services.exchange.preview_import(returned)
    preview = services.exchange.preview_import(returned, sample_assessment.id)
    assert preview.identified_by == "argument" and preview.counts["new"] == 1


def test_altered_metadata_is_detected(services: Any, sample_assessment: Any, exported: Path,
                                      tmp_path: Path) -> None:
    from trustframe.exchange.workbook_identity import AssessmentChoiceNeeded

    returned = fill(exported, {"VUL-01": "Yes"})
    wb = openpyxl.load_workbook(returned)
    wb[META_SHEET].cell(6, 2).value = "0.0.1"  # questionnaire_version edited by hand
    wb.save(returned)
    with pytest.raises(AssessmentChoiceNeeded, match="seal does not match"):
        services.exchange.preview_import(returned)
    preview = services.exchange.preview_import(returned, sample_assessment.id)
    assert preview.identified_by == "argument" and preview.verification == "unverified"
    assert any("seal does not match" in i.message for i in preview.issues)


def test_a_foreign_workbook_with_our_headers_is_refused(services: Any, sample_assessment: Any,
                                                        tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Question ID", "Question", "Answer"])
    ws.append(["X-1", "Something", "Yes"])
    wb.save(tmp_path / "foreign.xlsx")
    with pytest.raises(ExchangeError, match="--assessment"):
        services.exchange.preview_import(tmp_path / "foreign.xlsx")
    with pytest.raises(ExchangeError, match="None of the question ids"):
        services.exchange.preview_import(tmp_path / "foreign.xlsx", sample_assessment.id)


def test_decided_assessment_is_refused(services: Any, sample_assessment: Any, exported: Path) -> None:
    from trustframe.domain.assessment import Decision

    services.assessments.decide(sample_assessment.id, Decision.APPROVE)
    with pytest.raises(ExchangeError, match="decided"):
        services.exchange.preview_import(fill(exported, {"VUL-01": "Yes"}))


def test_text_that_looks_like_a_formula_round_trips_as_text(services: Any, sample_assessment: Any,
                                                            exported: Path) -> None:
    returned = edit(exported, exported.with_name("t.xlsx"))
    wb = openpyxl.load_workbook(returned)
    ws = wb[QUESTIONS_SHEET]
    cell = ws.cell(row_of(ws, "GOV-03"), 6)
    cell.value = "-5 people, +2 contractors"
    wb.save(returned)
    preview = services.exchange.preview_import(returned)
    row = next(r for r in preview.rows if r.question_id == "GOV-03")
    assert row.category is RowCategory.NEW and row.new_value == "-5 people, +2 contractors"


def test_copy_of_exported_file_is_the_same_import(services: Any, sample_assessment: Any, exported: Path,
                                                  tmp_path: Path) -> None:
    returned = fill(exported, {"VUL-01": "Yes"})
    copy = tmp_path / "copy.xlsx"
    shutil.copy(returned, copy)
    services.exchange.apply_import(services.exchange.preview_import(returned))
    assert services.exchange.preview_import(copy).already_imported_at is not None


def test_import_refuses_out_of_range_numbers_and_exclusive_combinations(services: Any, sample_assessment: Any,
                                                                        exported: Path) -> None:
    """Rule 6 of docs/scoring.md on import: the row is rejected with a message naming the range."""
    returned = fill(exported, {"VUL-01": "Yes", "VUL-02": -5, "GOV-02": "ISO/IEC 27001; None"})
    preview = services.exchange.preview_import(returned)
    cats = {r.question_id: r.category for r in preview.rows}
    assert cats["VUL-02"] is RowCategory.REJECTED and cats["GOV-02"] is RowCategory.REJECTED
    messages = " ".join(i.message for r in preview.rows for i in r.issues)
    assert "out of range" in messages and "between 0 and 3650 days" in messages
    assert "cannot be combined" in messages
    ok = services.exchange.preview_import(fill(exported, {"VUL-01": "Yes", "VUL-02": 3650}))
    assert {r.question_id: r.category for r in ok.rows}["VUL-02"] is RowCategory.NEW
