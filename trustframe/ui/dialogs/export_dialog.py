"""Export the questionnaire workbook to send to a vendor.

Self-contained: the main window (or a drag-and-drop handler) creates it with the UI context and,
optionally, the assessment and a suggested file; nothing here knows about the main window.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from trustframe.domain.assessment import AssessmentStatus
from trustframe.ui import labels, messages
from trustframe.ui.dialogs.form_dialog import FormDialog

if TYPE_CHECKING:
    from trustframe.services.exchange_types import ExportResult
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)


class ExportDialog(FormDialog):
    """Options (only open questions, pre-fill, deadline, contact) and the target file."""

    def __init__(self, ctx: UiContext, assessment_id: int | None, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Export questionnaire for the vendor"))
        self.setAccessibleName(self.windowTitle())
        self._ctx = ctx
        self._services = ctx.require_services
        self._suggested_path = path
        #: The export made when the dialog was accepted (not `result`: that is QDialog.result()).
        self.export_result: ExportResult | None = None
        self._build_widgets(assessment_id)
        self._build_layout()
        self._connect_signals()
        self._on_assessment_changed()
        if path is not None:
            self.path_edit.setText(str(path))

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self, assessment_id: int | None) -> None:
        self.assessment_combo = QComboBox()
        self.assessment_combo.setAccessibleName(self.tr("Assessment"))
        for assessment in self._services.assessments.list_assessments():
            if assessment.locked:
                continue  # a decided assessment is not sent out again
            self.assessment_combo.addItem(
                f"#{assessment.id}  {assessment.vendor_name} / {assessment.product_name}"
                f" ({labels.status(assessment.status)})",
                assessment.id)
        if assessment_id is not None:
            index = self.assessment_combo.findData(assessment_id)
            if index < 0:
                a = self._services.assessments.get(assessment_id)
                self.assessment_combo.addItem(f"#{a.id}  {a.vendor_name} / {a.product_name}", a.id)
                index = self.assessment_combo.count() - 1
            self.assessment_combo.setCurrentIndex(index)
            self.assessment_combo.setEnabled(False)
        self.only_open_check = QCheckBox(self.tr("Send only open questions (no confirmed answer yet)"))
        self.prefill_check = QCheckBox(self.tr("Pre-fill the answers we already have, for the vendor to confirm"))
        self.prefill_check.setChecked(True)
        self.deadline_check = QCheckBox(self.tr("Deadline"))
        self.deadline_check.setChecked(True)
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setAccessibleName(self.tr("Deadline"))
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("Name and e-mail the vendor can ask"))
        self.contact_edit.setAccessibleName(self.tr("Contact"))
        # The usual next step after exporting a draft is sending it: offer to record that here
        # (a tick box rather than a question afterwards, so nothing pops up after the export).
        self.mark_sent_check = QCheckBox(self.tr("Mark the assessment as sent to the vendor"))
        self.mark_sent_check.setAccessibleName(self.tr("Mark as sent"))
        self.mark_sent_check.setToolTip(self.tr("Only offered while the assessment is a draft"))
        self.mark_sent_check.setChecked(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("File"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Export"))

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Assessment"), self.assessment_combo)
        form.addRow("", self.only_open_check)
        form.addRow("", self.prefill_check)
        form.addRow(self.deadline_check, self.deadline_edit)
        form.addRow(self.tr("Contact"), self.contact_edit)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("File"), file_row)
        form.addRow("", self.mark_sent_check)
        self.form_area.addLayout(form)
        self.form_area.addWidget(self.summary_label)
        # In text widths rather than pixels, so the form keeps its proportions at any scale.
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.sizeHint().height())

    def _connect_signals(self) -> None:
        self.assessment_combo.currentIndexChanged.connect(self._on_assessment_changed)
        self.deadline_check.toggled.connect(self.deadline_edit.setEnabled)
        self.only_open_check.toggled.connect(self._on_options_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)

    # -- behaviour -----------------------------------------------------------------------------

    @property
    def assessment_id(self) -> int | None:
        """The chosen assessment."""
        data = self.assessment_combo.currentData()
        return int(data) if data is not None else None

    def _on_assessment_changed(self, *_args: Any) -> None:
        assessment_id = self.assessment_id
        if assessment_id is None:
            self.summary_label.setText(self.tr("There is no open assessment to export."))
            return
        assessment = self._services.assessments.get(assessment_id)
        self.mark_sent_check.setVisible(assessment.status is AssessmentStatus.DRAFT)
        due = assessment.due_date or (date.today() + timedelta(days=21))
        self.deadline_edit.setDate(QDate(due.year, due.month, due.day))
        if self._suggested_path is None:
            name = re.sub(r"[^\w.-]+", "-", f"{assessment.vendor_name}-{assessment.product_name}").strip("-")
            from trustframe.ui import file_dialogs

            folder = Path(self.path_edit.text()).parent if self.path_edit.text() else \
                file_dialogs.remembered_folder(self._ctx.settings, file_dialogs.QUESTIONNAIRE)
            self.path_edit.setText(str(folder / f"{name or 'assessment'}-questionnaire.xlsx"))
        self._on_options_changed()

    def _on_options_changed(self, *_args: Any) -> None:
        assessment_id = self.assessment_id
        if assessment_id is None:
            return
        scoped = self._services.assessments.scoped_questions(assessment_id)
        answers = self._services.assessments.answers(assessment_id)
        open_count = sum(1 for q in scoped if answers.get(q.id) is None or answers[q.id].value is None
                         or answers[q.id].to_confirm)
        count = open_count if self.only_open_check.isChecked() else len(scoped)
        self.summary_label.setText(
            self.tr("%n question(s) will be sent ({open} without a confirmed answer).", "", count)
            .format(open=open_count))

    def _on_browse_button_clicked(self) -> None:
        from trustframe.ui import file_dialogs

        chosen = file_dialogs.choose_save(self, self._ctx.settings, file_dialogs.QUESTIONNAIRE,
                                          self.tr("Save questionnaire workbook"), Path(self.path_edit.text()).name,
                                          self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            self.path_edit.setText(chosen)

    def options(self) -> dict[str, Any]:
        """The chosen export options as keyword arguments of ``export_questionnaire``."""
        qdate = self.deadline_edit.date()
        return {
            "prefill": self.prefill_check.isChecked(),
            "only_open": self.only_open_check.isChecked(),
            "deadline": date(qdate.year(), qdate.month(), qdate.day()) if self.deadline_check.isChecked() else None,
            "contact": self.contact_edit.text().strip(),
        }

    @property
    def will_mark_sent(self) -> bool:
        """True when saving also marks the (draft) assessment sent to the vendor."""
        return not self.mark_sent_check.isHidden() and self.mark_sent_check.isChecked()

    def save(self) -> None:
        """Write the workbook (a refusal stays inline in the dialog), then mark a draft
        assessment sent when the officer left that ticked."""
        from trustframe.services.vendors import InvalidInput

        assessment_id = self.assessment_id
        if assessment_id is None:
            raise InvalidInput(self.tr("Choose an assessment."))
        text = self.path_edit.text().strip()
        if not text:
            raise InvalidInput(self.tr("Choose the file to write."))
        path = Path(text).expanduser()
        # Writing a workbook of a few hundred rows takes well under a second, so it runs here
        # rather than as a background Operation; the wait cursor covers the moment.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.export_result = self._services.exchange.export_questionnaire(assessment_id, path, **self.options())
        except OSError as exc:
            raise InvalidInput(self.tr("Cannot write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc)) from exc
        finally:
            QGuiApplication.restoreOverrideCursor()
        count = self.export_result.question_count
        message = self.tr("Exported %n question(s) to {name}", "", count).format(name=path.name)
        if self.will_mark_sent:
            # The workbook is written whatever happens here; a refused status change is only
            # reported, so the officer does not export twice.
            from trustframe.errors import TrustFrameError

            try:
                self._services.assessments.set_status(assessment_id, AssessmentStatus.SENT,
                                                      note=f"Questionnaire exported to {path.name}")
            except TrustFrameError as exc:
                log.info("Not marked sent after the export: %s", exc)
                messages.warning(self, self.tr("Status not changed"), str(exc))
            else:
                message += " " + self.tr("· marked sent to the vendor")
        self._ctx.hub.status_message.emit(message, 5000)
