"""The question navigator: domains (with progress) and their visible questions (with markers).

A thin adapter over plain frozen dataclasses (napari style; defined Qt-free in
``ui/controllers/question_page.py``): ``data()`` only reads those and pre-drawn icons, never the
database. Updating with the same structure emits ``dataChanged`` for the rows that changed, so the
selection and scroll position survive; a
structural change (a show-if condition hid or revealed a question, scope changed) resets.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from trustframe.ui.controllers.question_page import NavQuestion, NavSection
from trustframe.ui.widgets import colors

__all__ = ["NavQuestion", "NavSection", "NavigatorRole", "QuestionNavigatorModel"]

_Index = QModelIndex | QPersistentModelIndex


class NavigatorRole(enum.IntEnum):
    """Named data roles of the navigator."""

    QUESTION_ID = Qt.ItemDataRole.UserRole + 1
    SECTION_ID = Qt.ItemDataRole.UserRole + 2
    ANSWERED = Qt.ItemDataRole.UserRole + 3
    FLAGGED = Qt.ItemDataRole.UserRole + 4
    FOLLOW_UP = Qt.ItemDataRole.UserRole + 5
    TO_CONFIRM = Qt.ItemDataRole.UserRole + 6
    CHANGED = Qt.ItemDataRole.UserRole + 7
    PROGRESS = Qt.ItemDataRole.UserRole + 8   # (answered, total) for a domain


class QuestionNavigatorModel(QAbstractItemModel):
    """Two levels: sections, then questions. One column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sections: list[NavSection] = []
        self._icons: dict[tuple[str | int, ...], QIcon] = {}  # (kind, state...) -> drawn icon

    # -- data in -------------------------------------------------------------------------------

    def set_sections(self, sections: Sequence[NavSection]) -> None:
        """Show these sections; keeps the selection when only markers changed."""
        new = [s for s in sections if s.questions]
        if _structure(new) != _structure(self._sections):
            self.beginResetModel()
            self._sections = new
            self.endResetModel()
            return
        old = self._sections
        self._sections = new
        for srow, (before, after) in enumerate(zip(old, new, strict=True)):  # same structure: same lengths
            if before == after:
                continue
            section_index = self.index(srow, 0)
            self.dataChanged.emit(section_index, section_index)
            for qrow, (qb, qa) in enumerate(zip(before.questions, after.questions, strict=True)):
                if qb != qa:
                    qindex = self.index(qrow, 0, section_index)
                    self.dataChanged.emit(qindex, qindex)

    def sections(self) -> list[NavSection]:
        """The sections shown."""
        return list(self._sections)

    def question_ids(self) -> list[str]:
        """Visible question ids in order."""
        return [q.id for s in self._sections for q in s.questions]

    def question(self, question_id: str) -> NavQuestion | None:
        """The visible question with this id."""
        for section in self._sections:
            for q in section.questions:
                if q.id == question_id:
                    return q
        return None

    def index_of(self, question_id: str) -> QModelIndex:
        """The index of a visible question (invalid when hidden)."""
        for srow, section in enumerate(self._sections):
            for qrow, q in enumerate(section.questions):
                if q.id == question_id:
                    return self.index(qrow, 0, self.index(srow, 0))
        return QModelIndex()

    # -- Qt model interface --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._sections) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self._sections):
            return QModelIndex()
        if row >= len(self._sections[parent.row()].questions):
            return QModelIndex()
        # A question's internal id is its section row + 1 (0 marks a section).
        return self.createIndex(row, 0, parent.row() + 1)

    # PySide6's stubs give QAbstractItemModel.parent both C++ overloads (QObject.parent() and
    # parent(index)); a Python override can only be the index one, hence the ignore.
    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        if not parent.isValid():
            return len(self._sections)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._sections[parent.row()].questions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._section_data(self._sections[index.row()], role)
        section = self._sections[int(index.internalId()) - 1]
        return self._question_data(section.questions[index.row()], role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Questions")
        return None

    # -- helpers -------------------------------------------------------------------------------

    def _section_data(self, section: NavSection, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section.answered}/{section.total}  {section.title}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("%1: %2 of %3 answered").replace("%1", section.title).replace(
                "%2", str(section.answered)).replace("%3", str(section.total))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._progress_icon(section.answered, section.total)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == NavigatorRole.SECTION_ID:
            return section.id
        if role == NavigatorRole.PROGRESS:
            return (section.answered, section.total)
        return None

    def _question_data(self, q: NavQuestion, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{q.id}  {q.text}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{q.id}: {q.text}\n{self._state_text(q)}" if role == Qt.ItemDataRole.ToolTipRole \
                else f"{q.id}, {self._state_text(q)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._state_icon(q)
        if role == Qt.ItemDataRole.FontRole and q.changed:
            font = QFont()
            font.setItalic(True)
            return font
        roles: dict[int, object] = {
            NavigatorRole.QUESTION_ID: q.id, NavigatorRole.SECTION_ID: q.section_id,
            NavigatorRole.ANSWERED: q.answered, NavigatorRole.FLAGGED: q.flagged,
            NavigatorRole.FOLLOW_UP: q.follow_up, NavigatorRole.TO_CONFIRM: q.to_confirm,
            NavigatorRole.CHANGED: q.changed,
        }
        return roles.get(role)

    def _state_text(self, q: NavQuestion) -> str:
        parts = [self.tr("answered") if q.answered else self.tr("unanswered")]
        if q.to_confirm:
            parts.append(self.tr("to confirm (copied from last time)"))
        if q.changed:
            parts.append(self.tr("changed since last time"))
        if q.flagged:
            parts.append(self.tr("raises a red flag"))
        if q.follow_up:
            parts.append(self.tr("needs follow-up"))
        return ", ".join(parts)

    def _state_icon(self, q: NavQuestion) -> QIcon:
        key = ("q", q.answered, q.flagged, q.follow_up, q.to_confirm)
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = _draw_state_icon(q)
        return icon

    def _progress_icon(self, answered: int, total: int) -> QIcon:
        step = round(8 * answered / total) if total else 0
        key = ("p", step)
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = _draw_progress_icon(step / 8)
        return icon


def _structure(sections: Sequence[NavSection]) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.id, tuple(q.id for q in s.questions)) for s in sections]


_ICON_SIZE = 32  # drawn large and scaled down: crisp at 100 % and 200 %


def _draw_state_icon(q: NavQuestion) -> QIcon:
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(6, 6, 20, 20)
    if q.flagged:
        color = QColor(colors.SEVERITY_COLORS["critical"])
    elif q.to_confirm:
        color = QColor(colors.TO_CONFIRM)
    elif q.answered:
        color = QColor(colors.ANSWERED)
    else:
        color = QColor(colors.NEUTRAL)
    if q.answered and not q.to_confirm:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
    else:
        painter.setPen(QPen(color, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(rect)
    if q.follow_up:
        painter.setPen(QPen(Qt.GlobalColor.white, 2))
        painter.setBrush(QColor(colors.FOLLOW_UP))
        painter.drawEllipse(QRectF(18, 1, 13, 13))
    painter.end()
    return QIcon(pixmap)


def _draw_progress_icon(share: float) -> QIcon:
    pixmap = QPixmap(_ICON_SIZE, _ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(5, 5, 22, 22)
    track = QColor(colors.NEUTRAL)
    track.setAlpha(90)
    painter.setPen(QPen(track, 4))
    painter.drawEllipse(rect)
    if share > 0:
        painter.setPen(QPen(QColor(colors.ANSWERED), 4))
        painter.drawArc(rect, 90 * 16, int(-share * 360 * 16))
    painter.end()
    return QIcon(pixmap)
