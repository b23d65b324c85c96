"""Assessments and their answers."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from trustframe.domain.questionnaire import ProductCategory


class AssessmentStatus(str, enum.Enum):
    """Where an assessment is in its life: draft -> sent -> returned -> in review -> decided."""

    DRAFT = "draft"
    SENT = "sent"
    RETURNED = "returned"
    IN_REVIEW = "in_review"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        """Human-readable status."""
        return {
            "draft": "Draft",
            "sent": "Sent to vendor",
            "returned": "Returned",
            "in_review": "In review",
            "decided": "Decided",
        }[self.value]


#: The status changes allowed; reopening a decided assessment is explicit and logged.
ALLOWED_TRANSITIONS: dict[AssessmentStatus, frozenset[AssessmentStatus]] = {
    AssessmentStatus.DRAFT: frozenset({AssessmentStatus.SENT, AssessmentStatus.IN_REVIEW}),
    AssessmentStatus.SENT: frozenset({AssessmentStatus.RETURNED, AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW}),
    AssessmentStatus.RETURNED: frozenset({AssessmentStatus.IN_REVIEW, AssessmentStatus.SENT}),
    AssessmentStatus.IN_REVIEW: frozenset({AssessmentStatus.DECIDED, AssessmentStatus.SENT, AssessmentStatus.DRAFT}),
    AssessmentStatus.DECIDED: frozenset({AssessmentStatus.IN_REVIEW}),
}


class Decision(str, enum.Enum):
    """The outcome of a review."""

    APPROVE = "approve"
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"
    ESCALATE = "escalate"
    REJECT = "reject"

    @property
    def label(self) -> str:
        """Human-readable decision."""
        return {
            "approve": "Approve",
            "approve_with_conditions": "Approve with conditions",
            "escalate": "Escalate",
            "reject": "Reject",
        }[self.value]


class AnswerSource(str, enum.Enum):
    """Who gave an answer."""

    BUYER = "buyer"
    VENDOR = "vendor"
    REVIEWER = "reviewer"

    @property
    def label(self) -> str:
        """Human-readable source."""
        return {"buyer": "Officer", "vendor": "Vendor return", "reviewer": "Reviewer override"}[self.value]


@dataclass(frozen=True)
class Answer:
    """The answer to one question in one assessment.

    ``value`` is an option id (single choice, yes/no), a list of option ids (multiple choice),
    a number, an ISO date string, free text, or None when cleared.
    """

    question_id: str
    value: Any
    comment: str = ""
    source: AnswerSource = AnswerSource.BUYER
    override_reason: str = ""
    needs_follow_up: bool = False
    to_confirm: bool = False
    evidence_ids: tuple[int, ...] = ()
    updated_at: datetime | None = field(default=None, compare=False)
    updated_by: str = field(default="", compare=False)
    import_id: int | None = field(default=None, compare=False)
    vendor_value: Any = field(default=None, compare=False)
    #: Rule 3 (docs/scoring.md): a "not applicable" answer counts only once a reviewer accepted
    #: it, with a reason. Set when accepted; cleared when the answer changes.
    na_accepted_reason: str = field(default="", compare=False)
    na_accepted_by: str = field(default="", compare=False)
    na_accepted_at: datetime | None = field(default=None, compare=False)
    #: Pre-filled from the vendor's answer library: the earlier assessment it came from and the
    #: date it was answered there (shown beside the answer until confirmed).
    origin_assessment_id: int | None = field(default=None, compare=False)
    origin_date: date | None = field(default=None, compare=False)
    #: Why a carried answer must be confirmed (a reassessment on a newer bank that reworded the
    #: question); empty otherwise. Cleared with ``to_confirm``.
    confirm_note: str = field(default="", compare=False)
    #: Team mode (no lost update): the stored row's version, given back when saving so a save
    #: against a version someone else has moved on is refused (0 when not read from a workspace).
    version: int = field(default=0, compare=False)

    @property
    def na_accepted(self) -> bool:
        """True when a reviewer accepted this (not applicable) answer with a reason."""
        return bool(self.na_accepted_reason)


@dataclass(frozen=True)
class FlagAcceptance:
    """A reviewer's acceptance of a red flag as mitigated."""

    flag_id: str
    reason: str
    accepted_by: str
    accepted_at: datetime | None = None


@dataclass(frozen=True)
class Assessment:
    """An assessment of one product of one vendor against one questionnaire version."""

    id: int | None
    vendor_id: int
    product_id: int
    questionnaire_id: str
    questionnaire_version: str
    status: AssessmentStatus = AssessmentStatus.DRAFT
    tier: int | None = None
    tier_override: int | None = None
    tier_override_reason: str = ""
    profile_answers: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    scope_added: tuple[str, ...] = ()
    scope_removed: tuple[str, ...] = ()
    assessor: str = ""
    reviewer: str = ""
    decision: Decision | None = None
    decision_by: str = ""
    decision_date: date | None = None
    decision_notes: str = ""
    #: Written reason for a decision against the recommendation or on too few answers.
    decision_justification: str = ""
    due_date: date | None = None
    next_review_due: date | None = None
    previous_assessment_id: int | None = None
    procurement: str = ""
    created_at: datetime | None = field(default=None, compare=False)
    updated_at: datetime | None = field(default=None, compare=False)
    vendor_name: str = field(default="", compare=False)
    product_name: str = field(default="", compare=False)
    product_category: ProductCategory | None = field(default=None, compare=False)
    #: Regulatory overlays applied, as ``(id, version)`` pairs in the order chosen.
    overlays: tuple[tuple[str, str], ...] = ()
    #: The buyer-module version the buyer's answers belong to (None until the first answer).
    buyer_module_version: str | None = None
    #: The scoring-profile version the assessment is scored with (None: the newest).
    scoring_profile_version: str | None = None

    @property
    def overlay_ids(self) -> tuple[str, ...]:
        """The ids of the overlays applied."""
        return tuple(oid for oid, _ in self.overlays)
    #: Team mode (no lost update): the stored row's version, given back when saving so a save
    #: against a version someone else has moved on is refused (0 when not read from a workspace).
    version: int = field(default=0, compare=False)

    @property
    def effective_tier(self) -> int | None:
        """The tier in force: the buyer's override when there is one, else the computed tier."""
        return self.tier_override if self.tier_override is not None else self.tier

    @property
    def locked(self) -> bool:
        """Decided assessments are locked; reopening is an explicit, logged action."""
        return self.status is AssessmentStatus.DECIDED
