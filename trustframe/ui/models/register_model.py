"""The vendor register's Qt models: a thin table over a list of :class:`RegisterRow`.

Following napari, the model only adapts plain Python data: rows are loaded once (one call to
``services.scoring.register_rows()``, off the GUI thread) and ``data()`` does no I/O, only
attribute access and formatting. Sorting is done by the source model on the Python list (one
``list.sort`` with a key, ~10 ms for 10,000 rows) instead of letting QSortFilterProxyModel call
``data()`` a few hundred thousand times; the proxy only filters.
"""

from __future__ import annotations

import enum
import logging
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels, theme

if TYPE_CHECKING:
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    """Register columns, in display order."""

    VENDOR = 0
    PRODUCT = 1
    CATEGORY = 2
    RATING = 3
    TIER = 4
    SCORE = 5
    FLAGS = 6
    STATUS = 7
    EVIDENCE = 8
    NEXT_REVIEW = 9


class Role(enum.IntEnum):
    """Named data roles (napari habit): views and delegates ask for data by meaning."""

    ROW = Qt.ItemDataRole.UserRole + 1        # the RegisterRow
    SORT_KEY = Qt.ItemDataRole.UserRole + 2   # comparable value of the cell
    RATING = Qt.ItemDataRole.UserRole + 3     # Rating | None
    OVERDUE = Qt.ItemDataRole.UserRole + 4    # bool
    VENDOR_ID = Qt.ItemDataRole.UserRole + 5
    ASSESSMENT_ID = Qt.ItemDataRole.UserRole + 6
    FLAG_LEVEL = Qt.ItemDataRole.UserRole + 7  # "critical" | "open" | None (see flag_level)


def flag_level(row: RegisterRow) -> str | None:
    """The one colour rule for open red flags: "critical" (red) when any open flag is critical,
    "open" (amber) when there are open flags but none critical, None (plain) when there are none."""
    if row.critical_flags:
        return "critical"
    return "open" if row.open_flags else None


_SORT_KEYS: dict[Column, Callable[[RegisterRow], Any]] = {
    Column.VENDOR: lambda r: r.vendor_name.casefold(),
    Column.PRODUCT: lambda r: r.product_name.casefold() or None,
    Column.CATEGORY: lambda r: r.category.value if r.category else None,
    Column.RATING: lambda r: r.rating.rank if r.rating else None,
    Column.TIER: lambda r: r.tier,
    Column.SCORE: lambda r: r.score,
    Column.FLAGS: lambda r: (r.critical_flags, r.open_flags),
    Column.STATUS: lambda r: list(AssessmentStatus).index(r.status) if r.status else None,
    Column.EVIDENCE: lambda r: (r.evidence_expiring + r.evidence_expired) or None,
    Column.NEXT_REVIEW: lambda r: r.next_review_due,
}


def _header_titles(tr: Callable[[str], str]) -> list[str]:
    # Literal context: lupdate files tr() passed around as a callable under no context at all.
    del tr
    translate = QCoreApplication.translate
    return [translate("RegisterTableModel", "Vendor"), translate("RegisterTableModel", "Product / service"),
            translate("RegisterTableModel", "Category"), translate("RegisterTableModel", "Rating"),
            translate("RegisterTableModel", "Inherent tier"), translate("RegisterTableModel", "Score"),
            translate("RegisterTableModel", "Red flags"), translate("RegisterTableModel", "Status"),
            translate("RegisterTableModel", "Evidence"), translate("RegisterTableModel", "Next review")]


