"""Read models for the vendor register and the portfolio overview."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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
