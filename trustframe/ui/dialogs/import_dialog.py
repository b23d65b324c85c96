"""Import a vendor's returned workbook: preview every row, choose, then apply.

Nothing is written until the officer presses "Import selected". The table shows each row's
category in colour (new, changed, conflict, rejected...), with a checkbox on the rows that can
be applied; the problem list gives each problem with its sheet and cell, wrapped to the list's
width (a problem can be a long list of question ids or a file path, which must not push the
dialog into sideways scrolling). Self-contained, so the main window can open it from a menu or a
dropped file.

Reading the workbook (preview) and applying the chosen rows run off the GUI thread through the
background :class:`~trustframe.ui.operations.Operation`: a returned workbook of a 200-question bank
takes a noticeable moment, and the window must keep painting meanwhile. While one runs, a busy bar
shows under the summary and the controls that would start another are disabled; an apply cannot be
cancelled halfway (it is one transaction), so Cancel waits for it.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from trustframe.errors import TrustFrameError
from trustframe.services.exchange_types import (
    AssessmentChoiceNeeded,
    ImportPreview,
    ImportResult,
    ImportRowPreview,
    LegacySealNeedsConfirmation,
    RowCategory,
)
from trustframe.ui import error_dialog, labels, messages
from trustframe.ui.dialogs.form_dialog import FormDialog
from trustframe.ui.items import cell
from trustframe.ui.operations import Operation, Task
from trustframe.ui.widgets.wrapping_delegate import WrappingItemDelegate

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

#: Row colours per category: light backgrounds that keep black text readable.
CATEGORY_COLOURS: dict[RowCategory, str] = {
    RowCategory.NEW: "#E2F0D9",
    RowCategory.CHANGED: "#DDEBF7",
    RowCategory.UNCHANGED: "#F2F2F2",
    RowCategory.CONFLICT: "#FFE699",
    RowCategory.REJECTED: "#F8CBAD",
    RowCategory.EMPTY: "#FFFFFF",
}

COL_CHECK, COL_QUESTION, COL_CATEGORY, COL_OLD, COL_NEW, COL_NOTE = range(6)

#: The problem's location (sheet and cell, e.g. "Questions!F4") on each problem list item.
PROBLEM_WHERE_ROLE = Qt.ItemDataRole.UserRole + 1


class ImportDialog(FormDialog):
    """Preview of a returned workbook with per-row choice."""

    def __init__(self, ctx: UiContext, assessment_id: int | None, path: Path | str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setWindowTitle(self.tr("Import vendor answers"))
        self.setAccessibleName(self.windowTitle())
        self._ctx = ctx
        self._services = ctx.require_services
        self._assessment_id = assessment_id
        #: The officer confirmed importing this file despite its old, unkeyed seal.
        self._legacy_accepted_for: str | None = None
        self.preview: ImportPreview | None = None
        #: The applied import when the dialog was accepted (not `result`: that is QDialog.result()).
        self.import_result: ImportResult | None = None
        #: The preview or apply running in the background (None when idle).
        self.operation: Operation | None = None
        self._applying = False
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self._update_buttons()
        if path is not None:
            self.path_edit.setText(str(path))
            self.load_preview()

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(self.tr("Returned workbook"))
        self.path_edit.setPlaceholderText(self.tr("The .xlsx file the vendor sent back"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.summary_label = QLabel(self.tr("Choose the returned workbook to see what it would change."))
        self.summary_label.setWordWrap(True)
        # A busy bar (no percentage: reading a workbook reports no steps) while a worker runs.
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.tr("Working"))
        self.progress_bar.hide()
        # Shown only when the file's identity cannot be verified: the officer names the assessment.
        self.assessment_label = QLabel(self.tr("Import into assessment:"))
        self.assessment_picker = QComboBox()
        self.assessment_picker.setAccessibleName(self.tr("Assessment to import into"))
        self.assessment_label.setBuddy(self.assessment_picker)
        self.assessment_label.hide()
        self.assessment_picker.hide()
        self.identity_label = QLabel()
        self.identity_label.setWordWrap(True)
        self.identity_label.setAccessibleName(self.tr("Identity of the workbook"))
        self.identity_label.hide()
        # File names and workbook contents are the vendor's: never let a label read them as HTML.
        for label in (self.summary_label, self.identity_label, self.error_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_all_check = QCheckBox(self.tr("Show unchanged and unanswered questions"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(["", self.tr("Question"), self.tr("What"), self.tr("Now"),
                                              self.tr("Vendor's answer"), self.tr("Note")])
        self.table.setAccessibleName(self.tr("Rows of the returned workbook"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_CHECK, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_QUESTION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_QUESTION, 260)
        self.table.setColumnWidth(COL_OLD, 160)
        self.table.setColumnWidth(COL_NEW, 160)
        # Row heights follow the column widths: a note laid out while the dialog was still narrow
        # would otherwise keep its row many lines tall once the Note column has stretched.
        self.row_height_timer = QTimer(self)
        self.row_height_timer.setSingleShot(True)
        self.row_height_timer.setInterval(0)
        self.select_all_button = QPushButton(self.tr("Select all"))
        self.select_none_button = QPushButton(self.tr("Select none"))
        self.problems_label = QLabel(self.tr("Problems"))
        self.problems_list = QListWidget()
        self.problems_list.setAccessibleName(self.tr("Problems found in the workbook"))
        # Each problem wraps to the list's width, even inside long words; Adjust measures the
        # items again when the dialog is resized, so the list never needs to scroll sideways.
        self.problems_list.setItemDelegate(WrappingItemDelegate(self.problems_list))
        self.problems_list.setWordWrap(True)
        self.problems_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems_list.setUniformItemSizes(False)
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.problems_list.setAlternatingRowColors(True)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.import_button.setText(self.tr("Import selected"))

    def _build_layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.preview_button)
        self.form_area.addLayout(file_row)
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.assessment_label)
        picker_row.addWidget(self.assessment_picker, 1)
        self.form_area.addLayout(picker_row)
        self.form_area.addWidget(self.summary_label)
        self.form_area.addWidget(self.progress_bar)
        self.form_area.addWidget(self.identity_label)
        tools = QHBoxLayout()
        tools.addWidget(self.show_all_check)
        tools.addStretch(1)
        tools.addWidget(self.select_all_button)
        tools.addWidget(self.select_none_button)
        self.form_area.addLayout(tools)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        problems = QWidget()
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_label)
        problems_layout.addWidget(self.problems_list)
        splitter.addWidget(problems)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.form_area.addWidget(splitter, 1)
        self.resize(980, 640)

    def _connect_signals(self) -> None:
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.preview_button.clicked.connect(self.load_preview)
        self.path_edit.returnPressed.connect(self.load_preview)
        self.assessment_picker.activated.connect(self._on_assessment_picker_activated)
        self.show_all_check.toggled.connect(self._apply_row_filter)
        self.select_all_button.clicked.connect(lambda: self._set_all_checked(True))
        self.select_none_button.clicked.connect(lambda: self._set_all_checked(False))
        self.table.itemChanged.connect(self._on_table_item_changed)
        # A zero-delay timer coalesces the many resizes of one window drag into one re-measure.
        self.table.horizontalHeader().sectionResized.connect(self.row_height_timer.start)
        self.row_height_timer.timeout.connect(self.table.resizeRowsToContents)
        self.problems_list.itemActivated.connect(self._on_problems_list_item_activated)

    # -- preview -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a preview or an apply runs in the background."""
        return self.operation is not None

    def load_preview(self) -> None:
        """Read the chosen file in the background and show what it would change (writes nothing)."""
        if self.busy:
            return
        text = self.path_edit.text().strip()
        self.error_label.hide()
        self.identity_label.hide()
        self.preview = None
        self.table.setRowCount(0)
        self.problems_list.clear()
        if not text:
            self.show_error(self.tr("Choose the returned workbook first."))
            self._update_buttons()
            return
        path = Path(text).expanduser()
        if self._legacy_accepted_for != str(path):
            self._legacy_accepted_for = None
        exchange, target = self._services.exchange, self.target_assessment_id()
        accept_legacy = self._legacy_accepted_for == str(path)

        def read(_task: Task) -> ImportPreview:  # worker thread: plain values in, a frozen preview out
            return exchange.preview_import(path, target, accept_legacy_seal=accept_legacy)

        self.summary_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self._start(read, self._on_preview_read, lambda exc: self._on_preview_failed(exc, path))

    def _on_preview_read(self, preview: ImportPreview) -> None:
        self.preview = preview
        self._fill(preview)
        self._update_buttons()

    def _on_preview_failed(self, exc: BaseException, path: Path) -> None:
        if isinstance(exc, LegacySealNeedsConfirmation):
            # The question names the risk and the target.
            if self.confirm_legacy_seal(str(exc.args[0] if exc.args else exc)):
                self._legacy_accepted_for = str(path)
                self.load_preview()
                return
            self.show_error(self.tr("Not imported: the workbook's old-style seal was not accepted."))
            self.summary_label.setText(self.tr("The workbook cannot be imported. Nothing was changed."))
        elif isinstance(exc, AssessmentChoiceNeeded):
            self._offer_assessment_choice()
            self.show_error(str(exc.args[0] if exc.args else exc))
            self.summary_label.setText(self.tr("Choose the assessment this workbook belongs to above; nothing "
                                               "is changed before you import."))
        elif isinstance(exc, TrustFrameError):
            log.info("Preview refused: %s", exc)
            self.show_error(str(exc.args[0] if exc.args else exc))
            for issue in getattr(exc, "issues", []):
                self._add_problem(issue)
            self.summary_label.setText(self.tr("The workbook cannot be imported. Nothing was changed."))
        else:  # a bug: logged and shown with the log path
            self.summary_label.setText(self.tr("The workbook cannot be imported. Nothing was changed."))
            error_dialog.show_exception(self, exc)
        self._update_buttons()

    def _start(self, fn: Any, on_success: Any, on_failure: Any) -> None:
        """Run ``fn`` on a worker; the callbacks run on the GUI thread (once the dialog is idle
        again, so they may start the next step), unless the dialog is gone."""
        def succeeded(result: Any) -> None:
            if isValid(self):
                self._idle()
                on_success(result)

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self._idle()
                on_failure(exc)
            else:
                log.info("Import work finished after its dialog closed: %s", exc)

        self.operation = Operation(fn, ctx=self._ctx, show_progress=False, on_success=succeeded, on_failure=failed)
        self._set_busy(True)
        self.operation.start()

    def _idle(self) -> None:
        self.operation = None
        self._applying = False
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(busy)
        for widget in (self.path_edit, self.browse_button, self.preview_button, self.assessment_picker,
                       self.show_all_check, self.table):
            widget.setEnabled(not busy)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setEnabled(not (busy and self._applying))
        self._update_buttons()

    # -- identity ------------------------------------------------------------------------------

    def target_assessment_id(self) -> int | None:
        """The assessment chosen in the picker (when shown), else the one the dialog was opened for."""
        if not self.assessment_picker.isHidden():
            data = self.assessment_picker.currentData()
            return int(data) if data is not None else None
        return self._assessment_id

    def confirm_legacy_seal(self, reason: str) -> bool:
        """Ask whether to import a workbook sealed the old way; the default answer is No."""
        # The reason names the vendor's file: escaped, in a paragraph, so a message box never renders it as HTML.
        return messages.ask(self, self.tr("Workbook identity cannot be verified"), f"<p>{html.escape(reason)}</p>",
                            self.tr("Import it anyway? Choose Yes only if you know this file is the vendor's "
                                    "return for that assessment."))

    def _offer_assessment_choice(self) -> None:
        """Show the picker, empty until the officer chooses (no guess from the file)."""
        if self.assessment_picker.isHidden():
            self.assessment_picker.clear()
            self.assessment_picker.addItem(self.tr("Choose the assessment…"), None)
            for a in self._services.assessments.list_assessments():
                self.assessment_picker.addItem(f"#{a.id}  {a.vendor_name} / {a.product_name}", a.id)
            self.assessment_label.show()
            self.assessment_picker.show()
        self.assessment_picker.setFocus()

    def choose_assessment(self, assessment_id: int) -> None:
        """Choose the target in the picker and preview again (also used by tests)."""
        self._offer_assessment_choice()
        index = self.assessment_picker.findData(assessment_id)
        if index >= 0:
            self.assessment_picker.setCurrentIndex(index)
            self.load_preview()

    def _on_assessment_picker_activated(self, _index: int) -> None:
        if self.assessment_picker.currentData() is not None:
            self.load_preview()

    def _fill(self, preview: ImportPreview) -> None:
        counts = preview.counts
        parts = [labels.import_count(c, counts[c.value]) for c in RowCategory if counts[c.value]]
        summary = self.tr("{file} will change assessment #{id}: vendor {vendor}, product {product}. {sent} "
                          "{parts}.").format(
            file=preview.file_name, id=preview.assessment_id, vendor=preview.vendor_name,
            product=preview.product_name, parts=", ".join(parts),
            sent=(self.tr("It was sent to {vendor}.").format(vendor=preview.sent_to_vendor)
                  if preview.sent_to_vendor else self.tr("Whom it was sent to is not known.")))
        self._show_identity(preview)
        if preview.already_imported_at is not None:
            summary += " " + self.tr("This file was already imported on {when}.").format(
                when=preview.already_imported_at.strftime("%Y-%m-%d %H:%M"))
        self.summary_label.setText(summary)
        defaults = preview.default_accepted
        self.table.blockSignals(True)
        self.table.setRowCount(len(preview.rows))
        for index, row in enumerate(preview.rows):
            self._fill_row(index, row, row.question_id in defaults)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        for issue in preview.issues:
            self._add_problem(issue)
        self.problems_label.setText(self.tr("Problems ({count})").format(count=len(preview.issues)))
        self._apply_row_filter()

    def _show_identity(self, preview: ImportPreview) -> None:
        """A plain warning above the rows when the file's identity is not verified."""
        if preview.identity_verified:
            self.identity_label.hide()
            return
        if preview.verification == "unverified":
            # The target came from the officer, not from the file: keep the choice in sight and changeable.
            self._offer_assessment_choice()
            index = self.assessment_picker.findData(preview.assessment_id)
            if index >= 0:
                self.assessment_picker.setCurrentIndex(index)
        if preview.verification == "legacy-seal":
            text = self.tr("Identity NOT verified: this workbook carries the old, unkeyed seal and was accepted "
                           "on your confirmation. Check that the answers belong to this vendor and product.")
        else:
            text = self.tr("Identity NOT verified: the workbook's identification sheet is missing or was "
                           "altered, so it could not be checked which export it came from. You chose the "
                           "assessment; check that the answers belong to this vendor and product.")
        self.identity_label.setText(text)
        self.identity_label.setStyleSheet("QLabel { background: #FFE699; color: #000000; padding: 4px; }")
        self.identity_label.show()

    def _fill_row(self, index: int, row: ImportRowPreview, checked: bool) -> None:
        colour = QBrush(QColor(CATEGORY_COLOURS[row.category]))
        check = QTableWidgetItem()
        selectable = row.category.acceptable or (row.category is RowCategory.UNCHANGED and row.confirms)
        if selectable:
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            check.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        else:
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setData(Qt.ItemDataRole.UserRole, row.question_id)
        old = row.old_display
        new = row.new_display
        if row.category is RowCategory.CONFLICT and row.base_display:
            old = self.tr("{now} (sent: {sent})").format(now=old, sent=row.base_display)
        note = row.note or "; ".join(i.message for i in row.issues)
        cells = [check, QTableWidgetItem(f"{row.question_id}  {row.question_text}".strip()),
                 QTableWidgetItem(labels.import_category(row.category)), QTableWidgetItem(old), QTableWidgetItem(new),
                 QTableWidgetItem(note)]
        cells[COL_QUESTION].setToolTip(f"{row.where}\n{row.question_text}")
        cells[COL_NEW].setToolTip(row.new_comment or "")
        for col, item in enumerate(cells):
            if col != COL_CHECK:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setBackground(colour)
            self.table.setItem(index, col, item)

    def _apply_row_filter(self, *_args: Any) -> None:
        if self.preview is None:
            return
        show_all = self.show_all_check.isChecked()
        for index, row in enumerate(self.preview.rows):
            quiet = row.category in (RowCategory.UNCHANGED, RowCategory.EMPTY) and not row.confirms
            self.table.setRowHidden(index, quiet and not show_all)

    def _add_problem(self, issue: Any) -> None:
        text = self._problem_text(issue)
        item = QListWidgetItem(text)
        # The whole text also as a tooltip, for a list made very short by the splitter.
        item.setToolTip(text)
        item.setData(PROBLEM_WHERE_ROLE, issue.where or "")
        self.problems_list.addItem(item)

    @staticmethod
    def _problem_text(issue: Any) -> str:
        where = issue.where or issue.file
        return f"[{issue.severity}] {where}: {issue.message}" if where else f"[{issue.severity}] {issue.message}"

    # -- choosing ------------------------------------------------------------------------------

    def checked_ids(self) -> set[str]:
        """Question ids of the checked rows."""
        ids = set()
        for index in range(self.table.rowCount()):
            item = self.table.item(index, COL_CHECK)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable \
                    and item.checkState() == Qt.CheckState.Checked:
                ids.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def set_checked(self, question_id: str, checked: bool) -> None:
        """Check or uncheck one row (also used by tests)."""
        for index in range(self.table.rowCount()):
            item = self.table.item(index, COL_CHECK)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == question_id \
                    and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _set_all_checked(self, checked: bool) -> None:
        self.table.blockSignals(True)
        for index in range(self.table.rowCount()):
            item = self.table.item(index, COL_CHECK)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self._update_buttons()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_CHECK:
            self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.checked_ids()) if self.preview is not None else 0
        self.import_button.setText(self.tr("Import %n selected", "", count))
        self.import_button.setEnabled(count > 0 and not self.busy)
        has_rows = self.preview is not None and self.table.rowCount() > 0 and not self.busy
        self.select_all_button.setEnabled(has_rows)
        self.select_none_button.setEnabled(has_rows)

    def _on_problems_list_item_activated(self, item: QListWidgetItem) -> None:
        if self.preview is None:
            return
        where = str(item.data(PROBLEM_WHERE_ROLE) or "")
        if not where:
            return
        for index, row in enumerate(self.preview.rows):
            if any(issue.where == where for issue in row.issues):
                self.table.setRowHidden(index, False)
                self.table.selectRow(index)
                self.table.scrollToItem(cell(self.table, index, COL_QUESTION))
                return

    def _on_browse_button_clicked(self) -> None:
        from trustframe.ui import file_dialogs

        chosen = file_dialogs.choose_open(self, self._ctx.settings, file_dialogs.RETURNED_WORKBOOK,
                                          self.tr("Open returned workbook"), self.tr("Excel workbook (*.xlsx)"))
        if chosen:
            self.path_edit.setText(chosen)
            self.load_preview()

    # -- applying ------------------------------------------------------------------------------

    def save(self) -> None:
        """Check the choice, then apply the checked rows in one transaction in the background
        (a refusal stays inline; the dialog closes when the apply succeeded)."""
        from trustframe.services.vendors import InvalidInput

        if self.busy:
            raise InvalidInput(self.tr("Wait until the workbook has been read."))
        if self.preview is None:
            raise InvalidInput(self.tr("Preview a workbook first."))
        accepted = self.checked_ids()
        if not accepted:
            raise InvalidInput(self.tr("Select at least one answer to import."))
        allow_missing = False
        if self.preview.missing_rows:
            # A return that lost rows must not pass as complete: the officer confirms explicitly.
            count = len(self.preview.missing_rows)
            listed = html.escape(", ".join(self.preview.missing_rows[:8]) + (" ..." if count > 8 else ""))
            if not messages.ask(self, self.tr("Rows are missing"),
                                "<p>" + html.escape(self.tr("{count} questions sent are missing from {name}:").format(
                                    count=count, name=self.preview.file_name)) + f" {listed}</p>",
                                self.tr("Import the remaining rows only? Choose No to ask the vendor for the "
                                        "complete workbook.")):
                raise InvalidInput(self.tr("Nothing was imported: ask the vendor for the complete workbook."))
            allow_missing = True
        exchange, preview = self._services.exchange, self.preview

        def apply(_task: Task) -> ImportResult:  # one transaction: all rows or none
            return exchange.apply_import(preview, accepted, allow_missing_rows=allow_missing)

        self._applying = True
        self.summary_label.setText(self.tr("Importing {file}…").format(file=preview.file_name))
        self._start(apply, self._on_applied, self._on_apply_failed)

    def _on_applied(self, result: ImportResult) -> None:
        self.import_result = result
        assert self.preview is not None
        self._ctx.hub.status_message.emit(self.tr("Imported %n answer(s) from {name}", "", len(result.applied))
                                          .format(name=self.preview.file_name), 5000)
        self.accept()

    def _on_apply_failed(self, exc: BaseException) -> None:
        # The apply is one transaction: after a failure nothing of it was written.
        if isinstance(exc, TrustFrameError):
            log.info("Import refused: %s", exc)
            self.show_error(str(exc))
        else:  # a bug: logged and shown with the log path, the dialog stays open
            error_dialog.show_exception(self, exc)

    def _on_buttons_accepted(self) -> None:
        # save() only starts the apply: the dialog is accepted when it has succeeded (_on_applied).
        self.error_label.hide()
        self.error_label.clear()
        try:
            self.save()
        except TrustFrameError as exc:
            log.info("%s refused: %s", type(self).__name__, exc)
            self.show_error(str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug: logged and shown with the log path, the dialog stays open
            error_dialog.show_exception(self, exc)

    def reject(self) -> None:
        """Cancel, except while an apply runs (it finishes as one transaction either way)."""
        if self._applying:
            return
        super().reject()
