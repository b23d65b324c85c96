"""The export and import dialogs driven with real widgets (offscreen)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from exchange_support import fill  # noqa: E402
from trustframe.exchange.excel_model import RowCategory  # noqa: E402
from trustframe.ui.dialogs.import_dialog import COL_CATEGORY, COL_CHECK, CATEGORY_COLOURS, ImportDialog  # noqa: E402
from trustframe.ui.dialogs.export_dialog import ExportDialog  # noqa: E402


def _idle(qtbot: Any, dialog: Any) -> None:
    """Wait until the import dialog's background preview or apply is done (it runs off the GUI thread)."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30000)


@pytest.fixture
def ctx(services: Any, qapp: Any) -> Any:
    from trustframe.ui.context import UiContext

    return UiContext(services, settings=None)


def test_export_dialog_writes_the_workbook(qtbot: Any, ctx: Any, sample_assessment: Any, tmp_path: Path) -> None:
    target = tmp_path / "vendor.xlsx"
    dialog = ExportDialog(ctx, sample_assessment.id, target)
    qtbot.addWidget(dialog)
    assert not dialog.assessment_combo.isEnabled() and dialog.path_edit.text() == str(target)
    assert "6 questions will be sent" in dialog.summary_label.text()
    dialog.only_open_check.setChecked(True)
    dialog.deadline_edit.setDate(QDate(2026, 4, 30))
    dialog.contact_edit.setText("Jane <jane@example.org>")
    assert dialog.options() == {"prefill": True, "only_open": True, "deadline": date(2026, 4, 30),
                                "contact": "Jane <jane@example.org>"}
    dialog.buttons.accepted.emit()
    assert dialog.export_result is not None and target.exists() and dialog.export_result.question_count == 6
    assert dialog.error_text == ""


def test_export_dialog_without_assessment_offers_a_choice(qtbot: Any, ctx: Any, sample_assessment: Any,
                                                          tmp_path: Path) -> None:
    dialog = ExportDialog(ctx, None)
    qtbot.addWidget(dialog)
    assert dialog.assessment_combo.isEnabled() and dialog.assessment_id == sample_assessment.id
    assert dialog.path_edit.text().endswith("Acme-Secure-Ltd-Acme-Gateway-questionnaire.xlsx")
    dialog.path_edit.setText(str(tmp_path / "wrong.txt"))
    dialog.buttons.accepted.emit()
    assert ".xlsx" in dialog.error_text and dialog.export_result is None


def test_import_dialog_previews_and_applies_selected_rows(qtbot: Any, ctx: Any, services: Any,
                                                          sample_assessment: Any, tmp_path: Path) -> None:
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    returned = fill(sent, {"VUL-01": "Yes", "GOV-01": "Partly", "GOV-02": "Bananas"})
    dialog = ImportDialog(ctx, None, returned)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert dialog.preview is not None
    categories = {dialog.table.item(i, COL_CHECK).data(Qt.ItemDataRole.UserRole):
                  dialog.table.item(i, COL_CATEGORY).text() for i in range(dialog.table.rowCount())}
    assert categories["VUL-01"] == "New answer" and categories["GOV-02"] == "Rejected"
    rejected_row = next(i for i in range(dialog.table.rowCount())
                        if dialog.table.item(i, COL_CHECK).data(Qt.ItemDataRole.UserRole) == "GOV-02")
    assert dialog.table.item(rejected_row, COL_CATEGORY).background().color().name().upper() == \
        CATEGORY_COLOURS[RowCategory.REJECTED]
    assert dialog.checked_ids() == {"VUL-01", "GOV-01"}
    assert any("Questions!F4" in dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count()))
    assert dialog.table.isRowHidden(next(i for i in range(dialog.table.rowCount()) if dialog.table.item(
        i, COL_CHECK).data(Qt.ItemDataRole.UserRole) == "VUL-03"))
    dialog.set_checked("GOV-01", False)
    assert dialog.import_button.text() == "Import 1 selected"
    dialog.buttons.accepted.emit()
    _idle(qtbot, dialog)
    assert dialog.import_result is not None and dialog.import_result.applied == ("VUL-01",)
    assert set(services.assessments.answers(sample_assessment.id)) == {"VUL-01"}


def test_import_dialog_shows_a_refusal_inline(qtbot: Any, ctx: Any, sample_assessment: Any, tmp_path: Path) -> None:
    bad = tmp_path / "answers.csv"
    bad.write_text("x")
    dialog = ImportDialog(ctx, sample_assessment.id, bad)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert dialog.preview is None and "CSV" in dialog.error_text
    assert not dialog.import_button.isEnabled()


