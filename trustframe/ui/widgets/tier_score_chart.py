"""Inherent tier against trust score: one dot per product, coloured by rating (QPainter; the
Essentials wheel has no QtCharts).

Tier is on the vertical axis (tier 1, critical, at the top) and score on the horizontal axis,
so the products that need attention first, critical and poorly trusted, sit in the shaded
top-left corner. Dots in the same tier are spread vertically by a stable jitter (from the
product id) so a crowd stays readable and does not jump between repaints.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels, theme


@dataclass(frozen=True)
class ChartPoint:
    """One product on the chart."""

    key: int            # stable id (product id) for jitter and clicks
    vendor_id: int
    tier: int           # 1..4
    score: float        # 0..100
    rating: Rating | None
    label: str          # "Vendor / Product"


class TierScoreChart(QWidget):
    """The scatter chart. Click a dot to open its vendor."""

    #: A dot was clicked (vendor id, product id).
    point_activated = Signal(int, int)

    _MARGIN_LEFT = 118
    _MARGIN_RIGHT = 18
    _MARGIN_TOP = 14
    _MARGIN_BOTTOM = 58

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[ChartPoint] = []
        self._positions: list[QPointF] = []
        self._positions_for: tuple[float, float, float, float] | None = None  # plot geometry of _positions
        self._order: list[int] = []  # drawing order of _points
        self._unscored = 0
        self.setMouseTracking(True)
        self.setMinimumSize(380, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Inherent tier against trust score"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_points(self, points: list[ChartPoint], unscored: int = 0) -> None:
        """Show ``points``; ``unscored`` products are mentioned under the chart."""
        self._points = [p for p in points if 1 <= p.tier <= 4]
        self._unscored = unscored
        # Worst ratings drawn last so they sit on top: the order is computed once here, not on
        # every paint (120,000 dots on a 100,000-vendor portfolio).
        rank: dict[Rating | None, int] = {r: i for i, r in enumerate(Rating)}
        self._order = sorted(range(len(self._points)), key=lambda i: rank.get(self._points[i].rating, -1))
        self._positions_for = None
        counts = dict.fromkeys(Rating, 0)
        for p in self._points:
            if p.rating in counts:
                counts[p.rating] += 1
        self.setAccessibleDescription(self.tr("%n product(s) plotted. ", "", len(self._points)) + ", ".join(
            f"{labels.rating(r)}: {c}" for r, c in counts.items()))
        self._positions = []
        self.update()

    @property
    def points(self) -> list[ChartPoint]:
        """The plotted points."""
        return self._points

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(620, 340)

    # -- geometry ------------------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        return QRectF(self._MARGIN_LEFT, self._MARGIN_TOP,
                      max(10, self.width() - self._MARGIN_LEFT - self._MARGIN_RIGHT),
                      max(10, self.height() - self._MARGIN_TOP - self._MARGIN_BOTTOM))

    def _position(self, point: ChartPoint, plot: QRectF) -> QPointF:
        band = plot.height() / 4
        # Stable jitter in [-0.32, 0.32] of a band from the key (Knuth's multiplicative hash).
        jitter = ((point.key * 2654435761) % 1000) / 1000 - 0.5
        y = plot.top() + band * (point.tier - 0.5) + jitter * band * 0.64
        x = plot.left() + plot.width() * max(0.0, min(100.0, point.score)) / 100
        return QPointF(x, y)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot_rect()
        band = plot.height() / 4
        painter.fillRect(self.rect(), theme.BASE)

        # Attention zone: critical/high tiers with low scores.
        gradient = QLinearGradient(plot.topLeft(), QPointF(plot.left() + plot.width() * 0.6, plot.top() + band * 2))
        gradient.setColorAt(0.0, QColor(180, 35, 24, 34))
        gradient.setColorAt(1.0, QColor(180, 35, 24, 0))
        painter.fillRect(QRectF(plot.left(), plot.top(), plot.width() * 0.6, band * 2), gradient)

        # Tier bands and labels.
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        painter.setFont(font)
        for tier in (1, 2, 3, 4):
            top = plot.top() + band * (tier - 1)
            if tier % 2 == 0:
                painter.fillRect(QRectF(plot.left(), top, plot.width(), band), QColor(247, 249, 251, 160))
            painter.setPen(theme.TEXT)
            painter.drawText(QRectF(4, top, self._MARGIN_LEFT - 12, band),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, labels.tier(tier))
        painter.setPen(QPen(theme.BORDER, 1))
        painter.drawRect(plot)

        # Score grid and axis labels.
        painter.setPen(QPen(QColor("#e6eaf0"), 1, Qt.PenStyle.DashLine))
        for score in (25, 50, 75):
            x = plot.left() + plot.width() * score / 100
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(theme.MUTED)
        for score in (0, 25, 50, 75, 100):
            x = plot.left() + plot.width() * score / 100
            text = str(score)
            painter.drawText(QPointF(x - metrics.horizontalAdvance(text) / 2, plot.bottom() + metrics.ascent() + 4),
                             text)
        axis = self.tr("Trust score (higher is better)")
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, axis)
        if self._unscored:
            painter.drawText(QRectF(plot.left(), plot.bottom() + 2 * metrics.height() + 8, plot.width(),
                                    metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             self.tr("%n product(s) not scored yet and not shown", "", self._unscored))

        # Dots: worst ratings last so they sit on top.
        radius = 5.5 if len(self._points) < 400 else 3.5 if len(self._points) < 3000 else 2.2
        order = self._order
        geometry = (plot.left(), plot.top(), plot.width(), plot.height())
        if self._positions_for != geometry or len(self._positions) != len(self._points):
            self._positions = [self._position(p, plot) for p in self._points]
            self._positions_for = geometry
        white = QPen(QColor("#ffffff"), 1.2 if radius > 3 else 0.5)
        for i in order:
            point = self._points[i]
            colour = theme.rating_colour(point.rating)
            painter.setPen(white)
            painter.setBrush(colour)
            painter.drawEllipse(self._positions[i], radius, radius)
        if not self._points:
            painter.setPen(theme.MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                             self.tr("No scored products yet.\nScores appear once assessments have answers."))
        painter.end()

    # -- interaction ---------------------------------------------------------------------------

    def point_at(self, pos: QPointF, tolerance: float = 7.0) -> ChartPoint | None:
        """The dot under ``pos`` (nearest within ``tolerance`` pixels)."""
        if len(self._positions) != len(self._points):
            plot = self._plot_rect()
            self._positions = [self._position(p, plot) for p in self._points]
        best, best_distance = None, tolerance * tolerance
        for point, at in zip(self._points, self._positions, strict=True):  # recomputed above
            dx, dy = at.x() - pos.x(), at.y() - pos.y()
            distance = dx * dx + dy * dy
            if distance <= best_distance:
                best, best_distance = point, distance
        return best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = self.point_at(event.position())
        if point is None:
            QToolTip.hideText()
            self.unsetCursor()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(event.globalPosition().toPoint(), self.tr(
            "<b>{label}</b><br>{tier} · score {score:.0f} · {rating}").format(
            label=point.label, tier=labels.tier(point.tier), score=point.score, rating=labels.rating(point.rating)),
            self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = self.point_at(event.position())
        if point is not None and event.button() == Qt.MouseButton.LeftButton:
            self.point_activated.emit(point.vendor_id, point.key)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._positions = []
        super().resizeEvent(event)
