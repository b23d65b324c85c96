"""The register and portfolio keep the standing decision while a reassessment is open, and
switch to the new one only when it is decided (issue 13, section 4)."""

from __future__ import annotations

from datetime import date

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _decide(services, assessment_id: int, decision: Decision, on: date) -> None:
    s = services.assessments
    for status in (AssessmentStatus.SENT, AssessmentStatus.RETURNED, AssessmentStatus.IN_REVIEW):
        s.set_status(assessment_id, status)
    s.decide(assessment_id, decision, "Rita Reviewer", decided_on=on)


def _row(services, product_id: int):
    return next(r for r in services.scoring.register_rows() if r.product_id == product_id)


def test_register_keeps_the_decision_until_the_reassessment_is_decided(services, sample_assessment) -> None:
    first = sample_assessment
    services.assessments.set_answer(first.id, "GOV-01", "verified")
    services.assessments.set_answer(first.id, "VUL-01", "yes")
    _decide(services, first.id, Decision.APPROVE, date(2026, 3, 2))
    decided = _row(services, first.product_id)
    assert (decided.assessment_id, decided.status, decided.decision) == (first.id, AssessmentStatus.DECIDED,
                                                                         Decision.APPROVE)
    assert decided.reassessment_id is None and decided.reassessment_status is None

    second = services.assessments.reassess(first.id)
    during = _row(services, first.product_id)
    # Every field the register and portfolio show still comes from the decided assessment.
    for field in ("assessment_id", "status", "tier", "score", "rating", "recommendation", "completeness",
                  "open_flags", "critical_flags", "next_review_due", "decision", "decided_on"):
        assert getattr(during, field) == getattr(decided, field), field
    assert (during.reassessment_id, during.reassessment_status) == (second.id, AssessmentStatus.DRAFT)
    assert during.assessment_count == 2
    # The portfolio counts the standing decision, not the draft.
    summary = services.scoring.portfolio_summary()
    assert summary.decided == 1 and summary.by_rating[decided.rating] == 1

    # Still open (in review): the decision still stands.
    for status in (AssessmentStatus.SENT, AssessmentStatus.RETURNED, AssessmentStatus.IN_REVIEW):
        services.assessments.set_status(second.id, status)
    assert _row(services, first.product_id).reassessment_status is AssessmentStatus.IN_REVIEW
    assert _row(services, first.product_id).assessment_id == first.id

    # Decided: the new decision replaces the old one, and nothing is "in progress" any more.
    services.assessments.decide(second.id, Decision.REJECT, "Rita Reviewer", decided_on=date(2027, 3, 1))
    after = _row(services, first.product_id)
    assert (after.assessment_id, after.decision, after.decided_on) == (second.id, Decision.REJECT, date(2027, 3, 1))
    assert after.reassessment_id is None and after.reassessment_status is None


def test_a_product_never_decided_shows_its_latest_assessment(services, sample_assessment) -> None:
    first = sample_assessment
    second = services.assessments.create(first.vendor_id, first.product_id, first.questionnaire_id)
    row = _row(services, first.product_id)
    assert row.assessment_id == second.id and row.reassessment_id is None
    assert row.status is AssessmentStatus.DRAFT and row.decision is None
