"""A small horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

Usage::

    chart = BarChart()
    chart.set_data([("Governance", 72.0, QColor("#2e7d32")), ("Ownership", None, QColor("grey"))])

Values are 0-100 or None ("not scored yet", drawn as an empty track with an em dash). Every
size comes from the font metrics, so the chart stays crisp and proportionate at 100 % and 200 %
scaling; nothing is computed or read in ``paintEvent`` beyond the data already set.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BarItem = tuple[str, "float | None", QColor]


class BarChart(QWidget):
    """Labelled horizontal bars, one row per item: ``label  [#####.....]  72``."""

    def __init__(self, parent: QWidget | None = None, *, label_chars: int = 18, max_value: float = 100.0) -> None:
        super().__init__(parent)
        self._items: list[BarItem] = []
        self._label_chars = label_chars
        self._max = max_value
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Bar chart"))

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, items: Sequence[BarItem]) -> None:
        """Replace the bars: ``[(label, value 0-100 or None, colour)]``."""
        self._items = [(str(label), None if value is None else float(value), QColor(color))
                       for label, value, color in items]
        # Screen readers cannot see the painting, so the values go into the description.
        self.setAccessibleDescription("; ".join(
            f"{label}: {self.tr('not scored') if value is None else f'{value:.0f}'}"
            for label, value, _ in self._items))
        self.setToolTip("\n".join(
            f"{label}: {'—' if value is None else f'{value:.0f}'}" for label, value, _ in self._items))
        self.updateGeometry()
        self.update()

    def items(self) -> list[BarItem]:
        """The bars currently shown (for tests and accessibility)."""
        return list(self._items)

    # -- geometry ------------------------------------------------------------------------------

    def _row_height(self) -> int:
        return int(self.fontMetrics().height() * 1.45)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        width = fm.averageCharWidth() * (self._label_chars + 22)
        return QSize(width, max(1, len(self._items)) * self._row_height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 24, self.sizeHint().height())

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fm = self.fontMetrics()
        row_h = self._row_height()
        value_w = fm.horizontalAdvance("100") + fm.averageCharWidth()
        label_w = min(fm.averageCharWidth() * self._label_chars, int(self.width() * 0.45))
        gap = fm.averageCharWidth()
        bar_x = label_w + gap
        bar_w = max(10, self.width() - bar_x - gap - value_w)
        bar_h = max(4, int(fm.height() * 0.55))
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        text_color = palette.color(QPalette.ColorRole.WindowText)
        for row, (label, value, color) in enumerate(self._items):
            top = row * row_h
            text_rect = QRectF(0, top, label_w, row_h)
            painter.setPen(text_color)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w))
            bar_top = top + (row_h - bar_h) / 2
            radius = bar_h / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(bar_x, bar_top, bar_w, bar_h), radius, radius)
            if value is not None:
                share = max(0.0, min(1.0, value / self._max)) if self._max else 0.0
                if share > 0:
                    painter.setBrush(color)
                    painter.drawRoundedRect(QRectF(bar_x, bar_top, max(bar_h, bar_w * share), bar_h),
                                            radius, radius)
            painter.setPen(text_color)
            painter.drawText(QRectF(bar_x + bar_w + gap, top, value_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             "—" if value is None else f"{value:.0f}")
        painter.end()
