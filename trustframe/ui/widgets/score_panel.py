"""The live score panel: overall score, rating badge, completeness, bars by domain and by
pillar, and the red flags raised so far (worst first, with severity colours)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trustframe.domain.scoring_model import GroupScore, ScoreResult
from trustframe.ui import i18n, labels
from trustframe.ui.widgets import colors
from trustframe.ui.widgets.charts import BarChart

_FLAG_QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class Badge(QLabel):
    """A rounded, coloured label (rating, severity, status)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.set_color(QColor(colors.NEUTRAL))

    def set_color(self, color: QColor) -> None:
        """Background colour (text is white)."""
        pad_v = max(2, self.fontMetrics().height() // 6)
        pad_h = max(6, self.fontMetrics().averageCharWidth())
        self.setStyleSheet(
            f"QLabel {{ background: {color.name()}; color: white; border-radius: {pad_h}px;"
            f" padding: {pad_v}px {pad_h}px; font-weight: 600; }}")


SHORT_TITLE_CHARS = 27


def short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """The head of a domain title, for narrow places: "Security governance and enterprise risk
    management" -> "Security governance", "Technical transparency - SBOM, source…" ->
    "Technical transparency"; still longer than ``limit``, whole words up to it
    ("Secure-by-default product properties" -> "Secure-by-default product"). The full title goes
    into a tooltip."""
    head = title
    for separator in (":", " - ", " – ", ",", " and "):
        head = head.split(separator, 1)[0]
    head = head.strip() or title
    if len(head) > limit:
        words = head.split()
        kept = [words[0]]
        for word in words[1:]:
            if len(" ".join([*kept, word])) > limit:
                break
            kept.append(word)
        head = " ".join(kept)
    return head


def section_title(text: str) -> QLabel:
    """A small heading for a group inside a panel."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class ScorePanel(QWidget):
    """Shows one :class:`ScoreResult` (or "score unavailable")."""

    #: The officer activated a red flag (the question id that raised it).
    flag_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ScoreResult | None = None
        self.setAccessibleName(self.tr("Score"))
        # build widgets
        self.overall_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.4)
        big.setBold(True)
        self.overall_label.setFont(big)
        self.overall_label.setAccessibleName(self.tr("Overall score"))
        # Room for "100" in the large font, so the number is never clipped at any scaling.
        self.overall_label.setMinimumWidth(QFontMetrics(big).horizontalAdvance("100") + 4)
        self.out_of_label = QLabel(self.tr("/ 100"))
        self.out_of_label.setEnabled(False)
        self.rating_badge = Badge(self.tr("Not rated"))
        self.rating_badge.setAccessibleName(self.tr("Rating"))
        self.recommendation_label = QLabel()
        self.recommendation_label.setWordWrap(True)
        self.completeness_bar = QProgressBar()
        self.completeness_bar.setRange(0, 100)
        self.completeness_bar.setFormat(self.tr("%p% complete"))
        self.completeness_bar.setAccessibleName(self.tr("Completeness"))
        self.reasons_label = QLabel()
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setEnabled(False)
        # Stacked: a label line above each bar, so "GOV Security governance" fits a narrow panel.
        self.domain_chart = BarChart(label_chars=26, stacked=True)
        self.domain_chart.setAccessibleName(self.tr("Score by domain"))
        self.pillar_chart = BarChart(label_chars=26, stacked=True)
        self.pillar_chart.setAccessibleName(self.tr("Score by pillar"))
        self.flags_list = QListWidget()
        self.flags_list.setAccessibleName(self.tr("Red flags"))
        self.flags_list.setWordWrap(True)
        self.flags_list.setSpacing(max(2, self.fontMetrics().height() // 5))
        self.flags_list.setMinimumHeight(self.fontMetrics().height() * 4)
        self.flags_heading = section_title(self.tr("Red flags"))
        self.unavailable_label = QLabel(self.tr("The score is not available yet."))
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.setEnabled(False)
        # build layout
        top = QHBoxLayout()
        top.addWidget(self.overall_label)
        top.addWidget(self.out_of_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.rating_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.recommendation_label)
        layout.addWidget(self.completeness_bar)
        layout.addWidget(self.reasons_label)
        layout.addWidget(self.unavailable_label)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(section_title(self.tr("By domain")))
        layout.addWidget(self.domain_chart)
        layout.addWidget(section_title(self.tr("By pillar")))
        layout.addWidget(self.pillar_chart)
        layout.addWidget(self.flags_heading)
        layout.addWidget(self.flags_list, 1)
        # connect signals
        self.flags_list.itemActivated.connect(self._on_flags_list_item_activated)
        self.set_result(None)

    def set_result(self, result: ScoreResult | None, section_titles: dict[str, str] | None = None) -> None:
        """Show a score (None: unavailable)."""
        self.result = result
        self.unavailable_label.setVisible(result is None)
        if result is None:
            self.overall_label.setText("—")
            self.rating_badge.setText(self.tr("Not rated"))
            self.rating_badge.set_color(QColor(colors.NEUTRAL))
            self.recommendation_label.clear()
            self.reasons_label.clear()
            self.completeness_bar.setValue(0)
            self.domain_chart.set_data([])
            self.pillar_chart.set_data([])
            self.flags_list.clear()
            self.flags_heading.setText(self.tr("Red flags"))
            return
        self.overall_label.setText("—" if result.overall is None else f"{result.overall:.0f}")
        self.rating_badge.setText(labels.rating(result.rating))
        self.rating_badge.set_color(colors.rating_color(result.rating))
        self.recommendation_label.setText(
            self.tr("Recommendation: %1").replace("%1", labels.recommendation(result.recommendation)))
        self.completeness_bar.setValue(round(result.completeness * 100))
        self.reasons_label.setText("\n".join(i18n.words(reason) for reason in result.rating_reasons[:3]))
        self.reasons_label.setVisible(bool(result.rating_reasons))
        titles = section_titles or {}
        domains = []
        for g in result.by_section:
            if not (g.applicable or g.score is not None):
                continue  # nothing in scope (e.g. hardware questions for software): left out
            title = titles.get(g.key, g.title)
            label = f"{g.key} {short_title(title)}" if g.key != title else title
            full = f"{g.key} · {title}" if g.key != title else title
            domains.append((label, g.score, colors.score_color(g.score), self._group_tooltip(full, g)))
        self.domain_chart.set_data(domains)
        pillars = []
        for g in result.by_pillar:
            title = labels.pillar_title(g.key, g.title)
            pillars.append((title, g.score, colors.score_color(g.score), self._group_tooltip(title, g)))
        self.pillar_chart.set_data(pillars)
        self._show_flags(result)

    def _group_tooltip(self, title: str, group: GroupScore) -> str:
        score = "—" if group.score is None else f"{group.score:.0f}"
        return self.tr("%1: %2 / 100 (%3 of %4 questions answered)").replace("%1", title).replace(
            "%2", score).replace("%3", str(group.answered)).replace("%4", str(group.applicable))

    def _show_flags(self, result: ScoreResult) -> None:
        self.flags_list.clear()
        flags = sorted(result.flags, key=lambda f: (f.accepted, f.severity.rank, f.question_id))
        open_count = sum(1 for f in flags if not f.accepted)
        self.flags_heading.setText(self.tr("Red flags (%1 open)").replace("%1", str(open_count)))
        if not flags:
            item = QListWidgetItem(self.tr("No red flags raised."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.flags_list.addItem(item)
            return
        for flag in flags:
            severity = labels.severity(flag.severity).upper()
            text = f"{severity} · {flag.question_id} · {flag.title}"
            if flag.accepted:
                text = self.tr("%1 (accepted as mitigated)").replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(_FLAG_QUESTION_ROLE, flag.question_id)
            mitigation, accepted = self.tr("Mitigation"), self.tr("Accepted")
            item.setToolTip(f"{flag.rationale}\n\n{mitigation}: {flag.mitigation}"
                            + (f"\n\n{accepted}: {flag.accepted_reason}" if flag.accepted else ""))
            color = QColor(colors.NEUTRAL) if flag.accepted else colors.severity_color(flag.severity)
            item.setForeground(QBrush(color))
            if not flag.accepted:
                font = item.font()
                font.setBold(flag.severity.rank == 0)
                item.setFont(font)
            self.flags_list.addItem(item)

    def _on_flags_list_item_activated(self, item: QListWidgetItem) -> None:
        question_id = item.data(_FLAG_QUESTION_ROLE)
        if question_id:
            self.flag_activated.emit(str(question_id))