class RegisterTableModel(QAbstractTableModel):
    """One row per product (vendors without products get one row of their own)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RegisterRow] = []
        self._haystacks: list[str] = []
        self._today = date.today()
        self._headers = _header_titles(self.tr)
        self._bold = QFont()
        self._bold.setBold(True)
        self._danger = QBrush(theme.DANGER)
        self._warning = QBrush(theme.WARNING)
        self._muted = QBrush(theme.MUTED)

    # -- data in -------------------------------------------------------------------------------

    def set_rows(self, rows: list[RegisterRow], today: date | None = None) -> None:
        """Replace every row (a reset is cheaper than diffing 10,000 rows)."""
        self.beginResetModel()
        self._today = today or date.today()
        self._rows = list(rows)
        # Precomputed once so search-as-you-type is a substring test per row.
        self._haystacks = [" ".join((r.vendor_name, r.product_name, r.country,
                                     labels.category(r.category))).casefold() for r in self._rows]
        self.endResetModel()

    @property
    def rows(self) -> list[RegisterRow]:
        """The rows in model order."""
        return self._rows

    @property
    def today(self) -> date:
        """The date overdue and expiry are judged against."""
        return self._today

    def row_at(self, row: int) -> RegisterRow:
        """The RegisterRow in model row ``row``."""
        return self._rows[row]

    def haystack(self, row: int) -> str:
        """Lower-case text searched by the filter."""
        return self._haystacks[row]

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                side = Qt.AlignmentFlag.AlignRight if section in (Column.SCORE, Column.FLAGS) else Qt.AlignmentFlag.AlignLeft
                return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        for role in Role:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole:
            if column == Column.NEXT_REVIEW and row.overdue(self._today):
                return self._bold
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.SCORE, Column.FLAGS):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(row, column) or self._tooltip(row, column)
        if role == Role.ROW:
            return row
        if role == Role.SORT_KEY:
            return _SORT_KEYS[Column(column)](row) if column < len(Column) else None
        if role == Role.RATING:
            return row.rating
        if role == Role.OVERDUE:
            return row.overdue(self._today)
        if role == Role.VENDOR_ID:
            return row.vendor_id
        if role == Role.ASSESSMENT_ID:
            return row.assessment_id
        if role == Role.FLAG_LEVEL:
            return flag_level(row)
        return None

    def _display(self, row: RegisterRow, column: int) -> str:
        if column == Column.VENDOR:
            return row.vendor_name
        if column == Column.PRODUCT:
            return row.product_name or self.tr("No products yet")
        if column == Column.CATEGORY:
            return labels.category(row.category)
        if column == Column.RATING:
            return labels.rating(row.rating) if row.assessment_id is not None else ""
        if column == Column.TIER:
            return labels.tier(row.tier) if row.tier is not None else "–"
        if column == Column.SCORE:
            return f"{row.score:.0f}" if row.score is not None else "–"
        if column == Column.FLAGS:
            return str(row.open_flags) if row.open_flags else ""
        if column == Column.STATUS:
            return labels.status(row.status)
        if column == Column.EVIDENCE:
            parts = []
            if row.evidence_expired:
                parts.append(self.tr("{n} expired").format(n=row.evidence_expired))
            if row.evidence_expiring:
                parts.append(self.tr("{n} expiring").format(n=row.evidence_expiring))
            return " · ".join(parts)
        if column == Column.NEXT_REVIEW:
            if row.next_review_due is None:
                return ""
            text = row.next_review_due.isoformat()
            return self.tr("{date} (overdue)").format(date=text) if row.overdue(self._today) else text
        return ""

    def _tooltip(self, row: RegisterRow, column: int) -> str | None:
        if column == Column.VENDOR:
            return f"{row.vendor_name} ({row.country})" if row.country else row.vendor_name
        if column == Column.FLAGS and row.open_flags:
            return self.flags_tooltip(row)
        if column == Column.EVIDENCE and (row.evidence_expired or row.evidence_expiring):
            return self.tr("Evidence of this vendor: {expired} expired, {expiring} expiring within 60 days").format(
                expired=row.evidence_expired, expiring=row.evidence_expiring)
        if column == Column.SCORE and row.score is not None:
            return self.tr("Trust score {score:.1f} of 100; {done:.0%} of the questions answered").format(
                score=row.score, done=row.completeness)
        if column == Column.STATUS and row.decision is not None:
            return self.tr("Decision: {decision} on {date}").format(
                decision=labels.decision(row.decision), date=row.decided_on or "")
        return None

    def flags_tooltip(self, row: RegisterRow) -> str:
        """"N open red flags (M critical)"."""
        count = self.tr("%n open red flag(s)", "", row.open_flags)
        return self.tr("{flags} ({critical} critical)").format(flags=count, critical=row.critical_flags)

    def _foreground(self, row: RegisterRow, column: int) -> QBrush | None:
        if column == Column.NEXT_REVIEW and row.overdue(self._today):
            return self._danger
        if column == Column.FLAGS and row.open_flags:  # same rule as the badge (flag_level)
            return self._danger if row.critical_flags else self._warning
        if column == Column.EVIDENCE:
            return self._danger if row.evidence_expired else self._warning
        if column == Column.PRODUCT and not row.product_name:
            return self._muted
        if column in (Column.TIER, Column.SCORE) and _SORT_KEYS[Column(column)](row) is None:
            return self._muted
        return None

    # -- sorting on the Python list ------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(Column)) or not self._rows:
            return
        key = _SORT_KEYS[Column(column)]
        keyed = [(key(r), i) for i, r in enumerate(self._rows)]
        # Empty values always go last, whichever direction (a procurement officer sorting by
        # score wants the scored products first, not a block of dashes).
        present = [k for k in keyed if k[0] is not None]
        missing = [k for k in keyed if k[0] is None]
        reverse = order == Qt.SortOrder.DescendingOrder
        present.sort(key=lambda k: (k[0], self._rows[k[1]].vendor_name.casefold()), reverse=reverse)
        new_order = [i for _, i in present] + [i for _, i in missing]
        self.layoutAboutToBeChanged.emit()
        old_to_new = {old: new for new, old in enumerate(new_order)}
        persistent = self.persistentIndexList()
        moved = [self.index(old_to_new[p.row()], p.column()) for p in persistent]
        self._rows = [self._rows[i] for i in new_order]
        self._haystacks = [self._haystacks[i] for i in new_order]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()


#: Filter value meaning "no rating yet" / "no status yet".
NONE = "none"


class RegisterFilterProxyModel(QSortFilterProxyModel):
    """Filters by rating, tier, status, overdue and a search text; sorting is delegated to the
    source model (see the module docstring)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._rating: Rating | str | None = None
        self._tier: int | None = None
        self._status: AssessmentStatus | str | None = None
        self._overdue_only = False

    def _refilter(self, change: Callable[[], None]) -> None:
        # Qt 6.10+ idiom: bracket the state change so the proxy re-filters rows only.
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _source(self) -> RegisterTableModel:
        return self.sourceModel()  # type: ignore[return-value]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    # -- filters -------------------------------------------------------------------------------

    def set_search_text(self, text: str) -> None:
        """Show rows whose vendor, product, country or category contains ``text``."""
        text = text.strip().casefold()
        if text != self._text:
            self._refilter(lambda: setattr(self, "_text", text))

    def set_rating(self, rating: Rating | str | None) -> None:
        """Only this rating (None = any, NONE = not rated)."""
        self._refilter(lambda: setattr(self, "_rating", rating))

    def set_tier(self, tier: int | None) -> None:
        """Only this inherent tier (None = any)."""
        self._refilter(lambda: setattr(self, "_tier", tier))

    def set_status(self, status: AssessmentStatus | str | None) -> None:
        """Only this status (None = any, NONE = not assessed)."""
        self._refilter(lambda: setattr(self, "_status", status))

    def set_overdue_only(self, on: bool) -> None:
        """Only rows whose next review date has passed."""
        self._refilter(lambda: setattr(self, "_overdue_only", on))

    def clear_filters(self) -> None:
        """Show every row."""
        def reset() -> None:
            self._text, self._rating, self._tier, self._status, self._overdue_only = "", None, None, None, False

        self._refilter(reset)

    @property
    def is_filtered(self) -> bool:
        """True when any filter is active."""
        return bool(self._text) or any(v is not None for v in (self._rating, self._tier, self._status)) \
            or self._overdue_only

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self._source()
        row = source.row_at(source_row)
        if self._rating is not None:
            if self._rating == NONE:
                if row.rating is not None:
                    return False
            elif row.rating != self._rating:
                return False
        if self._tier is not None and row.tier != self._tier:
            return False
        if self._status is not None:
            if self._status == NONE:
                if row.status is not None:
                    return False
            elif row.status != self._status:
                return False
        if self._overdue_only and not row.overdue(source.today):
            return False
        if self._text and self._text not in source.haystack(source_row):
            return False
        return True


# -- loading -----------------------------------------------------------------------------------

def load_register_rows(services: "Services") -> list[RegisterRow]:
    """The register's rows, from one ``ScoringService.register_rows()`` call (stored snapshots;
    never a query per row)."""
    return list(services.scoring.register_rows())
