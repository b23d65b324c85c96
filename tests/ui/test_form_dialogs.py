"""Form dialogs (issue 13 §4): the focus starts on the first field, never on Save, so a space
cannot submit; date fields keep what was typed, open their calendar on today's month and stay
empty when skipped; disabled buttons and actions look disabled in the app's stylesheet."""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QDialog, QRadioButton

from tests.ui.assessment_ui_support import activate, ctx, no_dialogs  # noqa: F401 (fixtures)


@pytest.fixture
def settings_ctx(ctx: Any) -> Any:
    from trustframe.ui.settings import AppSettings

    ctx.settings = AppSettings()
    return ctx


def _dialogs(ctx: Any, a: Any) -> dict[str, Callable[[], QDialog]]:
    from trustframe.ui.dialogs.decision_dialog import DecisionDialog
    from trustframe.ui.dialogs.evidence_dialog import EvidenceDialog
    from trustframe.ui.dialogs.evidence_link_dialog import EvidenceLinkDialog
    from trustframe.ui.dialogs.export_dialog import ExportDialog
    from trustframe.ui.dialogs.import_dialog import ImportDialog
    from trustframe.ui.dialogs.report_dialog import ReportDialog
    from trustframe.ui.dialogs.name_dialog import NameDialog
    from trustframe.ui.dialogs.override_dialog import OverrideAnswerDialog
    from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog
    from trustframe.ui.dialogs.product_dialog import ProductDialog
    from trustframe.ui.dialogs.reason_dialog import ReasonDialog
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    question = ctx.services.assessments.questionnaire(a).questions_by_id["GOV-01"]
    return {
        "vendor": lambda: VendorDialog(ctx),
        "product": lambda: ProductDialog(ctx, a.vendor_id),
        "evidence": lambda: EvidenceDialog(ctx, a.vendor_id),
        "preferences": lambda: PreferencesDialog(ctx),
        "name": lambda: NameDialog(ctx),
        "decision": lambda: DecisionDialog(ctx, a.id, None),
        "reason": lambda: ReasonDialog("Reopen", "Why?"),
        "override": lambda: OverrideAnswerDialog(question, None),
        "evidence link": lambda: EvidenceLinkDialog(ctx, a.vendor_id),
        "export": lambda: ExportDialog(ctx, a.id),
        "reports": lambda: ReportDialog(ctx, [a.id]),
        "import": lambda: ImportDialog(ctx, a.id),
    }


@pytest.mark.parametrize("name", ["vendor", "product", "evidence", "preferences", "name", "decision", "reason",
                                  "override", "evidence link", "export", "reports", "import"])
def test_form_dialog_focus_starts_on_the_first_field(qtbot: Any, settings_ctx: Any, sample_assessment: Any,
                                                     no_dialogs: list, name: str) -> None:
    dialog = _dialogs(settings_ctx, sample_assessment)[name]()
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    focused = QApplication.focusWidget()
    assert focused is not None and dialog.isAncestorOf(focused)
    is_field = not isinstance(focused, QAbstractButton) or isinstance(focused, (QCheckBox, QRadioButton))
    assert is_field, f"{name}: the focus is on {type(focused).__name__} {focused.accessibleName()!r}"
    # A space typed now edits the field; it never submits the form.
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert dialog.isVisible() and QDialog.result(dialog) != QDialog.DialogCode.Accepted


def test_space_in_the_vendor_dialog_types_a_space(qtbot: Any, settings_ctx: Any, no_dialogs: list) -> None:
    from trustframe.ui.dialogs.vendor_dialog import VendorDialog

    dialog = VendorDialog(settings_ctx)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.name_edit
    qtbot.keyClicks(dialog.name_edit, "Acme Ltd")
    assert dialog.name_edit.text() == "Acme Ltd" and dialog.isVisible()
    assert dialog.saved_vendor is None                           # nothing was submitted


# -- dates -------------------------------------------------------------------------------------

def _wizard(qtbot: Any, ctx: Any, services: Any) -> Any:
    from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog

    vendor = services.vendors.add_vendor("Northwind Networks", "SE")
    services.vendors.add_product(vendor.id, "Northwind Manager", "software")
    wizard = NewAssessmentDialog(ctx, vendor_id=vendor.id)
    qtbot.addWidget(wizard)
    activate(qtbot, wizard)
    return wizard


@pytest.mark.parametrize("typed,expected", [("2026-12-15", date(2026, 12, 15)), ("20270105", date(2027, 1, 5)),
                                            ("2027-1-5", date(2027, 1, 5))])