def test_import_dialog_groups_unanswered_required_questions(qtbot: Any, ctx: Any, services: Any,
                                                            sample_assessment: Any, tmp_path: Path) -> None:
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    returned = fill(sent, {"GOV-03": "A CISO.", "VUL-02": "soon"})
    dialog = ImportDialog(ctx, None, returned)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    texts = [dialog.problems_list.item(i).text() for i in range(dialog.problems_list.count())]
    assert not any("has no answer" in t for t in texts)
    assert sum("required questions are unanswered: GOV-01, GOV-02, VUL-01" in t for t in texts) == 1
    assert texts[0].startswith("[error]")  # errors before warnings


#: A problem as long as the real ones get (a list of unanswered required questions), and one with
#: a single "word" wider than the dialog (a file name with no space, hyphen or slash to break at):
#: Qt's word wrap alone cannot break that one.
LONG_IDS = ", ".join(f"SDL-{n:02d}" for n in range(1, 60))
LONG_NAME = "_".join(["acme_secure_gateway_returned_questionnaire"] * 5) + ".xlsx"


@pytest.fixture
def long_problems_dialog(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> Any:
    """The import dialog over a real returned workbook whose preview also has two long problems."""
    from dataclasses import replace

    from trustframe.errors import Issue

    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    returned = fill(sent, {"VUL-01": "Yes", "GOV-02": "Bananas"})
    real_preview = services.exchange.preview_import
    extra = (Issue(f"59 required questions are unanswered: {LONG_IDS}.", file=returned.name, where="Questions",
                   severity="warning"),
             Issue(f"The evidence file {LONG_NAME} named in the comment is not in the workspace.",
                   file=returned.name, where="Questions!H12", severity="warning"))
    monkeypatch.setattr(services.exchange, "preview_import",
                        lambda *args, **kwargs: replace(real_preview(*args, **kwargs),
                                                        issues=real_preview(*args, **kwargs).issues + extra))
    dialog = ImportDialog(ctx, None, returned)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    return dialog


def _problem_items(dialog: Any) -> list[Any]:
    return [dialog.problems_list.item(i) for i in range(dialog.problems_list.count())]


@pytest.mark.parametrize("size", [(1024, 768), (620, 560)], ids=["1024x768", "narrow"])
def test_import_problems_wrap_instead_of_scrolling_sideways(qtbot: Any, long_problems_dialog: Any,
                                                            size: tuple[int, int]) -> None:
    dialog = long_problems_dialog
    problems = dialog.problems_list
    dialog.resize(*size)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= size[0]
    items = _problem_items(dialog)
    long_item = next(item for item in items if LONG_IDS in item.text())
    path_item = next(item for item in items if LONG_NAME in item.text())
    line = problems.fontMetrics().height()
    # Item views lay out their items after the resize events; do it now for this width.
    QApplication.processEvents()
    problems.doItemsLayout()

    assert problems.horizontalScrollBar().maximum() == 0
    viewport = problems.viewport().width()
    for item in items:                          # every problem fits the visible width...
        assert problems.visualItemRect(item).width() <= viewport
    # ...by wrapping: the id list and the unbreakable file name take several lines each
    assert problems.visualItemRect(long_item).height() > 2 * line
    assert problems.visualItemRect(path_item).height() > 2 * line
    # the whole text, with its location, is still there: in the item and in its tooltip
    assert long_item.text() == f"[warning] Questions: 59 required questions are unanswered: {LONG_IDS}."
    assert long_item.toolTip() == long_item.text() and path_item.toolTip() == path_item.text()
    assert any("Questions!F" in item.text() for item in items)   # the rejected row's cell


def test_import_problem_activation_shows_its_row(qtbot: Any, long_problems_dialog: Any) -> None:
    dialog = long_problems_dialog
    rejected = next(item for item in _problem_items(dialog) if "Bananas" in item.text() or "[error]" in item.text())
    dialog.problems_list.itemActivated.emit(rejected)
    selected = dialog.table.selectionModel().selectedRows()
    assert selected and dialog.table.item(selected[0].row(), COL_CHECK).data(Qt.ItemDataRole.UserRole) == "GOV-02"


# -- workbook identity (issue 12) ----------------------------------------------------------------


def _no_questions(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record every message box instead of showing it."""
    from trustframe.ui import messages

    shown: list[Any] = []

    def present(_parent: Any, message: Any) -> bool:
        shown.append(message)
        return False

    monkeypatch.setattr(messages, "presenter", present)
    return shown


def test_import_dialog_names_the_target_and_asks_nothing_for_a_genuine_return(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _no_questions(monkeypatch)
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    dialog = ImportDialog(ctx, None, fill(sent, {"VUL-01": "Yes"}))
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.identity_verified
    summary = dialog.summary_label.text()
    assert "assessment #1" in summary and "vendor Acme Secure Ltd" in summary and "product Acme Gateway" in summary
    assert "sent to Acme Secure Ltd" in summary
    assert dialog.identity_label.isHidden() and dialog.assessment_picker.isHidden()
    dialog.buttons.accepted.emit()
    _idle(qtbot, dialog)
    assert dialog.import_result is not None and dialog.import_result.applied == ("VUL-01",) and shown == []


def test_import_dialog_makes_the_officer_choose_when_identity_is_lost(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    _no_questions(monkeypatch)
    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    wb = openpyxl.load_workbook(fill(sent, {"VUL-01": "Yes"}))
    del wb["_trustframe_meta"]
    wb.save(tmp_path / "nometa.xlsx")
    dialog = ImportDialog(ctx, None, tmp_path / "nometa.xlsx")
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    # not matched by its visible reference: nothing previewed until the officer chooses
    assert dialog.preview is None and not dialog.assessment_picker.isHidden()
    assert dialog.assessment_picker.currentData() is None and not dialog.import_button.isEnabled()
    assert "never trusted" in dialog.error_text
    dialog.choose_assessment(sample_assessment.id)
    _idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.verification == "unverified"
    assert not dialog.identity_label.isHidden() and "NOT verified" in dialog.identity_label.text()
    assert "vendor Acme Secure Ltd" in dialog.summary_label.text()
    # opened from the assessment's screen: previewed at once, the choice shown and changeable
    hostile = tmp_path / "<img src=x>nometa.xlsx"
    hostile.write_bytes((tmp_path / "nometa.xlsx").read_bytes())
    from_screen = ImportDialog(ctx, sample_assessment.id, hostile)
    qtbot.addWidget(from_screen)
    _idle(qtbot, from_screen)
    assert from_screen.preview is not None and from_screen.preview.verification == "unverified"
    assert not from_screen.assessment_picker.isHidden()
    assert from_screen.assessment_picker.currentData() == sample_assessment.id
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in (from_screen.summary_label, from_screen.identity_label, from_screen.error_label))


def test_import_dialog_confirms_an_old_style_seal(qtbot: Any, ctx: Any, services: Any, sample_assessment: Any,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exchange_support import rewrite_meta

    from trustframe.exchange.excel_model import LEGACY_EXCHANGE_FORMAT
    from trustframe.exchange.workbook_identity import legacy_seal
    from trustframe.storage.orm import ExportBindingRow

    shown = _no_questions(monkeypatch)  # answers No
    sent = tmp_path / "sent.xlsx"
    uid = services.exchange.export_questionnaire(sample_assessment.id, sent).export_uid
    with services.workspace.transaction() as session:  # an export made before the keyed seal
        session.get(ExportBindingRow, uid).seal = "sha256"
    old = rewrite_meta(fill(sent, {"VUL-01": "Yes"}), tmp_path / "old.xlsx", legacy_seal,
                       format=LEGACY_EXCHANGE_FORMAT)
    dialog = ImportDialog(ctx, None, old)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert len(shown) == 1 and shown[0].kind == "question" and "cannot be verified" in shown[0].text
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    from trustframe.ui import messages

    monkeypatch.setattr(messages, "presenter", lambda _p, m: shown.append(m) or True)  # answers Yes
    dialog.load_preview()
    _idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.verification == "legacy-seal"
    assert "NOT verified" in dialog.identity_label.text() and len(shown) == 2


def test_import_dialog_asks_before_importing_a_return_that_lost_rows(
        qtbot: Any, ctx: Any, services: Any, sample_assessment: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from exchange_support import row_of
    from trustframe.exchange.excel_model import QUESTIONS_SHEET

    sent = tmp_path / "sent.xlsx"
    services.exchange.export_questionnaire(sample_assessment.id, sent)
    wb = openpyxl.load_workbook(fill(sent, {"VUL-01": "Yes", "GOV-01": "Partly"}))
    ws = wb[QUESTIONS_SHEET]
    ws.protection.sheet = False
    ws.delete_rows(row_of(ws, "VUL-02"))
    lost = tmp_path / "lost.xlsx"
    wb.save(lost)
    shown = _no_questions(monkeypatch)  # answers No
    dialog = ImportDialog(ctx, None, lost)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.missing_rows == ("VUL-02",)
    dialog.buttons.accepted.emit()
    _idle(qtbot, dialog)
    assert shown and "VUL-02" in shown[-1].text and dialog.import_result is None
    assert "Nothing was imported" in dialog.error_text
    assert services.assessments.answers(sample_assessment.id) == {}
    from trustframe.ui import messages

    monkeypatch.setattr(messages, "presenter", lambda _p, m: True)  # answers Yes
    dialog.buttons.accepted.emit()
    _idle(qtbot, dialog)
    assert dialog.import_result is not None and set(dialog.import_result.applied) == {"VUL-01", "GOV-01"}
