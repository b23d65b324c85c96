"""The vendor register's Qt model: a thin table over a list of :class:`RegisterRow`.

Following napari, the model only adapts plain Python data: rows are loaded once (one call to
``services.scoring.register_rows()``, off the GUI thread) and ``data()`` does no I/O, only
attribute access and formatting.

The rows are a :class:`RegisterRows`: tuples of the row's fields, a ``RegisterRow`` object built
only for a row the view shows (display strings are computed in ``data()``, for visible cells
only). Filters, search keys and sort keys read the tuples, so 130,000 rows at 100,000 vendors
never become 130,000 objects unless something walks them all.

Sorting and filtering happen here, on the Python list, not in a QSortFilterProxyModel: at 13,000
rows the proxy re-filtered row by row and announced every removed and inserted range, and a view
that recounted on each announcement froze for 5-18 s per filter change. Now a filter change is
one pass over precomputed keys (list comprehensions, O(rows)) and one model reset; a sort is one
``list.sort`` over precomputed keys, cached per column, and one layout change. Counts are cached
per load. See docs/performance.md ("Register at scale") for the figures at 10,000 and 100,000.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import FIELD_INDEX, RegisterRow, RegisterRows
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels, theme

if TYPE_CHECKING:
    from trustframe.services.context import Services

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


#: Filter value meaning "no rating yet" / "no status yet".
NONE = "none"


@dataclass(frozen=True)
class RegisterFilter:
    """The register's filters; the default filters nothing."""

    text: str = ""                                  # casefolded substring of vendor/product/country/category
    rating: Rating | str | None = None              # None = any, NONE = not rated
    tier: int | None = None                         # None = any
    status: AssessmentStatus | str | None = None    # None = any, NONE = not assessed
    overdue_only: bool = False

    @property
    def active(self) -> bool:
        """True when any filter is set."""
        return bool(self.text) or any(v is not None for v in (self.rating, self.tier, self.status)) \
            or self.overdue_only


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


# Ranks looked up in dictionaries: ``Rating.rank`` and ``list(...).index`` per row were most of
# a 100,000-row sort.
_RATING_RANK: dict[Any, int] = {r: i for i, r in enumerate(Rating)}
_STATUS_RANK: dict[Any, int] = {s: i for i, s in enumerate(AssessmentStatus)}

_SORT_KEYS: dict[Column, Callable[[RegisterRow], Any]] = {
    Column.VENDOR: lambda r: r.vendor_name.casefold(),
    Column.PRODUCT: lambda r: r.product_name.casefold() or None,
    Column.CATEGORY: lambda r: r.category.value if r.category else None,
    Column.RATING: lambda r: _RATING_RANK.get(r.rating),
    Column.TIER: lambda r: r.tier,
    Column.SCORE: lambda r: r.score,
    Column.FLAGS: lambda r: (r.critical_flags, r.open_flags),
    Column.STATUS: lambda r: _STATUS_RANK.get(r.status),
    Column.EVIDENCE: lambda r: (r.evidence_expiring + r.evidence_expired) or None,
    Column.NEXT_REVIEW: lambda r: r.next_review_due,
}


# The same keys on a row's tuple of fields (RegisterRows.values): what sorting and filtering use,
# without building a RegisterRow per row. tests/ui/test_register_model.py checks that both give
# the same key for every column and row.
_VENDOR_ID, _VENDOR_NAME, _COUNTRY, _PRODUCT_ID, _PRODUCT_NAME, _CATEGORY = (
    FIELD_INDEX[name] for name in ("vendor_id", "vendor_name", "country", "product_id", "product_name", "category"))
_STATUS, _TIER, _SCORE, _RATING, _OPEN, _CRITICAL = (
    FIELD_INDEX[name] for name in ("status", "tier", "score", "rating", "open_flags", "critical_flags"))
_EXPIRING, _EXPIRED, _NEXT_REVIEW, _REASSESSMENT_STATUS = (
    FIELD_INDEX[name] for name in ("evidence_expiring", "evidence_expired", "next_review_due", "reassessment_status"))

_VALUE_SORT_KEYS: dict[Column, Callable[[tuple[Any, ...]], Any]] = {
    Column.VENDOR: lambda r: r[_VENDOR_NAME].casefold(),
    Column.PRODUCT: lambda r: r[_PRODUCT_NAME].casefold() or None,
    Column.CATEGORY: lambda r: r[_CATEGORY].value if r[_CATEGORY] else None,
    Column.RATING: lambda r: _RATING_RANK.get(r[_RATING]),
    Column.TIER: lambda r: r[_TIER],
    Column.SCORE: lambda r: r[_SCORE],
    Column.FLAGS: lambda r: (r[_CRITICAL], r[_OPEN]),
    Column.STATUS: lambda r: _STATUS_RANK.get(r[_STATUS]),
    Column.EVIDENCE: lambda r: (r[_EXPIRING] + r[_EXPIRED]) or None,
    Column.NEXT_REVIEW: lambda r: r[_NEXT_REVIEW],
}


