"""An item delegate that wraps long item text to the view's width.

Qt's own word wrap in item views (``setWordWrap(True)``) breaks lines only between words: one
long "word" such as a file path, a URL or a list of ids joined without spaces still runs past
the right edge, where it is clipped or forces sideways scrolling. This delegate lays the text out
with ``WrapAtWordBoundaryOrAnywhere`` at the width of the view's viewport, so every item is as
wide as the view and as tall as its text needs. Use it in a list view with
``setResizeMode(QListView.ResizeMode.Adjust)`` so the items are measured again when the view
is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import QFont, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex


class WrappingItemDelegate(QStyledItemDelegate):
    """Draws an item's display text wrapped to the view's width, breaking inside long words."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 (Qt override)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        h_margin, v_margin = self._margins(opt)
        width = self._item_width(opt)
        _layout, height = _wrapped_layout(opt.text, opt.font, max(1, width - 2 * h_margin))
        # Never narrower than one line of text, whatever the text.
        height = max(height, opt.fontMetrics.height())
        return QSize(width, int(height) + 1 + 2 * v_margin)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        # The style draws background, selection and focus as for any item; the text is ours.
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        h_margin, v_margin = self._margins(opt)
        area = QRect(opt.rect).adjusted(h_margin, v_margin, -h_margin, -v_margin)
        layout, _height = _wrapped_layout(text, opt.font, max(1, area.width()))
        group = (QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled
                 else QPalette.ColorGroup.Disabled)
        role = (QPalette.ColorRole.HighlightedText if opt.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(group, role))
        layout.draw(painter, QPointF(area.topLeft()))
        painter.restore()

    @staticmethod
    def _margins(opt: QStyleOptionViewItem) -> tuple[int, int]:
        # The horizontal margin is the one Qt's styles leave beside item text; a little space
        # above and below keeps wrapped items apart.
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        h_margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        return h_margin, max(2, opt.fontMetrics.height() // 6)

    @staticmethod
    def _item_width(opt: QStyleOptionViewItem) -> int:
        # The view's visible width, not the width the text would like: that is what keeps the
        # list from scrolling sideways.
        widget = opt.widget
        if isinstance(widget, QAbstractItemView):
            return max(1, widget.viewport().width())
        return max(1, opt.rect.width())


def _wrapped_layout(text: str, font: QFont, width: int) -> tuple[QTextLayout, float]:
    """``text`` laid out in lines of at most ``width`` pixels; returns the layout and its height."""
    # QTextLayout does not break at "\n"; the Unicode line separator it does break at.
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return layout, height
