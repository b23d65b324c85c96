"""The report dialog: choose the kind of report, the assessments, the format and the file, then
produce it off the GUI thread with progress, preview its first page and open it when done.

A preview needs a PDF rasteriser. QtPdf is not part of PySide6-Essentials, so the first page is
rendered to PNG with poppler's ``pdftoppm`` when it is installed; without it the preview area
simply says so.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, QStringListModel, Qt
from PySide6.QtGui import QPixmap, QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.ui import i18n, labels
from trustframe.ui.focus import focus_first_field
from trustframe.ui.operations import Operation, Task

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

KINDS = ("assessment", "brief", "comparison", "portfolio")
PREVIEW_WIDTH = 260


def render_preview(pdf: Path, width: int = PREVIEW_WIDTH) -> bytes | None:
    """PNG bytes of the PDF's first page via ``pdftoppm`` (None when it is not installed or fails)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        try:
            subprocess.run([tool, "-png", "-f", "1", "-l", "1", "-scale-to", str(width * 2), str(pdf), str(stem)],
                           check=True, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            log.warning("pdftoppm could not render a preview of %s", pdf, exc_info=True)
            return None
        pngs = sorted(Path(folder).glob("page*.png"))
        return pngs[0].read_bytes() if pngs else None


class _FitWidthDelegate(QStyledItemDelegate):
    """Caps each row at the list's visible width, so long rows are elided (the view's text
    elide mode) instead of widening the list and making it scroll sideways."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt override)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if isinstance(view, QListView):
            size.setWidth(min(size.width(), view.viewport().width()))
        return size


class ReportDialog(QDialog):
    """Produce an assessment, comparison or portfolio report."""

    def __init__(self, ctx: UiContext, assessment_ids: list[int] | None, kind: str = "assessment",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._services = ctx.require_services
        self._initial_ids = list(assessment_ids or [])
        self._operation: Operation | None = None
        self.last_result: Any = None
        self.setWindowTitle(self.tr("Reports"))
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self._load_assessments()
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind if kind in KINDS else "assessment")))
        self._on_kind_combo_changed()

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Report kind"))
        self.kind_combo.addItem(self.tr("Assessment report (one vendor product)"), "assessment")
        self.kind_combo.addItem(self.tr("Decision brief (one page, one vendor product)"), "brief")
        self.kind_combo.addItem(self.tr("Comparison (candidates for one purchase)"), "comparison")
        self.kind_combo.addItem(self.tr("Portfolio (all vendors)"), "portfolio")
        # Thousands of assessments: find one by typing (vendor, product or #id), not by scrolling.
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Find an assessment"))
        self.search_edit.setPlaceholderText(self.tr("Type a vendor, product or #number to find an assessment"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_completer = QCompleter(self)
        self.search_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.search_completer.setMaxVisibleItems(12)
        self.search_edit.setCompleter(self.search_completer)
        self.assessment_list = QListWidget()
        self.assessment_list.setAccessibleName(self.tr("Assessments"))
        self.assessment_list.setMinimumHeight(self.fontMetrics().height() * 8)
        # Rows are "#id vendor – product (status)": elide in the middle so the id and the status
        # stay visible; the full row is in its tooltip. Never scroll sideways.
        self.assessment_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.assessment_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.assessment_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.assessment_list.setItemDelegate(_FitWidthDelegate(self.assessment_list))
        self.assessment_hint = QLabel()
        self.assessment_hint.setWordWrap(True)
        self.format_combo = QComboBox()
        self.format_combo.setAccessibleName(self.tr("Format"))
        self.format_combo.addItem(self.tr("PDF document"), "pdf")
        self.format_combo.addItem(self.tr("Excel workbook"), "xlsx")
        self.variant_combo = QComboBox()
        self.variant_combo.setAccessibleName(self.tr("PDF variant"))
        self.variant_combo.addItem(self.tr("Standard PDF"), None)
        self.variant_combo.addItem(self.tr("PDF/A-3b (for archiving)"), "pdf/a-3b")
        self.variant_combo.addItem(self.tr("PDF/UA-1 (accessible, tagged)"), "pdf/ua-1")
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName(self.tr("Output file"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.appendix_check = QCheckBox(self.tr("Include the full answers appendix (also in the Excel report)"))
        self.appendix_check.setChecked(True)
        self.appendix_check.setToolTip(self.tr("Appendix A lists every question with its answer. Leaving it out "
                                               "makes a much shorter PDF, produced faster."))
        self.open_check = QCheckBox(self.tr("Open the report when it is ready"))
        self.open_check.setChecked(True)
        self.preview = QLabel(self.tr("The first page is previewed here once the report is ready."))
        self.preview.setAccessibleName(self.tr("Preview of the first page"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setFixedWidth(PREVIEW_WIDTH + 16)
        self.preview.setMinimumHeight(int(PREVIEW_WIDTH * 1.42))
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create_button = self.buttons.addButton(self.tr("&Create report"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Report"), self.kind_combo)
        form.addRow(self.tr("F&ind"), self.search_edit)
        form.addRow(self.tr("&Assessments"), self.assessment_list)
        form.addRow("", self.assessment_hint)
        form.addRow(self.tr("&Format"), self.format_combo)
        form.addRow(self.tr("PDF &variant"), self.variant_combo)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form.addRow(self.tr("&Save as"), file_row)
        form.addRow("", self.appendix_check)
        form.addRow("", self.open_check)
        for field in (self.kind_combo, self.search_edit, self.assessment_list, self.format_combo, self.variant_combo,
                      self.file_edit):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        label = form.labelForField(file_row)
        if isinstance(label, QLabel):
            label.setBuddy(self.file_edit)
        left = QVBoxLayout()
        left.addLayout(form, 1)  # extra height goes to the assessment list
        left.addWidget(self.status_label)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.resize(self._default_size())

    def _default_size(self) -> QSize:
        """Room for a typical "#12 vendor – product (status)" row next to the preview, from the
        font's metrics (so it scales with the system font and display scaling), within the screen."""
        fm = self.fontMetrics()
        form_label = max(fm.horizontalAdvance(t) for t in (self.tr("Assessments"), self.tr("PDF variant")))
        row = fm.horizontalAdvance("#12 Meridian Managed Services BV – Meridian SOC-as-a-Service (In review)")
        width = form_label + row + self.preview.width() + fm.averageCharWidth() * 12
        height = max(self.sizeHint().height(), fm.height() * 38)  # about 16 rows of the list
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9))
        return QSize(width, height)

    def _connect_signals(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.assessment_list.itemChanged.connect(self._on_assessment_list_item_changed)
        self.assessment_list.currentRowChanged.connect(self._on_assessment_list_item_changed)
        self.file_edit.textChanged.connect(self._update_state)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_edit_return_pressed)
        # PySide6's stubs type every signal as a plain SignalInstance, without the overload index
        # (activated has a str and a QModelIndex overload): the [str] picks the text one.
        self.search_completer.activated[str].connect(  # type: ignore[index]
            self._on_search_completer_activated)
        self.create_button.clicked.connect(self.create_report)
        self.buttons.rejected.connect(self.reject)

    def _load_assessments(self) -> None:
        self.assessment_list.clear()
        texts: list[str] = []
        for a in self._services.assessments.list_assessments():
            text = self.tr("#{id} {vendor} – {product} ({status})").format(
                id=a.id, vendor=a.vendor_name, product=a.product_name, status=labels.status(a.status))
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.assessment_list.addItem(item)
            texts.append(text)
        self.search_completer.setModel(QStringListModel(texts, self.search_completer))
        if self._initial_ids:
            for row in range(self.assessment_list.count()):
                if self.assessment_list.item(row).data(Qt.ItemDataRole.UserRole) == self._initial_ids[0]:
                    self.assessment_list.setCurrentRow(row)
                    break

    # -- state ---------------------------------------------------------------------------------

    def kind(self) -> str:
        """The chosen report kind."""
        return str(self.kind_combo.currentData())

    def fmt(self) -> str:
        """The chosen format (pdf or xlsx)."""
        return str(self.format_combo.currentData())

    def selected_ids(self) -> list[int]:
        """The assessments the report is for."""
        kind = self.kind()
        if kind == "portfolio":
            return []
        if kind in ("assessment", "brief"):
            item = self.assessment_list.currentItem()
            return [int(item.data(Qt.ItemDataRole.UserRole))] if item is not None else []
        return [int(self.assessment_list.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.assessment_list.count())
                if self.assessment_list.item(r).checkState() == Qt.CheckState.Checked]

    def _suggested_name(self) -> str:
        ext = "." + self.fmt()
        kind = self.kind()
        if kind == "portfolio":
            return "portfolio-report" + ext
        ids = self.selected_ids()
        if kind == "comparison":
            return "comparison-" + "-".join(str(i) for i in ids[:5]) + ext
        if kind == "brief":
            return f"brief-{ids[0] if ids else 'assessment'}" + ext
        return f"assessment-{ids[0] if ids else 'report'}" + ext

    def _suggest_file(self) -> None:
        from trustframe.ui import file_dialogs

        folder = Path(self.file_edit.text()).parent if self.file_edit.text() else \
            file_dialogs.remembered_folder(self._ctx.settings, file_dialogs.REPORT)
        self.file_edit.setText(str(folder / self._suggested_name()))

    def _update_state(self) -> None:
        kind = self.kind()
        ids = self.selected_ids()
        if kind == "comparison" and len(ids) < 2:
            problem = self.tr("Tick at least two assessments to compare.")
        elif kind in ("assessment", "brief") and not ids:
            problem = self.tr("Choose the assessment to report on.")
        else:
            problem = ""
        self.assessment_hint.setText(problem or {
            "assessment": self.tr("The report covers the highlighted assessment."),
            "brief": self.tr("One page on the highlighted assessment: verdict, decision, drivers, conditions."),
            "comparison": self.tr("%n assessment(s) ticked.", "", len(ids)),
            "portfolio": self.tr("The portfolio report covers every vendor and product."),
        }[kind])
        self.appendix_check.setEnabled(kind == "assessment" and self.fmt() == "pdf")
        busy = self._operation is not None
        self.create_button.setEnabled(not problem and not busy and bool(self.file_edit.text().strip()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not event.spontaneous():
            focus_first_field(self)   # the first field, not a button a space would press

    # -- finding -------------------------------------------------------------------------------

    def find_assessments(self, text: str) -> list[int]:
        """Show only the assessments whose row contains every word of ``text`` (case-insensitive;
        "#12" matches the id); the first match becomes current. Returns the matching ids."""
        words = text.lower().split()
        matches: list[int] = []
        first: int | None = None
        for row in range(self.assessment_list.count()):
            item = self.assessment_list.item(row)
            hay = item.text().lower()
            hit = all(w in hay for w in words)
            self.assessment_list.setRowHidden(row, not hit)
            if hit:
                matches.append(int(item.data(Qt.ItemDataRole.UserRole)))
                if first is None:
                    first = row
        current = self.assessment_list.currentRow()
        if first is not None and (current < 0 or self.assessment_list.isRowHidden(current)):
            self.assessment_list.setCurrentRow(first)
        return matches

    def _on_search_edit_text_changed(self, text: str) -> None:
        self.find_assessments(text)
        self._update_state()

    def _on_search_edit_return_pressed(self) -> None:
        for row in range(self.assessment_list.count()):
            if not self.assessment_list.isRowHidden(row):
                self.assessment_list.setCurrentRow(row)
                self.assessment_list.scrollToItem(self.assessment_list.item(row))
                break

    def _on_search_completer_activated(self, text: str) -> None:
        for row in range(self.assessment_list.count()):
            if self.assessment_list.item(row).text() == text:
                self.assessment_list.setCurrentRow(row)
                self.assessment_list.scrollToItem(self.assessment_list.item(row))
                return

    # -- slots ---------------------------------------------------------------------------------

    def _on_kind_combo_changed(self) -> None:
        kind = self.kind()
        comparison = kind == "comparison"
        pdf_only = kind in ("comparison", "brief")
        self.assessment_list.setEnabled(kind != "portfolio")
        self.assessment_list.blockSignals(True)
        for row in range(self.assessment_list.count()):
            item = self.assessment_list.item(row)
            if comparison:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                wanted = item.data(Qt.ItemDataRole.UserRole) in self._initial_ids
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            else:
                item.setData(Qt.ItemDataRole.CheckStateRole, None)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.assessment_list.blockSignals(False)
        self.assessment_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The comparison report is PDF only (a side-by-side layout does not translate to one sheet).
        xlsx_index = self.format_combo.findData("xlsx")
        model = self.format_combo.model()  # a combo box's own model is a QStandardItemModel
        xlsx_item = model.item(xlsx_index) if isinstance(model, QStandardItemModel) else None
        if xlsx_item is not None:
            xlsx_item.setEnabled(not pdf_only)
        if pdf_only and self.fmt() == "xlsx":
            self.format_combo.setCurrentIndex(self.format_combo.findData("pdf"))
        self._suggest_file()
        self._update_state()

    def _on_format_combo_changed(self) -> None:
        self.variant_combo.setEnabled(self.fmt() == "pdf")
        if self.file_edit.text():
            self.file_edit.setText(str(Path(self.file_edit.text()).with_suffix("." + self.fmt())))
        self._update_state()

    def _on_assessment_list_item_changed(self, *args: object) -> None:
        self._suggest_file()
        self._update_state()

    def _on_browse_button_clicked(self) -> None:
        filters = self.tr("PDF document (*.pdf)") if self.fmt() == "pdf" else self.tr("Excel workbook (*.xlsx)")
        from trustframe.ui import file_dialogs

        path = file_dialogs.choose_save(self, self._ctx.settings, file_dialogs.REPORT, self.tr("Save report as"),
                                        Path(self.file_edit.text()).name or self._suggested_name(), filters)
        if path:
            self.file_edit.setText(str(Path(path).with_suffix("." + self.fmt())))
        self._update_state()

    # -- running -------------------------------------------------------------------------------

    def create_report(self) -> Operation | None:
        """Start producing the report in the background; returns the operation (tests wait on it)."""
        if self._operation is not None:
            return None
        kind, fmt, ids = self.kind(), self.fmt(), self.selected_ids()
        target = Path(self.file_edit.text().strip()).expanduser()
        variant = self.variant_combo.currentData() if fmt == "pdf" else None
        include_appendix = self.appendix_check.isChecked() or kind != "assessment" or fmt != "pdf"
        services = self._services
        want_preview = fmt == "pdf"
        # The report's author and footer name: the assessor's name from Preferences, never the OS login.
        settings = getattr(self._ctx, "settings", None)
        author = settings.assessor_name if settings is not None else ""

        def work(task: Task) -> tuple[Any, bytes | None]:
            result = services.reports.write(kind, fmt, target, ids, pdf_variant=variant,
                                            progress=lambda percent, text: task.report(percent, 100, text),
                                            include_appendix=include_appendix, author=author,
                                            language=i18n.report_language())
            preview = render_preview(result.path) if want_preview else None
            return result, preview

        self.status_label.setText(self.tr("Creating the report…"))
        self._operation = Operation(work, parent=self, ctx=self._ctx, title=self.tr("Creating report"),
                                    label=self.tr("Creating the report…"), on_success=self._on_report_written,
                                    error_context=self.tr("Creating a report"))
        self._operation.finished.connect(self._on_operation_finished)
        self._update_state()
        return self._operation.start()

    def _on_report_written(self, value: tuple[Any, bytes | None]) -> None:
        result, preview = value
        self.last_result = result
        pages = self.tr(", %n page(s)", "", result.pages) if result.pages else ""
        self.status_label.setText(self.tr("Saved to {path}{pages}.").format(path=result.path, pages=pages))
        if preview:
            pixmap = QPixmap()
            pixmap.loadFromData(preview, "PNG")
            self.preview.setPixmap(pixmap.scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation))
        elif result.format == "pdf":
            self.preview.setText(self.tr("No preview: install poppler-utils (pdftoppm) to see the first page here."))
        else:
            self.preview.setText(self.tr("Excel workbooks have no preview."))
        from trustframe.ui import file_dialogs

        file_dialogs.remember_folder(self._ctx.settings, file_dialogs.REPORT, result.path)
        if self.open_check.isChecked() and not file_dialogs.open_with_desktop(self, result.path):
            self.status_label.setText(self.status_label.text() + " " + self.tr(
                "It could not be opened automatically: open it from its folder."))

    def _on_operation_finished(self) -> None:
        if self._operation is not None and self._operation.error is not None:
            self.status_label.setText(self.tr("The report was not created."))
        self._operation = None
        self._update_state()
