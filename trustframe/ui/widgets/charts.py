"""A small horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

Usage::

    chart = BarChart()
    chart.set_data([("Governance", 72.0, QColor("#2e7d32")), ("Ownership", None, QColor("grey"))])

Values are 0-100 or None ("not scored yet", drawn as an empty track with an em dash). Every
size comes from the font metrics, so the chart stays crisp and proportionate at 100 % and 200 %
scaling; nothing is computed or read in ``paintEvent`` beyond the data already set.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BarItem = tuple[str, "float | None", QColor]
#: One bar as given to :meth:`BarChart.set_data`: label, value, colour (a QColor or a name) and an optional tooltip.
BarData = tuple[str, "float | None", "QColor | str"] | tuple[str, "float | None", "QColor | str", str]


class BarChart(QWidget):
    """Labelled horizontal bars, one row per item: ``label  [#####.....]  72``.

    ``stacked=True`` puts each label on its own line above its bar (value at the right of the
    label line), so narrow panels show whole labels instead of cutting them after a few letters.
    Each item may carry a tooltip (shown when the mouse is over its row).
    """

    def __init__(self, parent: QWidget | None = None, *, label_chars: int = 18, max_value: float = 100.0,
                 stacked: bool = False) -> None:
        super().__init__(parent)
        self._items: list[BarItem] = []
        self._tooltips: list[str] = []
        self._label_chars = label_chars
        self._max = max_value
        self._stacked = stacked
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Bar chart"))

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, items: Sequence[BarData]) -> None:
        """Replace the bars: ``[(label, value 0-100 or None, colour[, tooltip])]``."""
        self._items = [(str(item[0]), None if item[1] is None else float(item[1]), QColor(item[2]))
                       for item in items]
        self._tooltips = [str(item[3]) if len(item) > 3 and item[3] else
                          f"{item[0]}: {'—' if item[1] is None else f'{float(item[1]):.0f}'}" for item in items]
        # Screen readers cannot see the painting, so the values go into the description.
        not_scored = self.tr("not scored")
        self.setAccessibleDescription("; ".join(
            f"{label}: {not_scored if value is None else f'{value:.0f}'}"
            for label, value, _ in self._items))
        self.updateGeometry()
        self.update()

    def items(self) -> list[BarItem]:
        """The bars currently shown (for tests and accessibility)."""
        return list(self._items)

    def tooltips(self) -> list[str]:
        """Each bar's tooltip, in order."""
        return list(self._tooltips)

    def row_at(self, point: QPoint) -> int | None:
        """The row under ``point`` (widget coordinates), or None."""
        row = int(point.y() // self._row_height()) if point.y() >= 0 else -1
        return row if 0 <= row < len(self._items) else None

    # -- geometry ------------------------------------------------------------------------------

    def _row_height(self) -> int:
        height = self.fontMetrics().height()
        if self._stacked:  # label line + bar + a little air
            return height + self._bar_height() + max(3, int(height * 0.45))
        return int(height * 1.45)

    def _bar_height(self) -> int:
        return max(4, int(self.fontMetrics().height() * (0.4 if self._stacked else 0.55)))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        width = fm.averageCharWidth() * (self._label_chars + (6 if self._stacked else 22))
        return QSize(width, max(1, len(self._items)) * self._row_height() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        fm = self.fontMetrics()
        return QSize(fm.averageCharWidth() * 24, self.sizeHint().height())

    # -- events --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:  # noqa: D401 (Qt override)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(event.pos())
            if row is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._tooltips[row], self)
            return True
        return super().event(event)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        fm = self.fontMetrics()
        row_h = self._row_height()
        value_w = fm.horizontalAdvance("100") + fm.averageCharWidth()
        gap = fm.averageCharWidth()
        bar_h = self._bar_height()
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(70)
        text_color = palette.color(QPalette.ColorRole.WindowText)
        for row, (label, value, color) in enumerate(self._items):
            top = row * row_h
            value_text = "—" if value is None else f"{value:.0f}"
            if self._stacked:
                label_w = max(10, self.width() - value_w - gap)
                text_rect = QRectF(0, top, label_w, fm.height())
                value_rect = QRectF(self.width() - value_w, top, value_w, fm.height())
                bar_x, bar_w = 0.0, float(self.width() - 1)
                bar_top: float = top + fm.height() + max(1, bar_h // 3)
            else:
                label_w = min(fm.averageCharWidth() * self._label_chars, int(self.width() * 0.45))
                text_rect = QRectF(0, top, label_w, row_h)
                bar_x = label_w + gap
                bar_w = max(10, self.width() - bar_x - gap - value_w)
                value_rect = QRectF(bar_x + bar_w + gap, top, value_w, row_h)
                bar_top = top + (row_h - bar_h) / 2
            painter.setPen(text_color)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, int(text_rect.width())))
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
            painter.drawText(value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, value_text)
        painter.end()
