"""The vendor register: the home screen. Every product with its latest rating, tier, status,
open red flags, expiring evidence and next review date; search as you type, filter, sort."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.scoring_model import Rating
from trustframe.ui import icons, labels
from trustframe.ui.models.register_model import (
    NONE,
    Column,
    RegisterFilter,
    RegisterTableModel,
    Role,
)
from trustframe.ui.models.server_register_model import ServerRegisterModel, is_team_workspace
from trustframe.ui.widgets.badges import FlagCountBadgeDelegate, RatingBadgeDelegate

if TYPE_CHECKING:
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_store import RegisterStore

#: Default column widths in pixels at 100 % scale (the header state, once saved, wins).
_WIDTHS = {Column.VENDOR: 205, Column.PRODUCT: 200, Column.CATEGORY: 212, Column.RATING: 100,
           Column.TIER: 115, Column.SCORE: 60, Column.FLAGS: 80, Column.STATUS: 120,
           Column.EVIDENCE: 150, Column.NEXT_REVIEW: 110}


class RegisterView(QWidget):
    """The register table with its filter bar."""

    #: The user opened a vendor (vendor id, product id or 0).
    vendor_activated = Signal(int, int)
    #: The user asked to add a vendor.
    add_vendor_requested = Signal()
    #: The user asked for a new assessment (vendor id or 0, product id or 0).
    new_assessment_requested = Signal(int, int)

    def __init__(self, ctx: UiContext, store: RegisterStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._store = store
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self._restore_header()
        self._update_service_actions()
        self._choose_model()
        if store.is_loaded:
            self._on_store_loaded(store.rows)
        else:
            self._show_loading()

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.title = QLabel(self.tr("Vendor register"))
        self.title.setObjectName("PageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("PageSubtitle")
        self.add_vendor_button = QPushButton(icons.icon(icons.ADD), self.tr("Add vendor…"))
        self.add_vendor_button.setAccessibleName(self.tr("Add vendor"))
        self.new_assessment_button = QPushButton(icons.icon(icons.ASSESSMENT_NEW), self.tr("New assessment…"))
        self.new_assessment_button.setObjectName("PrimaryButton")
        self.new_assessment_button.setAccessibleName(self.tr("New assessment"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search vendors, products, countries…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icons.icon(icons.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(self.tr("Search the register"))
        self.search.setMinimumWidth(260)

        self.rating_filter = QComboBox()
        self.rating_filter.setAccessibleName(self.tr("Filter by rating"))
        self.rating_filter.addItem(self.tr("Any rating"), None)
        for rating in Rating:
            self.rating_filter.addItem(labels.rating(rating), rating)
        self.rating_filter.addItem(labels.rating(None), NONE)

        self.tier_filter = QComboBox()
        self.tier_filter.setAccessibleName(self.tr("Filter by inherent tier"))
        self.tier_filter.addItem(self.tr("Any tier"), None)
        for tier in (1, 2, 3, 4):
            self.tier_filter.addItem(labels.tier(tier), tier)

        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in AssessmentStatus:
            self.status_filter.addItem(labels.status(status), status)
        self.status_filter.addItem(labels.status(None), NONE)

        self.overdue_filter = QCheckBox(self.tr("Overdue reviews only"))
        self.overdue_filter.setAccessibleName(self.tr("Show overdue reviews only"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")

        # The model filters and sorts itself (no QSortFilterProxyModel): one pass and one
        # reset per filter change, counts cached (see register_model's docstring).
        self.model: RegisterTableModel = RegisterTableModel(self)
        # A team workspace's register pages from the server instead (_choose_model).
        self._local_model = self.model
        self._server_model: ServerRegisterModel | None = None
        self.table = QTableView()
        self.table.setObjectName("RegisterTable")
        self.table.setAccessibleName(self.tr("Vendor register"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.RATING, RatingBadgeDelegate(Role.RATING, self.table))
        self.table.setItemDelegateForColumn(Column.FLAGS, FlagCountBadgeDelegate(Role.FLAG_LEVEL, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: the view never measures 10,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in _WIDTHS.items():
            # At least the (translated) header text plus the sort arrow: "Punktwert" is wider than "Score".
            title = self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            needed = header.fontMetrics().horizontalAdvance(str(title or "")) + 36
            header.resizeSection(column, max(width, needed))
        header.setSortIndicator(Column.VENDOR, Qt.SortOrder.AscendingOrder)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("EmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_action = QPushButton()
        self.stack = QStackedWidget()

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)  # search as you type, without filtering per keystroke

        self.open_action = QAction(icons.icon(icons.VENDOR), self.tr("Open vendor"), self)
        self.open_assessment_action = QAction(icons.icon(icons.ASSESSMENT), self.tr("Open latest assessment"), self)
        self.new_for_product_action = QAction(icons.icon(icons.ASSESSMENT_NEW),
                                              self.tr("New assessment for this product…"), self)

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        heading.addLayout(titles)
        heading.addStretch(1)
        heading.addWidget(self.add_vendor_button)
        heading.addWidget(self.new_assessment_button)

        bar = QFrame()
        bar.setObjectName("FilterBar")
        filters = QHBoxLayout(bar)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.rating_filter)
        filters.addWidget(self.tier_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        empty_page = QWidget()
        empty = QVBoxLayout(empty_page)
        empty.addStretch(1)
        empty.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_action)
        row.addStretch(1)
        empty.addLayout(row)
        empty.addStretch(2)
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addLayout(heading)
        layout.addWidget(bar)
        layout.addWidget(self.stack, 1)

    def _connect_signals(self) -> None:
        self._store.loaded.connect(self._on_store_loaded)
        self._store.loading_started.connect(self._on_store_loading_started)
        self._ctx.hub.workspace_changed.connect(self._update_service_actions)
        self._ctx.hub.workspace_changed.connect(self._choose_model)
        self.search.textChanged.connect(self._on_search_textChanged)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.rating_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.tier_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.status_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.overdue_filter.toggled.connect(self._on_filter_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_action.clicked.connect(self._on_empty_action_clicked)
        self.add_vendor_button.clicked.connect(self.add_vendor_requested)
        self.new_assessment_button.clicked.connect(self._on_new_assessment_button_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.customContextMenuRequested.connect(self._on_table_customContextMenuRequested)
        self.table.horizontalHeader().sectionResized.connect(self._on_header_changed)
        self.table.horizontalHeader().sectionMoved.connect(self._on_header_changed)
        self.open_action.triggered.connect(self._on_open_action_triggered)
        self.open_assessment_action.triggered.connect(self._on_open_assessment_action_triggered)
        self.new_for_product_action.triggered.connect(self._on_new_assessment_button_clicked)

    # -- public --------------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field (Edit > Find)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_filters(self) -> None:
        """Reset search and filters."""
        for combo in (self.rating_filter, self.tier_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.overdue_filter.blockSignals(True)
        self.overdue_filter.setChecked(False)
        self.overdue_filter.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._search_timer.stop()
        self._apply_filter(RegisterFilter())

    def apply_search_now(self) -> None:
        """Apply the typed search text without waiting for the debounce (tests, Enter key)."""
        self._search_timer.stop()
        self._on_search_timer_timeout()

    def selected_rows(self) -> list[RegisterRow]:
        """The selected register rows, top to bottom."""
        # Rows of any selected cell: selectedRows() wants every column selected, which a hidden
        # column or a restored header state can prevent, and the selection then read as empty.
        numbers = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        # A paged (team) register holds only some pages: rows not fetched are left out.
        return [row for row in (self.model.index(n, 0).data(Role.ROW) for n in numbers) if row is not None]

    def current_row(self) -> RegisterRow | None:
        """The row with the keyboard focus (or the first selected)."""
        index = self.table.currentIndex()
        if index.isValid():
            row = index.data(Role.ROW)  # None for a row of a page not fetched yet
            return row if isinstance(row, RegisterRow) else None
        rows = self.selected_rows()
        return rows[0] if rows else None

    def visible_row_count(self) -> int:
        """Rows passing the filters."""
        return self.model.visible_count

    # -- slots ---------------------------------------------------------------------------------

    def _on_store_loading_started(self) -> None:
        if not self._store.is_loaded and not self._paged:
            self._show_loading()

    @property
    def _paged(self) -> bool:
        """True when the register pages from the server (a team workspace)."""
        return self._server_model is not None and self.model is self._server_model

    def _choose_model(self) -> None:
        """The local model for a workspace file, the server-paged one for a team workspace."""
        team = is_team_workspace(self._ctx.services)
        if team and self._server_model is None:
            self._server_model = ServerRegisterModel(self._ctx, self)
            self._server_model.keys_provider = self._selection_keys
            self._server_model.refreshed.connect(self._on_model_refreshed)
        wanted = self._server_model if team and self._server_model is not None else self._local_model
        header = self.table.horizontalHeader()
        if wanted is not self.model:
            state = header.saveState()
            self.model = wanted
            self.table.setModel(wanted)
            header.restoreState(state)
            # The filter bar stays as it is: the model shown now follows it.
            wanted.set_filter(self._filter_from_widgets())
        if team:
            self._show_loading()
            self.model.set_rows([], None, sort=(header.sortIndicatorSection(), header.sortIndicatorOrder()))
        elif self._server_model is not None:
            self._server_model.release()  # its server connection, until a team workspace again

    def _on_model_refreshed(self, positions: dict[tuple[int, int | None], int],
                            keys: tuple[set[tuple[int, int | None]], tuple[int, int | None] | None]) -> None:
        """The server's answer is in: select the kept rows where they are now, update counts."""
        self._reselect(keys[0], keys[1], positions)
        self._update_counts()

    def _on_store_loaded(self, rows: Sequence[RegisterRow]) -> None:
        if self._paged:
            return  # the paged model follows changes itself (ServerRegisterModel.refresh)
        selected, current = self._selection_keys()
        header = self.table.horizontalHeader()
        self.model.set_rows(rows, self._store.today, sort=(header.sortIndicatorSection(), header.sortIndicatorOrder()))
        self._reselect(selected, current)
        self._update_counts()

    def _selection_keys(self) -> tuple[set[tuple[int, int | None]], tuple[int, int | None] | None]:
        """(vendor id, product id) of the selected rows and of the current row."""
        if not self.model.rowCount():
            return set(), None
        selected = {(r.vendor_id, r.product_id) for r in self.selected_rows()}
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return selected, ((row.vendor_id, row.product_id) if row is not None else None)

    def _reselect(self, keys: set[tuple[int, int | None]], current: tuple[int, int | None] | None,
                  positions: dict[tuple[int, int | None], int] | None = None) -> None:
        """Select the rows with these keys again after a reset, in one selection change: runs
        of adjacent rows become one range, so even "select all" costs one pass, not a signal
        per row. ``positions`` (key -> row, from the server when paged) saves the search."""
        if not keys and current is None:
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = previous = -1
        current_row = -1
        found: Iterable[tuple[int, tuple[int, int | None]]]
        if positions is None:
            # Keys read from the rows' tuples: no RegisterRow is built for rows off screen.
            found = enumerate(self.model.row_keys())
        else:
            found = iter(sorted((n, key) for key, n in positions.items()))
        for n, key in found:
            if key == current:
                current_row = n
            if key not in keys:
                continue
            if n != previous + 1 and start >= 0:
                selection.select(self.model.index(start, 0), self.model.index(previous, last))
                start = -1
            if start < 0:
                start = n
            previous = n
        if start >= 0:
            selection.select(self.model.index(start, 0), self.model.index(previous, last))
        model = self.table.selectionModel()
        if current_row >= 0:
            model.setCurrentIndex(self.model.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        if not selection.isEmpty():
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _apply_filter(self, new: RegisterFilter) -> None:
        """Apply the filters: one pass, one reset, selection kept, counts updated once."""
        if self._paged:
            # Asked of the server; the selection and counts follow when it answers.
            self.model.set_filter(new)
            self.clear_button.setEnabled(self.model.is_filtered)
            return
        selected, current = self._selection_keys()
        if self.model.set_filter(new):
            self._reselect(selected, current)
        self._update_counts()

    def _on_search_textChanged(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self._apply_filter(self._filter_from_widgets())

    def _on_filter_changed(self, *_args: object) -> None:
        self._apply_filter(self._filter_from_widgets())

    def _filter_from_widgets(self) -> RegisterFilter:
        return RegisterFilter(text=self.search.text(), rating=self.rating_filter.currentData(),
                              tier=self.tier_filter.currentData(), status=self.status_filter.currentData(),
                              overdue_only=self.overdue_filter.isChecked())

    def _on_empty_action_clicked(self) -> None:
        if self.model.total_count == 0:
            self.add_vendor_requested.emit()
        else:
            self.clear_filters()

    def _on_new_assessment_button_clicked(self) -> None:
        row = self.current_row()
        self.new_assessment_requested.emit(row.vendor_id if row else 0, (row.product_id or 0) if row else 0)

    def _update_service_actions(self) -> None:
        # At start-up the rows can be shown before the services are there (trustframe.ui.startup):
        # what opens or adds something waits for them, and looks disabled meanwhile.
        ready = self._ctx.services is not None
        for widget in (self.add_vendor_button, self.new_assessment_button):
            widget.setEnabled(ready)

    def _on_table_activated(self, index: QModelIndex) -> None:
        row: RegisterRow = index.data(Role.ROW)
        if row is not None and self._ctx.services is not None:
            self.vendor_activated.emit(row.vendor_id, row.product_id or 0)

    def _on_open_action_triggered(self) -> None:
        row = self.current_row()
        if row is not None:
            self.vendor_activated.emit(row.vendor_id, row.product_id or 0)

    def _on_open_assessment_action_triggered(self) -> None:
        row = self.current_row()
        if row is None:
            return
        # The latest assessment is the open reassessment when there is one (the row shows the
        # standing decision; the officer works on the new one).
        latest = row.reassessment_id if row.reassessment_id is not None else row.assessment_id
        if latest is not None:
            self._ctx.hub.assessment_requested.emit(latest)

    def _on_table_customContextMenuRequested(self, pos: QPoint) -> None:
        row = self.current_row()
        if row is None:
            return
        ready = self._ctx.services is not None
        self.open_action.setEnabled(ready)
        self.open_assessment_action.setEnabled(ready and row.assessment_id is not None)
        self.new_for_product_action.setEnabled(ready and row.product_id is not None)
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.open_assessment_action)
        menu.addSeparator()
        menu.addAction(self.new_for_product_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _on_header_changed(self, *_args: object) -> None:
        if self._ctx.settings is not None and hasattr(self._ctx.settings, "register_header"):
            self._ctx.settings.register_header = self.table.horizontalHeader().saveState()

    # -- helpers -------------------------------------------------------------------------------

    def _restore_header(self) -> None:
        state = getattr(self._ctx.settings, "register_header", None)
        if state is not None:
            self.table.horizontalHeader().restoreState(state)

    def _show_loading(self) -> None:
        self.summary.setText(self.tr("Loading the register…"))
        self.count_label.clear()

    def _update_counts(self, *_args: object) -> None:
        # Cached counts only (computed once per load): this runs once per change, never per row.
        total = self.model.total_count
        shown = self.model.visible_count
        # Qt plural forms: "1 vendor · 2 products and services" (never "1 vendors"); %Ln and
        # QLocale write the number the language's way ("10,001 vendors", "10.001 Anbieter").
        self.summary.setText(self.tr("%Ln vendor(s)", "", self.model.vendor_count) + " · "
                             + self.tr("%Ln product(s) and service(s)", "", self.model.product_count))
        partial = None if self._paged else getattr(self._store, "partial_total", None)
        if partial is not None:
            # Start-up on a large workspace: the first vendors by name, the rest on its way.
            self.summary.setText(self.tr("Loading the register of %Ln vendor(s)… the first ones by name are shown.",
                                         "", partial))
        filtered = self.model.is_filtered
        self.clear_button.setEnabled(filtered)
        locale = QLocale()
        self.count_label.setText(self.tr("Showing {shown} of {total}").format(
            shown=locale.toString(shown), total=locale.toString(total)) if filtered else "")
        model = self.model
        loaded = model.is_loaded if isinstance(model, ServerRegisterModel) else self._store.is_loaded
        if total == 0 and loaded:
            self.empty_label.setText(self.tr(
                "<b>No vendors yet.</b><br>Add the vendors you buy ICT products and services from, then "
                "assess each product's trustworthiness."))
            self.empty_action.setText(self.tr("Add your first vendor…"))
            self.stack.setCurrentIndex(1)
        elif shown == 0 and total > 0:
            self.empty_label.setText(self.tr("<b>Nothing matches these filters.</b><br>"
                                             "Try another search or clear the filters."))
            self.empty_action.setText(self.tr("Clear filters"))
            self.stack.setCurrentIndex(1)
        else:
            self.stack.setCurrentIndex(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Cancel) and self.model.is_filtered:
            self.clear_filters()
            return
        super().keyPressEvent(event)
