"""Read models for the vendor register and the portfolio overview."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter
from typing import Any, overload

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the vendor register: a product with its latest assessment (or none yet).

    Slotted: the register holds one per product (130,000 at 100,000 vendors), and slots take
    about half the memory of an instance dictionary."""

    vendor_id: int
    vendor_name: str
    country: str
    product_id: int | None
    product_name: str
    category: ProductCategory | None
    assessment_id: int | None
    status: AssessmentStatus | None
    tier: int | None
    score: float | None            # 0-100
    rating: Rating | None
    recommendation: Recommendation | None
    completeness: float            # 0..1
    open_flags: int
    critical_flags: int
    evidence_expiring: int         # evidence of the vendor expiring within the warning window
    evidence_expired: int
    next_review_due: date | None
    decision: Decision | None
    decided_on: date | None
    assessment_count: int = 0
    # A newer assessment still open while the fields above show the standing decision
    # ("approved 2026-03-02; reassessment in progress"); None when there is none.
    reassessment_id: int | None = None
    reassessment_status: AssessmentStatus | None = None

    def overdue(self, today: date) -> bool:
        """True when the next review date has passed."""
        return self.next_review_due is not None and self.next_review_due < today


#: Position of each :class:`RegisterRow` field in the tuples :class:`RegisterRows` stores.
FIELD_INDEX: dict[str, int] = {f.name: i for i, f in enumerate(fields(RegisterRow))}
_FIELD_VALUES = attrgetter(*FIELD_INDEX)


def register_row_factory() -> Callable[[tuple[Any, ...]], RegisterRow]:
    """A constructor of :class:`RegisterRow` from a tuple of all its fields, in order.

    Why: the frozen dataclass's ``__init__`` sets its fields one ``object.__setattr__`` at a
    time (keyword handling, frozen check), a third of the register's CPU time at 13,000 rows.
    Calling each slot's descriptor directly gives an identical object (same fields, equality,
    repr, hash) at a fraction of the cost.
    """
    setters = tuple(getattr(RegisterRow, f.name).__set__ for f in fields(RegisterRow))
    new = object.__new__

    def make(values: tuple[Any, ...]) -> RegisterRow:
        row = new(RegisterRow)
        # Not strict: this is the register's hottest loop, and the tuples are built from the same fields.
        for setter, value in zip(setters, values, strict=False):
            setter(row, value)
        return row

    return make


_make_row = register_row_factory()


class PausedGc:
    """The cycle collector paused for a block (re-enabled after, if it was on).

    Why: building 130,000 register rows allocates a few million objects, none in a cycle, and
    each full collection the allocations trigger walks every object in the process (a tenth of
    the register's build at 100,000 vendors, half of building its RegisterRow objects; more in
    the GUI, which holds many more objects). Pausing is process-wide: keep the block short."""

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *_exc: object) -> None:
        if self._was_enabled:
            gc.enable()


class RegisterRows(Sequence[RegisterRow]):
    """The register's rows kept as plain tuples of :class:`RegisterRow`'s fields (in field
    order, see :data:`FIELD_INDEX`); a :class:`RegisterRow` is built the first time a row is
    asked for, and kept.

    Why: building 130,000 ``RegisterRow`` objects was a third of the CPU time of opening a
    100,000-vendor workspace (docs/performance.md, "GUI start-up"), yet a screen shows 40 rows.
    The register's model filters and sorts on :attr:`values` directly; every other reader sees
    a sequence of ``RegisterRow`` (equal to a list of the same rows).
    """

    __slots__ = ("values", "_objects", "vendor_ordered", "counts")

    def __init__(self, values: list[tuple[Any, ...]], vendor_ordered: bool = False,
                 counts: tuple[int, int] | None = None) -> None:
        #: One tuple per row, in RegisterRow's field order.
        self.values = values
        #: True when the rows are in the register's vendor order (vendor name, then product).
        self.vendor_ordered = vendor_ordered
        #: (distinct vendors, rows with a product) when the builder counted them, else None.
        self.counts = counts
        self._objects: list[RegisterRow | None] | None = None

    @classmethod
    def of(cls, rows: Iterable[RegisterRow]) -> RegisterRows:
        """The rows ``rows`` (objects already built are kept, not built again)."""
        if isinstance(rows, RegisterRows):
            return rows
        objects = list(rows)
        table = cls([_FIELD_VALUES(row) for row in objects])
        table._objects = objects  # type: ignore[assignment]
        return table

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, index: int) -> RegisterRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[RegisterRow]: ...

    def __getitem__(self, index: int | slice) -> RegisterRow | list[RegisterRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self.values)))]
        objects = self._objects
        if objects is None:
            objects = self._objects = [None] * len(self.values)
        row = objects[index]
        if row is None:
            row = objects[index] = _make_row(self.values[index])
        return row

    def __setitem__(self, index: int, row: RegisterRow) -> None:
        """Replace one row (the services' refresh of an out-of-date score)."""
        old = self.values[index]
        self.values[index] = _FIELD_VALUES(row)
        if self.counts is not None and (old[0], old[3]) != (row.vendor_id, row.product_id):
            self.counts = None
        if self._objects is None:
            self._objects = [None] * len(self.values)
        self._objects[index] = row

    def __iter__(self) -> Iterator[RegisterRow]:
        for i in range(len(self.values)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RegisterRows):
            return self.values == other.values
        if isinstance(other, (list, tuple)):
            return len(other) == len(self.values) and all(
                isinstance(row, RegisterRow) and _FIELD_VALUES(row) == values
                for row, values in zip(other, self.values, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"RegisterRows({len(self.values)} rows)"

    def copy(self) -> RegisterRows:
        """A shallow copy (the tuples and built rows are shared; replacing a row in one copy
        leaves the other as it was)."""
        table = RegisterRows(list(self.values), self.vendor_ordered, self.counts)
        if self._objects is not None:
            table._objects = list(self._objects)
        return table

    def of_vendor(self, vendor_id: int) -> list[RegisterRow]:
        """The rows of one vendor (only those are built: a scan of the tuples, 10 ms at 130,000)."""
        return [self[i] for i, values in enumerate(self.values) if values[0] == vendor_id]

    def to_list(self) -> list[RegisterRow]:
        """Every row as a :class:`RegisterRow` (built now where not built yet; not kept)."""
        make, objects = _make_row, self._objects
        with PausedGc():
            if objects is None:
                return [make(values) for values in self.values]
            return [row if row is not None else make(values) for row, values in zip(objects, self.values, strict=True)]


@dataclass(frozen=True)
class PortfolioSummary:
    """Counts for the portfolio overview and report, computed from the register rows.

    Rows without an assessment are counted under ``unassessed`` and not in the rating/tier
    counts. ``by_rating`` and ``by_tier`` hold every level (zero when none).
    """

    as_of: date
    vendors: int
    products: int
    assessed: int
    unassessed: int
    decided: int
    by_rating: dict[Rating, int]
    by_tier: dict[int | None, int]
    by_recommendation: dict[Recommendation, int]
    overdue_reviews: int
    evidence_expiring: int
    evidence_expired: int
    open_critical_flags: int          # total open critical flags over the latest assessments
    rows_with_critical_flags: int     # products whose latest assessment has one or more
    overdue: tuple[RegisterRow, ...] = ()