def test_wizard_keeps_the_typed_due_date(qtbot: Any, ctx: Any, services: Any, typed: str, expected: date) -> None:
    wizard = _wizard(qtbot, ctx, services)
    due = wizard.purchase_page.due_edit
    assert wizard.purchase_page.due_date() is None                # empty until set
    due.setFocus()
    qtbot.keyClicks(due, typed)
    wizard.purchase_page.procurement_edit.setFocus()               # leaving the field keeps it
    assert wizard.purchase_page.due_date() == expected


def test_date_fields_stay_empty_when_skipped_and_open_on_today(qtbot: Any, ctx: Any, services: Any) -> None:
    wizard = _wizard(qtbot, ctx, services)
    due = wizard.purchase_page.due_edit
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Tab)
    assert wizard.purchase_page.due_date() is None
    # The calendar pop-up (the arrow at the right) opens on today's month, not January 1900.
    qtbot.mouseClick(due, Qt.MouseButton.LeftButton, pos=QPoint(due.width() - 6, due.height() // 2))
    calendar = due.calendarWidget()
    qtbot.waitUntil(calendar.isVisible, timeout=2000)
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.parentWidget().hide()
    assert wizard.purchase_page.due_date() is None
    # Everything selected and deleted empties the field again.
    due.set_value(date(2026, 5, 4))
    due.setFocus()
    due.lineEdit().selectAll()
    qtbot.keyClick(due, Qt.Key.Key_Delete)
    assert due.value() is None


def test_answer_date_editor_keeps_a_typed_date(qtbot: Any) -> None:
    from trustframe.domain.questionnaire import AnswerType, Question
    from trustframe.ui.widgets.answer_widgets import DateEditor

    editor = DateEditor(Question("D-1", "S", "When?", AnswerType.DATE))
    qtbot.addWidget(editor)
    activate(qtbot, editor)
    edited: list[Any] = []
    editor.value_edited.connect(edited.append)
    editor.focus_editor()
    qtbot.keyClicks(editor.date_edit, "2025-03-01")
    qtbot.keyClick(editor.date_edit, Qt.Key.Key_Return)
    assert editor.value() == "2025-03-01" and edited[-1] == "2025-03-01"


# -- disabled look -------------------------------------------------------------------------------

def test_stylesheet_gives_disabled_controls_their_own_look(qtbot: Any) -> None:
    """Disabled push buttons, tool buttons (actions) and fields are styled differently from enabled
    ones, in the app stylesheet itself (not per screen)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPushButton, QToolBar, QToolButton, QWidget

    from trustframe.ui import theme

    sheet = theme.stylesheet() if hasattr(theme, "stylesheet") else QApplication.instance().styleSheet()
    for selector in ("QPushButton:disabled", "QToolButton:disabled", "QLineEdit:disabled"):
        assert selector in sheet, selector
    QApplication.instance().setStyleSheet(sheet)
    host = QWidget()
    host.resize(300, 120)
    qtbot.addWidget(host)
    bar = QToolBar(host)
    action = QAction("Compare", host)
    bar.addAction(action)
    button = QPushButton("Save", host)
    default = QPushButton("Record decision", host)
    default.setDefault(True)
    default.move(0, 60)
    host.show()
    tool = bar.widgetForAction(action)
    assert isinstance(tool, QToolButton)

    def text_colour(widget: Any) -> tuple[int, int, int]:
        from PySide6.QtCore import QRect

        # Grab through the host so transparent backgrounds come out as the window, not black.
        image = host.grab(QRect(widget.mapTo(host, QPoint(0, 0)), widget.size())).toImage()
        colours: dict[tuple[int, int, int], int] = {}
        for x in range(image.width()):
            for y in range(image.height()):
                c = image.pixelColor(x, y)
                colours[(c.red(), c.green(), c.blue())] = colours.get((c.red(), c.green(), c.blue()), 0) + 1
        # The darkest frequent colour is the text.
        return min((k for k, n in colours.items() if n > 3), key=sum)

    def background(widget: Any) -> tuple[int, int, int]:
        c = widget.grab().toImage().pixelColor(widget.width() // 2, 3)
        return (c.red(), c.green(), c.blue())

    enabled = (text_colour(button), text_colour(tool), background(default))
    button.setEnabled(False)
    action.setEnabled(False)
    default.setEnabled(False)
    disabled = (text_colour(button), text_colour(tool), background(default))
    assert sum(disabled[0]) > sum(enabled[0]) and sum(disabled[1]) > sum(enabled[1])   # greyed out
    assert disabled[2] != enabled[2]         # the default (blue) button fades too
    QApplication.instance().setStyleSheet("")
