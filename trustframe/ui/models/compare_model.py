"""Side-by-side comparison table: one column per assessment, rows for the overall result,
each domain and pillar, and each red flag. Plain rows in; a delegate draws the score bars."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

_Index = QModelIndex | QPersistentModelIndex


class RowKind(str, enum.Enum):
    """What a comparison row holds."""

    HEADING = "heading"   # a group title spanning the table
    TEXT = "text"         # text per column (rating, recommendation, flag state)
    SCORE = "score"       # a 0-100 score per column, drawn as a small bar


#: Data role of a score cell: the 0-100 value or None.
SCORE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Data role of the bar colour of a score cell.
BAR_COLOR_ROLE = Qt.ItemDataRole.UserRole + 2
#: Data role of the row kind (a RowKind value).
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
#: Data role: True when the row's cells are not all the same (the row is marked).
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 4
#: Background of rows whose values differ between the compared assessments.
DIFFERS_BACKGROUND = "#fff4e5"
#: Mark put before the label of a row whose values differ.
DIFFERS_MARK = "≠"


@dataclass(frozen=True)
class CompareRow:
    """One row: a label and one cell per assessment."""

    kind: RowKind
    label: str
    cells: tuple[Any, ...] = ()                   # float | None for SCORE, str for TEXT
    colors: tuple[str | None, ...] = ()           # text colour (TEXT) or bar colour (SCORE) per cell
    best: int | None = None                       # the column to emphasise
    tooltip: str = ""

    @property
    def differs(self) -> bool:
        """True when the compared assessments do not all have the same value in this row
        (scores compared as shown, to the whole point)."""
        if self.kind is RowKind.HEADING or len(self.cells) < 2:
            return False
        shown = {round(c) if isinstance(c, float) else c for c in self.cells}
        return len(shown) > 1


class CompareTableModel(QAbstractTableModel):
    """Read-only comparison table."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[CompareRow] = []

    def set_table(self, columns: Sequence[str], rows: Sequence[CompareRow]) -> None:
        """Replace the table: column titles (one per assessment) and rows."""
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CompareRow | None:
        """The row object at ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt override)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return ""
        return self._columns[section - 1] if 0 < section <= len(self._columns) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == KIND_ROLE:
            return row.kind.value
        if role == DIFFERS_ROLE:
            return row.differs
        if role == Qt.ItemDataRole.BackgroundRole and row.differs:
            return QBrush(QColor(DIFFERS_BACKGROUND))
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{DIFFERS_MARK} {row.label}" if row.differs else row.label
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{row.label} ({self.tr('differs')})" if row.differs else row.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return row.tooltip or row.label
            if role == Qt.ItemDataRole.FontRole and row.kind is RowKind.HEADING:
                font = QFont()
                font.setBold(True)
                return font
            return None
        cell_index = column - 1
        if row.kind is RowKind.HEADING or cell_index >= len(row.cells):
            return None
        value = row.cells[cell_index]
        color = row.colors[cell_index] if cell_index < len(row.colors) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind is RowKind.SCORE:
                return "—" if value is None else f"{value:.0f}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "—" if value is None else str(value)
        if role == SCORE_ROLE and row.kind is RowKind.SCORE:
            return value
        if role == BAR_COLOR_ROLE and row.kind is RowKind.SCORE:
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.ForegroundRole and row.kind is RowKind.TEXT and color:
            return QBrush(QColor(color))
        if role == Qt.ItemDataRole.FontRole and row.best == cell_index:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
