"""What the server-side register is asked for (filters, sort) and answers with (counts).

Kept free of SQLAlchemy, like :mod:`trustframe.storage.register_sql`: the GUI's register view
imports these before the database toolkit has loaded (start-up shows the window first). The SQL
is in :mod:`trustframe.storage.register_query`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Sortable columns, in the register's display order (``ui.models.register_model.Column``).
SORT_COLUMNS = ("vendor", "product", "category", "rating", "tier", "score", "flags", "status", "evidence",
                "next_review")
#: Ranks of ratings and statuses (best rating first; statuses in life order), as the GUI sorts them.
RATING_ORDER = ("low", "moderate", "high", "critical")
STATUS_ORDER = ("draft", "sent", "returned", "in_review", "decided")
#: Filter value meaning "no rating" / "not assessed".
NONE = "none"

#: Fields of each row, in the order of :class:`trustframe.domain.portfolio.RegisterRow`.
ROW_FIELDS = ("vendor_id", "vendor_name", "country", "product_id", "product_name", "category", "assessment_id",
              "status", "tier", "score", "rating", "recommendation", "completeness", "open_flags",
              "critical_flags", "evidence_expiring", "evidence_expired", "next_review_due", "decision",
              "decided_on", "assessment_count", "reassessment_id", "reassessment_status")


@dataclass(frozen=True)
class RegisterQuery:
    """What the register shows: filters (as ``RegisterFilter``, with plain values) and the sort.

    ``text`` is matched case-folded; ``rating``/``status`` are the stored values or :data:`NONE`.
    """

    text: str = ""
    rating: str | None = None
    tier: int | None = None
    status: str | None = None
    overdue_only: bool = False
    sort: str = "vendor"
    descending: bool = False

    @property
    def filtered(self) -> bool:
        """True when any filter is set."""
        return bool(self.text) or any(v is not None for v in (self.rating, self.tier, self.status)) \
            or self.overdue_only


@dataclass(frozen=True)
class RegisterCounts:
    """The status bar's numbers: rows shown, rows in all, vendors and products in all."""

    visible: int
    total: int
    vendors: int
    products: int