class VisibleRows(Sequence[RegisterRow]):
    """The rows passing the filters, in display order: a view of the model's rows (nothing is
    copied or built until a row is read)."""

    __slots__ = ("_table", "_ids")

    def __init__(self, table: RegisterRows, ids: list[int]) -> None:
        self._table = table
        self._ids = ids

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> RegisterRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[RegisterRow]: ...

    def __getitem__(self, index: int | slice) -> RegisterRow | list[RegisterRow]:
        if isinstance(index, slice):
            return [self._table[i] for i in self._ids[index]]
        return self._table[self._ids[index]]

    def __iter__(self) -> Iterator[RegisterRow]:
        table = self._table
        return (table[i] for i in self._ids)

    def keys(self) -> list[tuple[int, int | None]]:
        """(vendor id, product id) of each row, in order (no row object built)."""
        values = self._table.values
        return [(values[i][_VENDOR_ID], values[i][_PRODUCT_ID]) for i in self._ids]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, tuple, VisibleRows)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    # Unhashable, like the list it compares equal to; typeshed declares __hash__ a method, hence the ignore.
    __hash__ = None  # type: ignore[assignment]


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
        self._all = RegisterRows([])               # every row, in load order
        self._visible: list[int] = []              # indexes into _all shown, in display order
        self._rows = VisibleRows(self._all, [])    # the shown rows (``_all`` through ``_visible``)
        self._haystacks: list[str] | None = None   # search keys per row of _all (lazy)
        self._ascending: dict[Column, tuple[list[int], list[int]]] = {}  # per column: ids with, without a value
        self._filter = RegisterFilter()
        self._sort_column, self._sort_order = Column.VENDOR, Qt.SortOrder.AscendingOrder
        self._vendor_count = self._product_count = 0
        self._today = date.today()
        self._headers = _header_titles(self.tr)
        self._bold = QFont()
        self._bold.setBold(True)
        self._danger = QBrush(theme.DANGER)
        self._warning = QBrush(theme.WARNING)
        self._muted = QBrush(theme.MUTED)

    # -- data in -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RegisterRow], today: date | None = None,
                 sort: tuple[int, Qt.SortOrder] | None = None) -> None:
        """Replace every row (a reset is cheaper than diffing 10,000 rows), keeping the filters
        and the sort (or applying ``sort``, (column, order)): one sort, one filter pass, one reset.
        ``rows``: a :class:`RegisterRows` (kept as it is; it must not change afterwards) or any
        sequence of rows."""
        self.beginResetModel()
        if sort is not None and 0 <= sort[0] < len(Column):
            self._sort_column, self._sort_order = Column(sort[0]), sort[1]
        self._today = today or date.today()
        self._all = RegisterRows.of(rows)
        values = self._all.values
        # Search keys and sort orders other than the one shown are built on first use:
        # start-up on 100,000 rows pays only for what the first screen needs.
        self._haystacks = None
        self._ascending = {}
        self._visible = self._filtered(self._order()) if values else []
        self._rows = VisibleRows(self._all, self._visible)
        # Counts are computed once per load (by the builder, off the GUI thread, when it could);
        # filtering only changes ``visible_count``.
        if self._all.counts is not None:
            self._vendor_count, self._product_count = self._all.counts
        else:
            self._vendor_count = len({r[_VENDOR_ID] for r in values})
            self._product_count = len(values) - [r[_PRODUCT_ID] for r in values].count(None)
        self.endResetModel()

    @property
    def rows(self) -> Sequence[RegisterRow]:
        """The rows passing the filters, in display order (a :class:`VisibleRows` view)."""
        return self._rows

    def row_keys(self) -> list[tuple[int, int | None]]:
        """(vendor id, product id) of each row in :attr:`rows`, in order (no row object built)."""
        return self._rows.keys()

    @property
    def all_rows(self) -> RegisterRows:
        """Every row, filtered or not (load order)."""
        return self._all

    @property
    def total_count(self) -> int:
        """Rows in the register, filtered or not."""
        return len(self._all)

    @property
    def visible_count(self) -> int:
        """Rows passing the filters."""
        return len(self._rows)

    @property
    def vendor_count(self) -> int:
        """Distinct vendors in the register (cached per load)."""
        return self._vendor_count

    @property
    def product_count(self) -> int:
        """Products and services in the register (cached per load)."""
        return self._product_count

    @property
    def today(self) -> date:
        """The date overdue and expiry are judged against."""
        return self._today

    def row_at(self, row: int) -> RegisterRow | None:
        """The RegisterRow shown in model row ``row`` (never None here; the paged server model
        answers None for a row whose page is still being fetched)."""
        return self._all[self._visible[row]]

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
                right = section in (Column.SCORE, Column.FLAGS)
                side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
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
        if not index.isValid() or not (0 <= index.row() < len(self._visible)):
            return None
        # Built on first use and kept by RegisterRows: only the rows a view asks for.
        return self.row_data(self._all[self._visible[index.row()]], index.column(), role)

    def row_data(self, row: RegisterRow, column: int, role: int) -> Any:
        """What ``data()`` answers for ``row`` in ``column`` (shared with the server-paged model)."""
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
            if row.reassessment_id is not None:
                return self.standing_decision(row)
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
        if column == Column.STATUS and row.reassessment_id is not None:
            return self.tr("The decision above stands until the reassessment (now {status}) is decided").format(
                status=labels.status(row.reassessment_status).lower())
        if column == Column.STATUS and row.decision is not None:
            return self.tr("Decision: {decision} on {date}").format(
                decision=labels.decision(row.decision), date=row.decided_on or "")
        return None

    def standing_decision(self, row: RegisterRow) -> str:
        """"approved 2026-03-02; reassessment in progress": the decision that stands while a
        newer assessment of the product is open."""
        decided: dict[Decision | None, str] = {
            Decision.APPROVE: self.tr("approved"),
            Decision.APPROVE_WITH_CONDITIONS: self.tr("approved with conditions"),
            Decision.ESCALATE: self.tr("escalated"),
            Decision.REJECT: self.tr("rejected")}
        done = decided.get(row.decision, self.tr("decided"))
        when = row.decided_on.isoformat() if row.decided_on else ""
        return self.tr("{decision} {date}; reassessment in progress").format(decision=done, date=when).replace(
            " ;", ";")

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
        """Sort by ``column`` (empty values last both ways), keeping selection and current row.

        One ``list.sort`` over precomputed keys per column, cached until the rows change; the
        descending order is the ascending one reversed, so toggling the direction costs O(rows).
        """
        if not (0 <= column < len(Column)):
            return
        self._sort_column, self._sort_order = Column(column), order
        if not self._all:
            return
        self.layoutAboutToBeChanged.emit()
        old = self._visible
        self._visible = self._filtered(self._order())
        self._rows = VisibleRows(self._all, self._visible)
        # Persistent indexes (selection, current row) follow their rows. Rows keep their
        # visibility, since sorting does not filter, so every old position has a new one.
        persistent = self.persistentIndexList()
        if persistent:
            position = {i: n for n, i in enumerate(self._visible)}
            moved = [self.index(position[old[p.row()]], p.column()) if 0 <= p.row() < len(old) else QModelIndex()
                     for p in persistent]
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    @property
    def sort_column(self) -> Column:
        """The column the rows are sorted by."""
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        """The direction of the sort."""
        return self._sort_order

    def _order(self) -> list[int]:
        """Indexes into all rows in the current sort order (cached per column)."""
        column = self._sort_column
        ascending = self._ascending.get(column)
        if ascending is None and column == Column.VENDOR and (self._all.vendor_ordered
                                                               or _in_vendor_order(self._all.values)):
            # The register loads in vendor order (ScoringService.register_rows): the stable sort
            # by vendor name is the load order, so 100,000+ rows need no key list and no sort.
            ascending = (list(range(len(self._all))), [])
            self._ascending[column] = ascending
        if ascending is None:
            keys = list(map(_VALUE_SORT_KEYS[column], self._all.values))
            present = [i for i, k in enumerate(keys) if k is not None]
            missing = [i for i, k in enumerate(keys) if k is None]
            # A stable sort: equal keys keep the load order, which is vendor then product name
            # (ScoringService.register_rows), so no tie-break key has to be built per row.
            present.sort(key=keys.__getitem__)
            ascending = (present, missing)
            self._ascending[column] = ascending
        present_ids, missing_ids = ascending
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            # Empty values always go last, whichever direction (a procurement officer sorting
            # by score wants the scored products first, not a block of dashes).
            return present_ids[::-1] + missing_ids
        return present_ids + missing_ids

    # -- filtering in the model ----------------------------------------------------------------

    @property
    def filter(self) -> RegisterFilter:
        """The filters in force."""
        return self._filter

    @property
    def is_filtered(self) -> bool:
        """True when any filter is active."""
        return self._filter.active

    def set_filter(self, new: RegisterFilter) -> bool:
        """Apply ``new`` filters: one pass over the rows and one model reset. Returns whether
        anything changed (an unchanged filter costs nothing)."""
        new = replace(new, text=new.text.strip().casefold())
        old = self._filter
        if new == old:
            return False
        self._filter = new
        if not self._all:
            return True
        # Typing narrows the search: when only the text grew to contain the old text, the
        # matches are a subset of what is shown now, so only those rows are searched.
        narrowing = (old.text and old.text in new.text and replace(old, text=new.text) == new)
        base = self._visible if narrowing else self._order()
        self.beginResetModel()
        self._visible = self._filtered(base, text_only=bool(narrowing))
        self._rows = VisibleRows(self._all, self._visible)
        self.endResetModel()
        return True

    def set_search_text(self, text: str) -> None:
        """Show rows whose vendor, product, country or category contains ``text``."""
        self.set_filter(replace(self._filter, text=text))

    def set_rating(self, rating: Rating | str | None) -> None:
        """Only this rating (None = any, NONE = not rated)."""
        self.set_filter(replace(self._filter, rating=rating))

    def set_tier(self, tier: int | None) -> None:
        """Only this inherent tier (None = any)."""
        self.set_filter(replace(self._filter, tier=tier))

    def set_status(self, status: AssessmentStatus | str | None) -> None:
        """Only this status (None = any, NONE = not assessed)."""
        self.set_filter(replace(self._filter, status=status))

    def set_overdue_only(self, on: bool) -> None:
        """Only rows whose next review date has passed."""
        self.set_filter(replace(self._filter, overdue_only=on))

    def clear_filters(self) -> None:
        """Show every row."""
        self.set_filter(RegisterFilter())

    def _filtered(self, ids: list[int], text_only: bool = False) -> list[int]:
        """The ids (in order) that pass the filters: one list comprehension per active filter,
        each O(rows) with attribute access only (no Qt call, no per-row signal)."""
        f = self._filter
        rows = self._all.values  # tuples of the rows' fields: no RegisterRow is built
        if not text_only:
            if f.rating is not None:
                if f.rating == NONE:
                    ids = [i for i in ids if rows[i][_RATING] is None]
                else:  # == not `is`: a combo box may hand back the enum's value
                    rating = f.rating
                    ids = [i for i in ids if rows[i][_RATING] == rating]
            if f.tier is not None:
                tier = f.tier
                ids = [i for i in ids if rows[i][_TIER] == tier]
            if f.status is not None:
                if f.status == NONE:
                    ids = [i for i in ids if rows[i][_STATUS] is None]
                else:
                    # A product being reassessed matches its current status and the new one's.
                    status = f.status
                    ids = [i for i in ids if rows[i][_STATUS] == status or rows[i][_REASSESSMENT_STATUS] == status]
            if f.overdue_only:
                today = self._today
                ids = [i for i in ids if rows[i][_NEXT_REVIEW] is not None and rows[i][_NEXT_REVIEW] < today]
        if f.text:
            haystacks = self._search_keys()
            text = f.text
            ids = [i for i in ids if text in haystacks[i]]
        return ids

    def _search_keys(self) -> list[str]:
        """Lower-case text searched by the filter, one per row (built on the first search)."""
        if self._haystacks is None:
            names: dict[ProductCategory | None, str] = {c: labels.category(c) for c in ProductCategory}
            names[None] = ""
            self._haystacks = [f"{r[_VENDOR_NAME]} {r[_PRODUCT_NAME]} {r[_COUNTRY]} {names[r[_CATEGORY]]}".casefold()
                               for r in self._all.values]
        return self._haystacks

    def haystack(self, row: int) -> str:
        """Lower-case text searched by the filter, for visible row ``row``."""
        return self._search_keys()[self._visible[row]]


def _in_vendor_order(rows: list[tuple[Any, ...]]) -> bool:
    """Whether ``rows`` (tuples of fields) are sorted by case-folded vendor name (one pass, no
    key list)."""
    previous = ""
    for row in rows:
        key = row[_VENDOR_NAME].casefold()
        if key < previous:
            return False
        previous = key
    return True


# -- loading -----------------------------------------------------------------------------------

def load_register_rows(services: Services) -> RegisterRows:
    """The register's rows, from one ``ScoringService.register_table()`` call (stored snapshots;
    never a query per row; no RegisterRow object built until a row is shown)."""
    return services.scoring.register_table()
