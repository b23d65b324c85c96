"""Portfolio overview: how many products sit at each rating and tier, the tier/score chart,
reviews that are overdue and evidence that is about to lapse. "Rescore all" recomputes every
assessment's score in the background."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.evidence import EvidenceState
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.scoring_model import Rating
from trustframe.ui import icons, labels, messages, theme
from trustframe.ui.items import cell
from trustframe.ui.operations import Operation, Task
from trustframe.ui.widgets.tier_score_chart import ChartPoint, TierScoreChart

if TYPE_CHECKING:
    from trustframe.services.scoring import RescorePreview
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_store import RegisterStore

log = logging.getLogger(__name__)

#: Most rows listed in the overdue and expiring lists (the register filters show all).
LIST_LIMIT = 200


@dataclass(frozen=True)
class ExpiringItem:
    """A piece of evidence that expired or expires soon."""

    evidence_id: int
    vendor_id: int
    vendor_name: str
    title: str
    expires_on: date
    state: EvidenceState


class CountCard(QFrame):
    """A number with a caption and a coloured accent bar."""

    def __init__(self, caption: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.value = QLabel("–")
        self.value.setObjectName("CardValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("CardLabel")
        self.caption.setWordWrap(True)
        bar = QFrame()
        bar.setFixedHeight(4)
        bar.setStyleSheet(f"background: {colour}; border-radius: 2px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(bar)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setMinimumWidth(96)
        self.setAccessibleName(caption)

    def set_count(self, count: int) -> None:
        """Show ``count``."""
        self.value.setText(f"{count:,}")
        self.setAccessibleDescription(f"{self.caption.text()}: {count}")


def _list_table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setHighlightSections(False)
    return table


class PortfolioView(QWidget):
    """The portfolio overview page."""

    #: The user opened a vendor from the chart or a list (vendor id, product id or 0).
    vendor_activated = Signal(int, int)
    #: The user asked for the portfolio report.
    report_requested = Signal()

    def __init__(self, ctx: UiContext, store: RegisterStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._store = store
        self.expiring: list[ExpiringItem] = []
        self._evidence_op: Operation | None = None
        self.rescore_operation: Operation | None = None
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        if store.is_loaded:
            self._on_store_loaded(store.rows)

    # -- construction --------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.title = QLabel(self.tr("Portfolio overview"))
        self.title.setObjectName("PageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("PageSubtitle")
        self.rescore_button = QPushButton(icons.icon(icons.REFRESH), self.tr("Rescore all"))
        self.rescore_button.setAccessibleName(self.tr("Rescore all assessments"))
        self.rescore_button.setToolTip(self.tr("Recompute every assessment's score with the current scoring "
                                               "profile and today's evidence validity"))
        self.report_button = QPushButton(icons.icon(icons.REPORT), self.tr("Portfolio report…"))
        self.report_button.setObjectName("PrimaryButton")

        self.rating_cards: dict[Rating | None, CountCard] = {
            r: CountCard(labels.rating(r), theme.rating_colour(r).name()) for r in Rating}
        self.rating_cards[None] = CountCard(labels.rating(None), theme.rating_colour(None).name())
        tier_colours = {1: "#7a2e8e", 2: "#9b5fb0", 3: "#b993c9", 4: "#d9c5e2"}
        self.tier_cards: dict[int | None, CountCard] = {
            t: CountCard(labels.tier(t), tier_colours[t]) for t in (1, 2, 3, 4)}
        self.tier_cards[None] = CountCard(self.tr("Tier not set"), "#c9d1db")

        self.chart = TierScoreChart()
        self.overdue_table = _list_table([self.tr("Vendor / product"), self.tr("Review was due"), self.tr("Overdue")],
                                         self.tr("Overdue reviews"))
        self.expiring_table = _list_table([self.tr("Vendor: evidence"), self.tr("Expires"), self.tr("State")],
                                          self.tr("Expiring evidence"))
        self.overdue_empty = QLabel(self.tr("No reviews are overdue."))
        self.overdue_empty.setObjectName("Muted")
        self.expiring_empty = QLabel(self.tr("No evidence has expired or expires within 60 days."))
        self.expiring_empty.setObjectName("Muted")
        self.overdue_title = QLabel(self.tr("Overdue reviews"))
        self.overdue_title.setObjectName("SectionTitle")
        self.expiring_title = QLabel(self.tr("Evidence expired or expiring soon"))
        self.expiring_title.setObjectName("SectionTitle")

    def _build_layout(self) -> None:
        heading = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        heading.addLayout(titles, 1)
        heading.addWidget(self.rescore_button)
        heading.addWidget(self.report_button)

        cards = QGridLayout()
        cards.setHorizontalSpacing(10)
        cards.setVerticalSpacing(6)
        by_rating = QLabel(self.tr("Products by residual-risk rating"))
        by_rating.setObjectName("SectionTitle")
        by_tier = QLabel(self.tr("Products by inherent-risk tier"))
        by_tier.setObjectName("SectionTitle")
        cards.addWidget(by_rating, 0, 0, 1, 5)
        for column, card in enumerate(self.rating_cards.values()):
            cards.addWidget(card, 1, column)
        cards.addWidget(by_tier, 0, 6, 1, 5)
        spacer = QFrame()
        spacer.setFixedWidth(12)
        cards.addWidget(spacer, 1, 5)
        for column, card in enumerate(self.tier_cards.values()):
            cards.addWidget(card, 1, 6 + column)

        chart_card = QFrame()
        chart_card.setObjectName("Card")
        chart_layout = QVBoxLayout(chart_card)
        chart_layout.setContentsMargins(12, 8, 12, 10)
        chart_title = QLabel(self.tr("Inherent tier against trust score"))
        chart_title.setObjectName("SectionTitle")
        chart_hint = QLabel(self.tr("One dot per product, coloured by rating. Products in the shaded corner are "
                                    "critical to you and poorly trusted: look at them first."))
        chart_hint.setObjectName("Muted")
        chart_hint.setWordWrap(True)
        chart_layout.addWidget(chart_title)
        chart_layout.addWidget(chart_hint)
        chart_layout.addWidget(self.chart, 1)
        legend = QHBoxLayout()
        legend.addStretch(1)
        for rating in (*Rating, None):
            dot = QLabel("●")
            dot.setStyleSheet(f"color: {theme.rating_colour(rating).name()}; font-size: 14px;")
            legend.addWidget(dot)
            text = QLabel(labels.rating(rating))
            text.setObjectName("Muted")
            legend.addWidget(text)
            legend.addSpacing(8)
        legend.addStretch(1)
        chart_layout.addLayout(legend)

        lists = QWidget()
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        lists_layout.addWidget(self.overdue_title)
        lists_layout.addWidget(self.overdue_table, 1)
        lists_layout.addWidget(self.overdue_empty)
        lists_layout.addWidget(self.expiring_title)
        lists_layout.addWidget(self.expiring_table, 2)
        lists_layout.addWidget(self.expiring_empty)
        self.overdue_empty.hide()
        self.expiring_empty.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(chart_card)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 540])

        content = QWidget()
        content.setObjectName("ScrollContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addLayout(cards)
        layout.addWidget(splitter, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content.setMinimumHeight(600)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect_signals(self) -> None:
        self._store.loaded.connect(self._on_store_loaded)
        self.chart.point_activated.connect(self.vendor_activated)
        self.overdue_table.itemActivated.connect(self._on_overdue_table_itemActivated)
        self.expiring_table.itemActivated.connect(self._on_expiring_table_itemActivated)
        self.rescore_button.clicked.connect(self.rescore_all)
        self.report_button.clicked.connect(self.report_requested)

    # -- data ----------------------------------------------------------------------------------

    def _on_store_loaded(self, rows: Sequence[RegisterRow]) -> None:
        today = self._store.today
        products = [r for r in rows if r.product_id is not None]
        # One pass for all the cards (a pass per card was noticeable at 130,000 rows).
        by_rating = Counter(r.rating for r in products if r.assessment_id is not None)
        by_tier = Counter(r.tier for r in products)
        for rating, card in self.rating_cards.items():
            card.set_count(by_rating.get(rating, 0))
        for tier, card in self.tier_cards.items():
            card.set_count(by_tier.get(tier, 0))
        scored = [r for r in products if r.score is not None and r.tier is not None]
        self.chart.set_points([ChartPoint(r.product_id or 0, r.vendor_id, r.tier or 4, r.score or 0.0, r.rating,
                                          f"{r.vendor_name} / {r.product_name}") for r in scored],
                              unscored=sum(1 for r in products if r.assessment_id is not None and r.score is None))
        assessed = sum(1 for r in products if r.assessment_id is not None)
        self.subtitle.setText(self.tr("{assessed} of {total} products assessed · as of {date}").format(
            assessed=f"{assessed:,}", total=f"{len(products):,}", date=today.isoformat()))
        self._fill_overdue(rows, today)
        self._load_expiring()

    def _fill_overdue(self, rows: Sequence[RegisterRow], today: date) -> None:
        overdue = sorted((r for r in rows if r.overdue(today)), key=lambda r: r.next_review_due or today)
        table = self.overdue_table
        table.setRowCount(min(len(overdue), LIST_LIMIT))
        for i, r in enumerate(overdue[:LIST_LIMIT]):
            name = QTableWidgetItem(f"{r.vendor_name} / {r.product_name}" if r.product_name else r.vendor_name)
            name.setData(Qt.ItemDataRole.UserRole, (r.vendor_id, r.product_id or 0))
            table.setItem(i, 0, name)
            due = QTableWidgetItem(r.next_review_due.isoformat() if r.next_review_due else "")
            table.setItem(i, 1, due)
            days = (today - r.next_review_due).days if r.next_review_due else 0
            late = QTableWidgetItem(self.tr("%n day(s)", "", days))
            late.setForeground(QBrush(theme.DANGER))
            table.setItem(i, 2, late)
        self.overdue_title.setText(self.tr("Overdue reviews ({n})").format(n=f"{len(overdue):,}") if overdue
                                   else self.tr("Overdue reviews"))
        self.overdue_table.setVisible(bool(overdue))
        self.overdue_empty.setVisible(not overdue)

    def _load_expiring(self) -> None:
        services = self._ctx.services
        if services is None or self._evidence_op is not None:
            return
        names = {r.vendor_id: r.vendor_name for r in self._store.rows}
        today = self._store.today

        def load(task: Task) -> list[ExpiringItem]:
            items = []
            for ev in services.evidence.list_evidence():
                state = ev.state(today)
                if state in (EvidenceState.EXPIRED, EvidenceState.EXPIRING) and ev.expires_on and ev.id:
                    items.append(ExpiringItem(ev.id, ev.vendor_id, names.get(ev.vendor_id, ""), ev.title,
                                              ev.expires_on, state))
            # Soonest first; expired ones (already past) lead.
            return sorted(items, key=lambda e: e.expires_on)

        self._evidence_op = Operation(load, parent=self, show_progress=False, on_success=self._on_expiring_loaded,
                                      error_context=self.tr("Listing expiring evidence"))
        self._evidence_op.finished.connect(self._on_evidence_op_finished)
        self._evidence_op.start()

    def _on_evidence_op_finished(self) -> None:
        self._evidence_op = None

    def _on_expiring_loaded(self, items: list[ExpiringItem]) -> None:
        self.expiring = items
        table = self.expiring_table
        table.setRowCount(min(len(items), LIST_LIMIT))
        for i, e in enumerate(items[:LIST_LIMIT]):
            title = QTableWidgetItem(f"{e.vendor_name}: {e.title}")
            title.setData(Qt.ItemDataRole.UserRole, (e.vendor_id, 0))
            title.setToolTip(title.text())
            table.setItem(i, 0, title)
            table.setItem(i, 1, QTableWidgetItem(e.expires_on.isoformat()))
            state = QTableWidgetItem(labels.evidence_state(e.state))
            state.setForeground(QBrush(theme.EVIDENCE_COLOURS[e.state]))
            table.setItem(i, 2, state)
        expired = sum(1 for e in items if e.state is EvidenceState.EXPIRED)
        self.expiring_title.setText(
            self.tr("Evidence: {expired} expired, {soon} expiring within 60 days").format(
                expired=expired, soon=len(items) - expired) if items else self.tr("Evidence"))
        self.expiring_table.setVisible(bool(items))
        self.expiring_empty.setVisible(not items)

    # -- rescoring -----------------------------------------------------------------------------

    def rescore_all(self) -> None:
        """Recompute every score in the background, with progress and Cancel."""
        services = self._ctx.services
        if services is None:
            return
        scoring = services.scoring

        def preview(task: Task) -> Any:
            return scoring.rescore_preview(progress=task.report)

        # First what would change (old vs new rating per assessment), then, once confirmed, the
        # save: issue 14 (docs/scoring.md, section 10).
        self.rescore_button.setEnabled(False)
        self.rescore_operation = Operation(
            preview, parent=self, ctx=self._ctx, title=self.tr("Rescore all"),
            label=self.tr("Comparing stored ratings with the scoring profile in force"), delay_ms=200,
            on_success=self._on_rescore_previewed, error_context=self.tr("Rescoring the portfolio"))
        self.rescore_operation.finished.connect(self._on_rescore_step_finished)
        self.rescore_operation.start()

    def _on_rescore_previewed(self, preview: RescorePreview) -> None:
        changed = preview.changed
        if changed:
            # Translated labels (labels.py), never the domain's English .label properties.
            lines = [f"#{c.assessment_id} {c.vendor_name} / {c.product_name}: "
                     f"{labels.rating(c.old_rating) if c.old_rating else '-'} → {labels.rating(c.new_rating)} "
                     f"({labels.recommendation(c.old_recommendation) if c.old_recommendation else '-'} → "
                     f"{labels.recommendation(c.new_recommendation)})"
                     for c in changed]
            text = self.tr("%1 of %2 stored ratings change with the scoring profile %3. Save the new scores?") \
                .replace("%1", str(preview.rating_changes)).replace(
                    "%2", str(len(preview.lines) - preview.not_stored)).replace("%3", preview.profile_id)
            informative = self.tr("Decided assessments keep their recorded decision basis.")
            if not messages.presenter(self, messages.Message("question", self.tr("Rescore all"), text,
                                                             "\n".join(lines), informative)):
                self._ctx.hub.status_message.emit(self.tr("Rescore cancelled: nothing saved."), 5000)
                return
        services = self._ctx.services
        if services is None:
            return
        scoring = services.scoring

        def rescore(task: Task) -> Any:
            return scoring.rescore_all(progress=task.report, cancelled=task.is_cancelled)

        self.rescore_operation = Operation(
            rescore, parent=self, ctx=self._ctx, title=self.tr("Rescore all"),
            label=self.tr("Rescoring every assessment"), cancellable=True, delay_ms=200,
            on_success=self._on_rescored,
            error_context=self.tr("Rescoring the portfolio"))
        self.rescore_operation.finished.connect(self._on_rescore_step_finished)
        self.rescore_operation.start()

    def _on_rescore_step_finished(self) -> None:
        # The preview's end starts the save: the button waits for the last step.
        operation = getattr(self, "rescore_operation", None)
        self.rescore_button.setEnabled(operation is None or operation.done)

    def _on_rescored(self, count: int) -> None:
        text = self.tr("Rescored %n assessment(s)", "", count)
        self._ctx.hub.status_message.emit(text, 5000)

    # -- slots ---------------------------------------------------------------------------------

    def _on_overdue_table_itemActivated(self, item: QTableWidgetItem) -> None:
        data = cell(self.overdue_table, item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if data:
            self.vendor_activated.emit(*data)

    def _on_expiring_table_itemActivated(self, item: QTableWidgetItem) -> None:
        data = cell(self.expiring_table, item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if data:
            self.vendor_activated.emit(*data)
