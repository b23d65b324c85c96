"""Rating badges: a coloured pill with the rating's word (colour is never the only cue)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels, theme


def paint_badge(painter: QPainter, rect: QRectF, text: str, colour: QColor, filled: bool = True,
                align_right: bool = False) -> None:
    """Draw a pill centred vertically in ``rect``, left-aligned (or right-aligned, for numbers)."""
    metrics = QFontMetrics(painter.font())
    height = min(rect.height() - 6, metrics.height() + 6)
    width = max(metrics.horizontalAdvance(text) + 18, height)  # a single digit is still a round pill
    left = rect.right() - 6 - width if align_right else rect.left() + 6
    pill = QRectF(left, rect.center().y() - height / 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if filled:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("#ffffff"))
    else:
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2)
        painter.setPen(colour)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


class _BadgeDelegate(QStyledItemDelegate):
    """Base of the badge delegates: the style paints the cell, the subclass the badge."""

    def _draw_background(self, painter: QPainter, option: QStyleOptionViewItem,
                         index: QModelIndex | QPersistentModelIndex) -> None:
        """Let the style draw the selection/focus background, without the cell's text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


class RatingBadgeDelegate(_BadgeDelegate):
    """Paints the rating column as a badge. Reads the rating from ``rating_role`` and shows
    nothing when the display text is empty (no assessment yet)."""

    def __init__(self, rating_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._rating_role = rating_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        self._draw_background(painter, option, index)
        if not text:
            return
        rating = index.data(self._rating_role)
        paint_badge(painter, QRectF(option.rect), str(text), theme.rating_colour(rating), filled=rating is not None)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, max(size.height(), 28))


class FlagCountBadgeDelegate(_BadgeDelegate):
    """Paints an open-red-flag count as a pill, by one rule: red when any open flag is critical,
    amber when the open flags are all high or medium, nothing when there are none. Reads
    ``"critical"`` / ``"open"`` / None from ``level_role``; the count (display text) and the
    tooltip carry the same information in words."""

    def __init__(self, level_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._level_role = level_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        self._draw_background(painter, option, index)
        level = index.data(self._level_role)
        if not text or level is None:
            return
        colour = theme.DANGER if level == "critical" else theme.WARNING
        paint_badge(painter, QRectF(option.rect), str(text), colour, filled=True, align_right=True)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, max(size.height(), 28))


class RatingBadge(QLabel):
    """A badge as a label (for headers and cards)."""

    def __init__(self, rating: Rating | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_rating(rating)

    def set_rating(self, rating: Rating | None, text: str | None = None) -> None:
        """Show ``rating`` (None = not rated)."""
        colour = theme.rating_colour(rating).name()
        label = text if text is not None else labels.rating(rating)
        self.setText(label)
        self.setAccessibleName(self.tr("Rating: {rating}").format(rating=label))
        if rating is None:
            self.setStyleSheet(f"QLabel {{ color: {colour}; border: 1px solid {colour}; border-radius: 10px;"
                               f" padding: 2px 10px; }}")
        else:
            self.setStyleSheet(f"QLabel {{ color: white; background: {colour}; border-radius: 10px;"
                               f" padding: 2px 10px; font-weight: 600; }}")
