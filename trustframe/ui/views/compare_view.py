"""Compare two or more assessments side by side (vendors bidding for the same purchase):
overall score, rating, recommendation, completeness, open flags, per-domain and per-pillar
scores with small bars, each red flag's state and every answer per vendor. Column headers name
vendor, product and date; rows whose values differ are marked and can be shown alone."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer
from trustframe.domain.questionnaire import Question
from trustframe.errors import NotFoundError
from trustframe.ui import labels
from trustframe.ui.context import UiContext
from trustframe.ui.models.compare_model import (
    BAR_COLOR_ROLE,
    DIFFERS_MARK,
    SCORE_ROLE,
    CompareRow,
    CompareTableModel,
    RowKind,
)
from trustframe.ui.widgets import colors

log = logging.getLogger(__name__)


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws a score cell as a small horizontal bar with the number beside it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(SCORE_ROLE)
        color = index.data(BAR_COLOR_ROLE)
        if index.column() == 0 or color is None:
            super().paint(painter, option, index)
            return
        # Background and selection as usual, then the bar and the number.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        fm = option.fontMetrics
        rect = option.rect.adjusted(fm.averageCharWidth(), 0, -fm.averageCharWidth(), 0)
        number_w = fm.horizontalAdvance("100") + fm.averageCharWidth()
        bar_w = max(10, rect.width() - number_w)
        bar_h = max(4, int(fm.height() * 0.5))
        top = rect.top() + (rect.height() - bar_h) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = option.palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(rect.left(), top, bar_w, bar_h), bar_h / 2, bar_h / 2)
        if value is not None and value > 0:
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(QRectF(rect.left(), top, max(bar_h, bar_w * min(1.0, value / 100)), bar_h),
                                    bar_h / 2, bar_h / 2)
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(rect.left() + bar_w, rect.top(), number_w, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         "—" if value is None else f"{value:.0f}")
        painter.restore()


class CompareView(QWidget):
    """Two or more assessments side by side."""

    #: The user asked to open one of the compared assessments (its id).
    assessment_activated = Signal(int)

    def __init__(self, ctx: UiContext, assessment_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.assessment_ids = list(assessment_ids)
        self.comparison: Any = None
        self.setAccessibleName(self.tr("Compare assessments"))
        # build widgets
        self.title_label = QLabel(self.tr("Comparison"))
        self.title_label.setObjectName("PageTitle")
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("PageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.model = CompareTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ScoreBarDelegate(self.table))
        self.table.setAccessibleName(self.tr("Comparison table"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.empty_label = QLabel(self.tr("Scores are not available for these assessments."))
        self.empty_label.setObjectName("EmptyState")
        self.differences_box = QCheckBox(self.tr("Show &differences only"))
        self.differences_box.setToolTip(self.tr("Hide the rows where every assessment has the same value; rows "
                                                "that differ are marked %1").replace("%1", DIFFERS_MARK))
        # build layout
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addWidget(self.differences_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        # connect signals
        self.ctx.hub.data_changed.connect(self._on_hub_data_changed)
        self.table.horizontalHeader().sectionDoubleClicked.connect(self._on_header_section_double_clicked)
        self.differences_box.toggled.connect(self._apply_differences_filter)
        self.refresh()

    def title(self) -> str:
        """Tab title."""
        return self.tr("Compare (%1)").replace("%1", str(len(self.assessment_ids)))

    def set_assessments(self, assessment_ids: Sequence[int]) -> None:
        """Compare another set of assessments."""
        self.assessment_ids = list(assessment_ids)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the comparison and show it."""
        services = self.ctx.services
        self.comparison = None
        if services is not None and self.assessment_ids:
            try:
                self.comparison = services.scoring.compare(self.assessment_ids)
            except Exception:  # noqa: BLE001 - the screen shows "not available"; the traceback is logged
                log.exception("Comparing assessments %s failed", self.assessment_ids)
        comparison = self.comparison
        self.empty_label.setVisible(comparison is None)
        self.table.setVisible(comparison is not None)
        if comparison is None:
            self.model.set_table([], [])
            return
        assessments = self._assessments()
        columns = [f"{c.vendor_name}\n{c.product_name}\n{self._when(assessments.get(c.assessment_id))}"
                   for c in comparison.columns]
        self.subtitle_label.setText(self.tr("Scores as of %1. Double-click a vendor to open its assessment.").replace(
            "%1", comparison.as_of.isoformat()))
        self.model.set_table(columns, self._rows(comparison))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().averageCharWidth() * 42)
        for section in range(1, len(columns) + 1):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        self.table.clearSpans()
        for row in range(self.model.rowCount()):
            shown = self.model.row_at(row)
            if shown is not None and shown.kind is RowKind.HEADING:
                self.table.setSpan(row, 0, 1, len(columns) + 1)
        self._apply_differences_filter()

    def differing_labels(self) -> list[str]:
        """Labels of the rows whose values differ (for tests and the report of what changed)."""
        rows = [self.model.row_at(i) for i in range(self.model.rowCount())]
        return [row.label for row in rows if row is not None and row.differs]

    def visible_labels(self) -> list[str]:
        """Labels of the rows shown (not filtered out)."""
        rows = [self.model.row_at(i) for i in range(self.model.rowCount()) if not self.table.isRowHidden(i)]
        return [row.label for row in rows if row is not None]

    def _assessments(self) -> dict[int, Any]:
        services = self.ctx.services
        found: dict[int, Any] = {}
        for aid in self.assessment_ids:
            try:
                found[aid] = services.assessments.get(aid) if services is not None else None
            except NotFoundError:
                continue
        return found

    def _when(self, assessment: Any) -> str:
        """The date a column stands for: decided on, else started on."""
        if assessment is None:
            return ""
        if assessment.decision_date is not None:
            return self.tr("decided %1").replace("%1", assessment.decision_date.isoformat())
        if assessment.created_at is not None:
            return self.tr("started %1").replace("%1", assessment.created_at.date().isoformat())
        return ""

    def _apply_differences_filter(self, *_args: object) -> None:
        only = self.differences_box.isChecked()
        heading: int | None = None
        heading_has_rows = False
        for i in range(self.model.rowCount()):
            row = self.model.row_at(i)
            assert row is not None
            if row.kind is RowKind.HEADING:
                if heading is not None:
                    self.table.setRowHidden(heading, only and not heading_has_rows)
                heading, heading_has_rows = i, False
                continue
            hidden = only and not row.differs
            self.table.setRowHidden(i, hidden)
            heading_has_rows = heading_has_rows or not hidden
        if heading is not None:
            self.table.setRowHidden(heading, only and not heading_has_rows)

    def _answer_rows(self) -> list[CompareRow]:
        """One row per question asked in any of the assessments: each one's answer."""
        services = self.ctx.services
        if services is None:
            return []
        per_column: list[tuple[dict[str, Question], dict[str, Answer]]] = []   # (applicable questions, answers)
        order: list[str] = []
        for aid in self.assessment_ids:
            try:
                assessment = services.assessments.get(aid)
                answers = services.assessments.answers(aid)
                questions = services.assessments.applicable_questions(assessment, answers)
            except NotFoundError:
                per_column.append(({}, {}))
                continue
            per_column.append(({q.id: q for q in questions}, answers))
            order += [q.id for q in questions if q.id not in order]
        not_asked = self.tr("not asked")
        rows: list[CompareRow] = []
        for qid in order:
            question = next(q[qid] for q, _a in per_column if qid in q)
            cells = []
            for asked, answers in per_column:
                if qid not in asked:
                    cells.append(not_asked)
                    continue
                answer = answers.get(qid)
                value = answer.value if answer is not None else None
                cells.append(answer_values.display(asked[qid], value) if value is not None else "—")
            rows.append(CompareRow(RowKind.TEXT, f"{qid}  {question.text}", tuple(cells), tooltip=question.text))
        return rows

    def _rows(self, comparison: Any) -> list[CompareRow]:
        cols = comparison.columns
        rows: list[CompareRow] = [
            CompareRow(RowKind.SCORE, self.tr("Overall score"), tuple(c.overall for c in cols),
                       tuple(colors.score_color(c.overall).name() for c in cols), comparison.overall.best),
            CompareRow(RowKind.TEXT, self.tr("Rating"), tuple(labels.rating(c.rating) for c in cols),
                       tuple(colors.rating_color(c.rating).name() for c in cols)),
            CompareRow(RowKind.TEXT, self.tr("Recommendation"),
                       tuple(labels.recommendation(c.recommendation) for c in cols)),
            CompareRow(RowKind.SCORE, self.tr("Completeness"), tuple(c.completeness * 100 for c in cols),
                       tuple(colors.TO_CONFIRM for _ in cols)),
            CompareRow(RowKind.TEXT, self.tr("Open red flags (critical)"),
                       tuple(f"{c.open_flags} ({c.critical_flags})" for c in cols),
                       tuple(colors.SEVERITY_COLORS["critical"] if c.critical_flags else None for c in cols)),
            CompareRow(RowKind.TEXT, self.tr("Inherent tier"), tuple(labels.tier(c.tier) for c in cols)),
        ]
        for heading, groups, pillars in ((self.tr("By domain"), comparison.by_section, False),
                                         (self.tr("By pillar"), comparison.by_pillar, True)):
            rows.append(CompareRow(RowKind.HEADING, heading))
            for group in groups:
                if all(s is None for s in group.scores) and all(not c for c in group.completeness):
                    continue  # asked of nobody: noise
                if pillars:  # a pillar's key is its enum value: show the translated name alone
                    title = labels.pillar_title(group.key, group.title)
                    text = title
                else:
                    title = group.title
                    text = f"{group.key}  {group.title}" if group.key != group.title else group.title
                rows.append(CompareRow(RowKind.SCORE, text, tuple(group.scores),
                                       tuple(colors.score_color(s).name() for s in group.scores), group.best,
                                       tooltip=title))
        if comparison.flags:
            rows.append(CompareRow(RowKind.HEADING, self.tr("Red flags")))
            state_text = {"open": self.tr("Open"), "accepted": self.tr("Accepted"), None: "—"}
            for flag in comparison.flags:
                rows.append(CompareRow(
                    RowKind.TEXT, f"{labels.severity(flag.severity)} · {flag.title}",
                    tuple(state_text.get(s, str(s)) for s in flag.states),
                    tuple(colors.severity_color(flag.severity).name() if s == "open" else None for s in flag.states),
                    tooltip=flag.flag_id))
        answer_rows = self._answer_rows()
        if answer_rows:
            rows.append(CompareRow(RowKind.HEADING, self.tr("Answers")))
            rows += answer_rows
        return rows

    def _on_hub_data_changed(self, change: Any) -> None:
        if getattr(change, "assessment_id", None) in self.assessment_ids or getattr(change, "entity", "") in (
                "vendor", "product", "settings"):
            self.refresh()

    def _on_header_section_double_clicked(self, section: int) -> None:
        if 1 <= section <= len(self.assessment_ids):
            aid = self.assessment_ids[section - 1]
            self.assessment_activated.emit(aid)
            self.ctx.hub.assessment_requested.emit(aid)
