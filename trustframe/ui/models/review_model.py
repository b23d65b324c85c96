"""Review table: for each applicable question, the vendor's answer next to the verified one.

Plain rows in, display out; the view builds :class:`ReviewRow` objects from domain data once
per refresh, so ``data()`` never touches services.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from trustframe.ui.widgets import colors

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ReviewRow:
    """One question as the reviewer sees it."""

    question_id: str
    section_id: str
    text: str
    vendor_answer: str          # display text of Answer.vendor_value ("" when none)
    answer: str                 # display text of the answer in force ("" when unanswered)
    source: str                 # translated source label ("Officer", "Vendor return", ...)
    note: str = ""              # override reason, follow-up, to confirm ...
    differs: bool = False       # the verified answer differs from the vendor's
    flagged: bool = False       # raises an open red flag
    overridden: bool = False    # reviewer override


class ReviewColumn(enum.IntEnum):
    """Columns of the review table."""

    QUESTION = 0
    VENDOR = 1
    VERIFIED = 2
    SOURCE = 3
    NOTE = 4


QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewTableModel(QAbstractTableModel):
    """A read-only table of :class:`ReviewRow`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._headers = [self.tr("Question"), self.tr("Vendor said"), self.tr("Verified answer"),
                         self.tr("Source"), self.tr("Notes")]

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ReviewRow | None:
        """The row object at ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, question_id: str) -> int:
        """The row of a question (-1 when absent)."""
        for i, r in enumerate(self._rows):
            if r.question_id == question_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(ReviewColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == QUESTION_ID_ROLE:
            return row.question_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = {
                ReviewColumn.QUESTION: f"{row.question_id}  {row.text}",
                ReviewColumn.VENDOR: row.vendor_answer or "—",
                ReviewColumn.VERIFIED: row.answer or self.tr("(unanswered)"),
                ReviewColumn.SOURCE: row.source,
                ReviewColumn.NOTE: row.note,
            }
            return values.get(ReviewColumn(column))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == ReviewColumn.VERIFIED and row.flagged:
                return QBrush(QColor(colors.SEVERITY_COLORS["critical"]))
            if column == ReviewColumn.VERIFIED and not row.answer:
                return QBrush(QColor(colors.NEUTRAL))
            return None
        if role == Qt.ItemDataRole.FontRole and column == ReviewColumn.VERIFIED and (row.differs or row.overridden):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
