"""Choose the assessments to compare side by side.

Opened by Compare… when fewer than two assessments are selected in the register. The list shows
every assessment (vendor, product, procurement reference, status, rating) with a tick box and
can be narrowed to one procurement (the vendors bidding for the same purchase) and one product
category. Ratings known from the register are shown at once; the others are scored in the
background (scoring hundreds of assessments takes a moment, and the dialog must open at once).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.assessment import Assessment
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels
from trustframe.ui.items import cell
from trustframe.ui.models.register_model import Role
from trustframe.ui.operations import Operation, Task
from trustframe.ui.widgets.badges import RatingBadgeDelegate

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext

log = logging.getLogger(__name__)

COL_VENDOR, COL_PRODUCT, COL_PROCUREMENT, COL_STATUS, COL_RATING = range(5)
_ID_ROLE = Qt.ItemDataRole.UserRole
#: Filter value meaning "assessments without a procurement reference".
_NO_REFERENCE = "\x00none"


class ComparePickerDialog(QDialog):
    """Tick two or more assessments; after ``exec()``, :meth:`chosen_ids` in list order."""

    def __init__(self, ctx: UiContext, preselected: Iterable[int] = (),
                 known_ratings: Mapping[int, Rating | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._alive = True
        self.assessments: list[Assessment] = [a for a in ctx.require_services.assessments.list_assessments()
                                              if a.id is not None]
        self.ratings: dict[int, Rating | None] = dict(known_ratings or {})
        #: The background scoring of ratings the register did not know (None when not needed).
        self.rating_operation: Operation | None = None
        preselected = [i for i in preselected if any(a.id == i for a in self.assessments)]
        self._build_widgets()
        self._build_layout()
        self._fill(set(preselected))
        self._connect_signals()
        self._preset_filters(preselected)
        self._on_filter_changed()
        self._start_rating()

    # -- building ------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.setWindowTitle(self.tr("Compare assessments"))
        self.setAccessibleName(self.windowTitle())
        self.intro_label = QLabel(self.tr("Tick two or more assessments to see them side by side, for example the "
                                          "vendors bidding for the same purchase."))
        self.intro_label.setWordWrap(True)
        self.procurement_combo = QComboBox()
        self.procurement_combo.setAccessibleName(self.tr("Procurement reference"))
        self.procurement_combo.addItem(self.tr("All procurements"), None)
        references = sorted({a.procurement for a in self.assessments if a.procurement}, key=str.casefold)
        for reference in references:
            self.procurement_combo.addItem(reference, reference)
        if any(not a.procurement for a in self.assessments):
            self.procurement_combo.addItem(self.tr("(no reference)"), _NO_REFERENCE)
        self.category_combo = QComboBox()
        self.category_combo.setAccessibleName(self.tr("Product category"))
        self.category_combo.addItem(self.tr("All categories"), None)
        present = {a.product_category for a in self.assessments if a.product_category is not None}
        for category in ProductCategory:
            if category in present:
                self.category_combo.addItem(labels.category(category), category.value)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setHorizontalHeaderLabels([self.tr("Vendor"), self.tr("Product / service"),
                                              self.tr("Procurement"), self.tr("Status"), self.tr("Rating")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setItemDelegateForColumn(COL_RATING, RatingBadgeDelegate(Role.RATING, self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("Muted")
        self.summary_label.setAccessibleName(self.tr("Chosen assessments"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.compare_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.compare_button.setText(self.tr("&Compare"))

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        procurement_label = QLabel(self.tr("&Procurement:"))
        procurement_label.setBuddy(self.procurement_combo)
        category_label = QLabel(self.tr("C&ategory:"))
        category_label.setBuddy(self.category_combo)
        filters.addWidget(procurement_label)
        filters.addWidget(self.procurement_combo, 1)
        filters.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        filters.addWidget(category_label)
        filters.addWidget(self.category_combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        # Sized in characters and lines, so the list keeps its proportions at any scale.
        fm = self.fontMetrics()
        char = fm.averageCharWidth()
        # The vendor column also holds the tick box; no column is narrower than its heading.
        header = self.table.horizontalHeader()
        for column, chars in ((COL_VENDOR, 36), (COL_PRODUCT, 32), (COL_PROCUREMENT, 22), (COL_STATUS, 19)):
            self.table.setColumnWidth(column, max(char * chars, header.sectionSizeHint(column)))
        self.resize(char * 140, fm.height() * 30)

    def _connect_signals(self) -> None:
        self.procurement_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.category_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _fill(self, checked: set[int]) -> None:
        self.table.setRowCount(len(self.assessments))
        for row, a in enumerate(self.assessments):
            vendor = QTableWidgetItem(a.vendor_name)
            vendor.setData(_ID_ROLE, a.id)
            vendor.setFlags(vendor.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            vendor.setCheckState(Qt.CheckState.Checked if a.id in checked else Qt.CheckState.Unchecked)
            started = a.created_at.date().isoformat() if a.created_at else ""
            vendor.setToolTip(self.tr("Assessment #%1, started %2").replace("%1", str(a.id)).replace("%2", started))
            self.table.setItem(row, COL_VENDOR, vendor)
            product = QTableWidgetItem(a.product_name)
            product.setToolTip(labels.category(a.product_category))
            self.table.setItem(row, COL_PRODUCT, product)
            self.table.setItem(row, COL_PROCUREMENT, QTableWidgetItem(a.procurement or "–"))
            self.table.setItem(row, COL_STATUS, QTableWidgetItem(labels.status(a.status)))
            self.table.setItem(row, COL_RATING, QTableWidgetItem())
            self._show_rating(row)

    def _show_rating(self, row: int) -> None:
        assessment_id = self.assessments[row].id
        item = cell(self.table, row, COL_RATING)
        if assessment_id is not None and assessment_id in self.ratings:
            rating = self.ratings[assessment_id]
            item.setText(labels.rating(rating))
            item.setData(Role.RATING, rating)
        else:
            item.setText("")  # not scored yet: the badge appears when the background work ends

    def _preset_filters(self, preselected: list[int]) -> None:
        """Start from the purchase of the one assessment already chosen: comparing it with the
        other bids for that procurement is the usual wish."""
        chosen = [a for a in self.assessments if a.id in preselected]
        references = {a.procurement for a in chosen if a.procurement}
        if len(references) == 1:
            self.procurement_combo.setCurrentIndex(self.procurement_combo.findData(references.pop()))

    # -- rating in the background --------------------------------------------------------------

    def _start_rating(self) -> None:
        missing = [a.id for a in self.assessments if a.id is not None and a.id not in self.ratings]
        services = self._ctx.services
        if not missing or services is None:
            return

        def rate(task: Task) -> dict[int, Rating | None]:
            scoring = services.scoring
            result: dict[int, Rating | None] = {}
            for assessment_id in missing:
                task.check()
                try:
                    result[assessment_id] = scoring.score(assessment_id, detail=False).rating
                except Exception:  # one odd assessment shows "not rated"; the cause is logged
                    log.exception("Rating assessment %s for the compare list failed", assessment_id)
                    result[assessment_id] = None
            return result

        self.rating_operation = Operation(rate, parent=None, show_progress=False,
                                          on_success=self._on_ratings_ready).start()

    def _on_ratings_ready(self, ratings: dict[int, Rating | None]) -> None:
        if not self._alive:
            return
        self.ratings.update(ratings)
        self.table.blockSignals(True)
        try:
            for row in range(self.table.rowCount()):
                self._show_rating(row)
        finally:
            self.table.blockSignals(False)
        self.table.viewport().update()

    # -- state ---------------------------------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        """Ticked assessments, in list order (also those hidden by a filter)."""
        return [int(cell(self.table, r, COL_VENDOR).data(_ID_ROLE)) for r in range(self.table.rowCount())
                if cell(self.table, r, COL_VENDOR).checkState() == Qt.CheckState.Checked]

    def shown_ids(self) -> list[int]:
        """Assessments the filters let through, in list order."""
        return [int(cell(self.table, r, COL_VENDOR).data(_ID_ROLE)) for r in range(self.table.rowCount())
                if not self.table.isRowHidden(r)]

    def set_chosen(self, assessment_id: int, chosen: bool) -> None:
        """Tick or untick an assessment (as a click on its box does)."""
        for row in range(self.table.rowCount()):
            item = cell(self.table, row, COL_VENDOR)
            if item.data(_ID_ROLE) == assessment_id:
                item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def set_procurement_filter(self, reference: str | None) -> None:
        """Show only one procurement's assessments ("" = those without a reference; None = all)."""
        data = _NO_REFERENCE if reference == "" else reference
        self.procurement_combo.setCurrentIndex(max(0, self.procurement_combo.findData(data)))

    def set_category_filter(self, category: ProductCategory | None) -> None:
        """Show only one product category (None = all)."""
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(
            category.value if category is not None else None)))

    def accept(self) -> None:
        """Close with the choice (only with two or more ticked)."""
        if len(self.chosen_ids()) < 2:
            return
        super().accept()

    def done(self, result: int) -> None:
        """Stop caring about the background ratings once closed (they may still arrive)."""
        self._alive = False
        if self.rating_operation is not None and not self.rating_operation.done:
            self.rating_operation.task.cancel()
        super().done(result)

    # -- slots ---------------------------------------------------------------------------------

    def _on_filter_changed(self, *_args: Any) -> None:
        reference = self.procurement_combo.currentData()
        category = self.category_combo.currentData()
        for row, a in enumerate(self.assessments):
            hidden = (reference is not None and (a.procurement or _NO_REFERENCE) != reference) or (
                category is not None and (a.product_category.value if a.product_category else None) != category)
            self.table.setRowHidden(row, hidden)
        self._update_summary()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == COL_VENDOR:
            self._update_summary()

    def _update_summary(self) -> None:
        chosen = self.chosen_ids()
        shown = set(self.shown_ids())
        hidden = sum(1 for i in chosen if i not in shown)
        text = self.tr("%n assessment(s) ticked", "", len(chosen))
        if hidden:
            text += " " + self.tr("({n} hidden by the filters)").format(n=hidden)
        if len(chosen) < 2:
            text += " · " + self.tr("tick at least two")
        self.summary_label.setText(text)
        self.compare_button.setEnabled(len(chosen) >= 2)
